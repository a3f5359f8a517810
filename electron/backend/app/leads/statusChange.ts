import type { LeadStatus } from '../../../../shared/contract/leads';
import type { BackendContext } from '../../core/context';
import { perDatabase } from '../../db/perDatabase';
import type { Db } from '../../db/open';
import { tallyExit } from '../kpi/tallies';
import { enqueue } from '../../core/outbox';
import { requeueLead } from '../queue/requeue';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import type { LeadRecord } from './rows';

export interface LeadChange {
  status: LeadStatus;
  attempts: number;
  lastContactAt: string | null;
  nextCallAt: string | null;
  recycleReason: string | null;
  recycleUntil: string | null;
  excludeReason: string | null;
  lastOutcome?: string | null;
}

export interface ExitRecord {
  kind: 'called' | 'recycled' | 'excluded' | 'qualified' | 'skipped' | 'restored';
  reason: string | null;
  note: string;
  callId: string | null;
}

const statements = perDatabase((db: Db) => ({
  update: db.prepare(
    `UPDATE leads SET status = @status, attempts = @attempts, last_contact_at = @lastContactAt, next_call_at = @nextCallAt,
            recycle_reason = @recycleReason, recycle_until = @recycleUntil, exclude_reason = @excludeReason,
            excluded_at = CASE WHEN @status = 'excluded' THEN @at ELSE NULL END,
            last_outcome = COALESCE(@lastOutcome, last_outcome), updated_at = @at, version = version + 1
     WHERE id = @id`,
  ),
  exit: db.prepare(
    `INSERT INTO lead_exits (id, lead_id, kind, reason, note, call_id, at) VALUES (@id, @leadId, @kind, @reason, @note, @callId, @at)`,
  ),
}));

/**
 * The one way the call flow changes a lead's standing: updates the row, records why it left (or
 * rejoined) the list, re-places it in the queue, and queues the status change for the CRM when the
 * status or its reasons changed. Call inside the caller's transaction.
 */
export function changeLead(ctx: BackendContext, lead: LeadRecord, change: LeadChange, exit: ExitRecord): void {
  const now = ctx.clock.now();
  const at = now.toISOString();
  statements(ctx.db).update.run({ ...change, lastOutcome: change.lastOutcome ?? null, at, id: lead.id });
  statements(ctx.db).exit.run({ id: ctx.ids.next(), leadId: lead.id, kind: exit.kind, reason: exit.reason, note: exit.note, callId: exit.callId, at });
  tallyExit(ctx, { source: lead.source, kind: exit.kind, reason: exit.reason, at });
  requeueLead(ctx.db, lead.id, readSetting(ctx.db, settingSpecs.queueRules), now);
  const statusChanged =
    change.status !== lead.status ||
    change.recycleReason !== lead.recycle_reason ||
    change.recycleUntil !== lead.recycle_until ||
    change.excludeReason !== lead.exclude_reason;
  if (statusChanged) {
    enqueue(ctx, 'lead', lead.id, 'status', {
      leadId: lead.id,
      crmId: lead.crm_id,
      status: change.status,
      recycleReason: change.recycleReason,
      recycleUntil: change.recycleUntil,
      excludeReason: change.excludeReason,
      note: exit.note,
      changedAt: at,
    });
  }
}
