import type { BehaviourKind } from '../../contract/scoringRules';
import { emailKey } from '../normalize';
import type { BehaviourMapping } from './columns';
import { crmIdCandidates } from './crmId';
import { parseEventTime } from './eventTime';
import { behaviourKindOf } from './kinds';
import { behaviourReasons, type BehaviourReason } from './reasons';

/** A row's event, with its lead still to be found by the keys it gives. */
export interface EventRow {
  emailKey: string | null;
  /** Every stored form the row's CRM id may take (see crmIdCandidates); empty when none is given. */
  crmIds: string[];
  kind: BehaviourKind;
  /** ISO 8601 UTC with milliseconds: one spelling per instant, so duplicates compare equal. */
  occurredAt: string;
  detail: string | null;
}

export type EventRowCheck = { ok: true; event: EventRow } | { ok: false; reasons: BehaviourReason[] };

export interface EventRowContext {
  /** The zone of times written without an offset. */
  timeZone: string;
  now: Date;
}

/** Clock skew and a zone mistake in the exporting tool stay inside this; anything later is a typo. */
export const futureToleranceMs = 24 * 60 * 60 * 1000;

/** Checks a data row of an events file, reporting every problem at once. */
export function checkEventRow(values: readonly string[], mapping: BehaviourMapping, context: EventRowContext): EventRowCheck {
  const cell = (column: number | null) => (column === null ? '' : (values[column] ?? '').trim());
  const reasons: BehaviourReason[] = [];

  const email = emailKey(cell(mapping.email));
  const crmIds = crmIdCandidates(cell(mapping.crmId));
  if (email === null && crmIds.length === 0) reasons.push(behaviourReasons.missingLeadKey);

  const kindCell = cell(mapping.kind);
  const kind = kindCell.length > 0 ? behaviourKindOf(kindCell) : null;
  if (kindCell.length === 0) reasons.push(behaviourReasons.missingKind);
  else if (kind === null) reasons.push(behaviourReasons.unknownKind);

  const timeCell = cell(mapping.occurredAt);
  const at = timeCell.length > 0 ? parseEventTime(timeCell, context.timeZone) : null;
  if (timeCell.length === 0) reasons.push(behaviourReasons.missingTime);
  else if (at === null) reasons.push(behaviourReasons.badTime);
  else if (at.getTime() > context.now.getTime() + futureToleranceMs) reasons.push(behaviourReasons.futureTime);

  if (reasons.length > 0 || kind === null || at === null) return { ok: false, reasons };
  const detail = cell(mapping.detail);
  return { ok: true, event: { emailKey: email, crmIds, kind, occurredAt: at.toISOString(), detail: detail.length > 0 ? detail : null } };
}
