import type { CommandOutput, ParsedInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import { leadDetail } from '../leads/detail';
import { requireLead } from '../leads/rows';
import { nextLeadId } from '../queue/handlers';
import type { FeatureHandlers } from '../../core/registry';
import { logCallInTransaction } from './logCall';

const statements = perDatabase((db: Db) => ({
  saveDraft: db.prepare(
    `INSERT INTO call_drafts (lead_id, draft, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(lead_id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at`,
  ),
  deleteDraft: db.prepare('DELETE FROM call_drafts WHERE lead_id = ?'),
}));

/**
 * Logging a call is one transaction: the call, the lead's new standing by the retry rules, why it
 * left the list, the outbox rows for the CRM, the draft cleared, the hearing heard in this call
 * sealed with it and the dashboard's daily tallies (see logCall.ts). All or nothing.
 */
export function logCall(input: ParsedInput<'calls.log'>, ctx: BackendContext): CommandOutput<'calls.log'> {
  return ctx.db.transaction(() => logCallInTransaction(ctx, input.leadId, input, input.decision))();
}

export const callHandlers: FeatureHandlers = {
  'calls.log': (input, ctx) => logCall(input, ctx),

  /**
   * Save and next in one round trip: the call logged (its own transaction, committed first), then
   * the next lead in queue order and its detail, so the rep's keystroke costs one request.
   */
  'calls.logAndNext': (input, ctx) => {
    const logged = logCall(input.call, ctx);
    const leadId = nextLeadId(ctx, input.call.leadId, input.source, 'requeue');
    return { logged, next: leadId === null ? null : ctx.db.transaction(() => leadDetail(ctx, leadId))() };
  },

  'callDraft.save': (input, ctx) => {
    const savedAt = ctx.clock.now().toISOString();
    ctx.db.transaction(() => {
      requireLead(ctx.db, input.leadId);
      statements(ctx.db).saveDraft.run(input.leadId, JSON.stringify(input.draft), savedAt);
    })();
    return { savedAt };
  },

  'callDraft.discard': (input, ctx) => {
    ctx.db.transaction(() => statements(ctx.db).deleteDraft.run(input.leadId))();
    return {};
  },
};
