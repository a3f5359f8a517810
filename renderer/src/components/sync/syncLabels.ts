import type { TFunction } from 'i18next';
import type { SyncItem } from '../../../../shared/contract/sync';

/** The outbox's entity/op pairs the UI names; anything newer shows as the backend spells it. */
const kindKeys = {
  'call/upsert': 'callUpsert',
  'handoff/upsert': 'handoffUpsert',
  'lead/status': 'leadStatus',
  'lead/do_not_call': 'leadDoNotCall',
  'lead/details': 'leadDetails',
  'followup/upsert': 'followupUpsert',
  'slot/upsert': 'slotUpsert',
  'slot/delete': 'slotDelete',
} as const;

export function kindLabel(t: TFunction, item: Pick<SyncItem, 'entity' | 'op'>): string {
  const key = (kindKeys as Record<string, (typeof kindKeys)[keyof typeof kindKeys] | undefined>)[`${item.entity}/${item.op}`];
  return key ? t(`sync.screen.kinds.${key}`) : `${item.entity} ${item.op}`;
}

const knownPaths = [
  'notes',
  'outcome',
  'durationSec',
  'nextAction',
  'note',
  'recycleReason',
  'recycleUntil',
  'excludeReason',
  'summary',
  'place',
  'meetingUrl',
  'appointmentAt',
  'appointmentEnd',
] as const;
type KnownPath = (typeof knownPaths)[number];

const isKnownPath = (path: string): path is KnownPath => (knownPaths as readonly string[]).includes(path);

/** A payload field's label: named where the rep knows the field, otherwise its dotted path (package.contact.phone). */
export function pathLabel(t: TFunction, path: string): string {
  return isKnownPath(path) ? t(`sync.edit.paths.${path}`) : path;
}
