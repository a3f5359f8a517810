import type { BehaviourImportResult } from '../../../../shared/contract/behaviour';
import type { InvalidRow } from '../../../../shared/contract/imports';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import type { ScoringRules } from '../../../../shared/contract/scoringRules';
import type { IdGenerator } from '../../../../shared/domain/clock';
import type { EventRow } from '../../../../shared/domain/behaviour/eventRow';
import { behaviourReasons, type BehaviourReason } from '../../../../shared/domain/behaviour/reasons';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { requeueDue } from '../queue/requeue';
import { rescoreLeads } from '../../core/rescore';
import type { ReadEvent } from './readEvents';

/** How a row finds its lead, each by an index (a test asserts the plans). Exported for that test. */
export const behaviourLookups = {
  // Two rows are enough to know the email is ambiguous.
  leadsByEmail: 'SELECT id FROM leads WHERE email_key = ? LIMIT 2',
  leadByCrmId: 'SELECT id FROM leads WHERE crm_id IN (SELECT value FROM json_each(?)) LIMIT 1',
} as const;

const statements = perDatabase((db: Db) => ({
  leadsByEmail: db.prepare<[string], { id: string }>(behaviourLookups.leadsByEmail),
  leadByCrmId: db.prepare<[string], { id: string }>(behaviourLookups.leadByCrmId),
  // The unique index decides what a duplicate is, for rows in this file and rows stored before alike.
  insert: db.prepare<{ id: string; leadId: string; kind: string; occurredAt: string; detail: string | null; now: string }>(`
    INSERT INTO behaviour_events (id, lead_id, kind, occurred_at, detail, created_at)
    VALUES (@id, @leadId, @kind, @occurredAt, @detail, @now)
    ON CONFLICT (lead_id, kind, occurred_at) DO NOTHING`),
}));

export interface EventsWrite {
  events: readonly ReadEvent[];
  /** Rows already refused while reading; rows whose lead is not found join them. */
  invalid: readonly InvalidRow[];
  now: Date;
  ids: IdGenerator;
  scoringRules: ScoringRules;
  queueRules: QueueRules;
}

/**
 * Writes the events in one transaction with the re-scoring of their leads and the leads' new
 * places in the queue: a recycled lead whose behaviour score crosses the return threshold is back
 * on the list as soon as this returns. Leads are found inside the transaction, so the rows are
 * matched against the same snapshot they are written to.
 */
export function writeEvents(db: Db, write: EventsWrite): BehaviourImportResult {
  const s = statements(db);
  return db.transaction((): BehaviourImportResult => {
    const now = write.now.toISOString();
    const invalid = [...write.invalid];
    const touched = new Set<string>();
    let imported = 0;
    let duplicates = 0;
    for (const { row, values, event } of write.events) {
      const lead = leadOf(event);
      if (typeof lead !== 'string') {
        invalid.push({ row, reasons: [lead.reason], values });
        continue;
      }
      const { changes } = s.insert.run({ id: write.ids.next(), leadId: lead, kind: event.kind, occurredAt: event.occurredAt, detail: event.detail, now });
      if (changes === 0) {
        duplicates++;
        continue;
      }
      imported++;
      touched.add(lead);
    }
    const rescored = touched.size > 0 ? rescoreLeads(db, [...touched], write.scoringRules, write.now) : 0;
    requeueDue(db, write.queueRules, write.now);
    return { imported, duplicates, rescored, invalid: invalid.sort((a, b) => a.row - b.row) };
  })();

  /** The CRM id is unique and wins; the email must then agree with it, or name exactly one lead. */
  function leadOf(event: EventRow): string | { reason: BehaviourReason } {
    const byCrm = event.crmIds.length > 0 ? s.leadByCrmId.get(JSON.stringify(event.crmIds)) : undefined;
    const byEmail = event.emailKey ? s.leadsByEmail.all(event.emailKey) : [];
    if (byCrm) {
      if (byEmail.length > 0 && !byEmail.some((l) => l.id === byCrm.id)) return { reason: behaviourReasons.leadMismatch };
      return byCrm.id;
    }
    if (byEmail.length === 1) return byEmail[0]!.id;
    if (byEmail.length > 1) return { reason: behaviourReasons.ambiguousEmail };
    return { reason: behaviourReasons.noLead };
  }
}
