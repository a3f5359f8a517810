import { KomaError, type CommandOutput, type ParsedInput } from '../../../../shared/contract';
import type { BackendContext } from '../../core/context';
import { tallyCall } from '../kpi/tallies';
import { leadDetail } from '../leads/detail';
import { nextLeadId } from '../queue/handlers';
import { instantOf, localParts } from '../../../../shared/domain/queue/localTime';
import { applyOutcome } from '../../../../shared/domain/queue/retry';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { sealHearing } from '../hearing/versions';
import { changeLead } from '../leads/statusChange';
import { requireLead } from '../leads/rows';
import { enqueue } from '../../core/outbox';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';

const statements = perDatabase((db: Db) => ({
  attemptsSince: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM calls WHERE lead_id = ? AND started_at >= ?'),
  slotAt: db.prepare<[string, string], { id: string }>('SELECT id FROM slots WHERE starts_at <= ? AND ends_at > ? ORDER BY starts_at DESC LIMIT 1'),
  insertCall: db.prepare(
    `INSERT INTO calls (id, lead_id, slot_id, started_at, ended_at, duration_sec, outcome, notes, next_action, next_action_at, created_at)
     VALUES (@id, @leadId, @slotId, @startedAt, @endedAt, @durationSec, @outcome, @notes, @nextAction, @nextActionAt, @createdAt)`,
  ),
  saveDraft: db.prepare(
    `INSERT INTO call_drafts (lead_id, draft, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(lead_id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at`,
  ),
  deleteDraft: db.prepare('DELETE FROM call_drafts WHERE lead_id = ?'),
}));

/**
 * Logging a call is one transaction: the call, the lead's new standing by the retry rules, why it
 * left the list, the outbox rows for the CRM, the draft cleared, the hearing heard in this call
 * sealed with it and the dashboard's daily tallies. All or nothing.
 */
export function logCall(input: ParsedInput<'calls.log'>, ctx: BackendContext): CommandOutput<'calls.log'> {
  return ctx.db.transaction(() => {
    const lead = requireLead(ctx.db, input.leadId);
    if (lead.status === 'excluded' || lead.status === 'qualified') {
      throw new KomaError('conflict', `This lead is ${lead.status}; restore it before logging a call.`);
    }
    const rules = readSetting(ctx.db, settingSpecs.queueRules);
    const s = statements(ctx.db);
    const at = new Date(input.endedAt);
    const local = localParts(at, lead.time_zone);
    const dayStart = instantOf({ year: local.year, month: local.month, day: local.day, minutes: 0 }, lead.time_zone).toISOString();
    const after = applyOutcome(
      {
        lead: { status: lead.status as never, attempts: lead.attempts, timeZone: lead.time_zone },
        outcome: input.outcome,
        at,
        attemptsToday: s.attemptsSince.get(lead.id, dayStart)?.n ?? 0,
        callbackAt: input.callbackAt,
        nextActionAt: input.nextActionAt,
        decision: input.decision,
      },
      rules,
    );
    const callId = ctx.ids.next();
    const call = {
      id: callId,
      leadId: lead.id,
      slotId: s.slotAt.get(input.startedAt, input.startedAt)?.id ?? null,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      durationSec: Math.round((Date.parse(input.endedAt) - Date.parse(input.startedAt)) / 1000),
      outcome: input.outcome,
      notes: input.notes,
      nextAction: input.nextAction || null,
      nextActionAt: input.nextActionAt ?? input.callbackAt,
      createdAt: ctx.clock.now().toISOString(),
    };
    s.insertCall.run(call);
    tallyCall(ctx, { leadId: lead.id, source: lead.source, startedAt: call.startedAt, durationSec: call.durationSec, outcome: call.outcome });
    const exitKind = after.status === 'recycled' ? 'recycled' : after.status === 'excluded' ? 'excluded' : 'called';
    changeLead(ctx, lead, { ...after, lastOutcome: input.outcome }, {
      kind: exitKind,
      reason: after.recycleReason ?? after.excludeReason ?? input.outcome,
      note: '',
      callId,
    });
    enqueue(ctx, 'call', callId, 'upsert', { ...call, leadCrmId: lead.crm_id, leadName: lead.full_name });
    s.deleteDraft.run(lead.id);
    sealHearing(ctx.db, lead.id, callId, call.createdAt);
    return { callId, leadStatus: after.status, nextCallAt: after.nextCallAt };
  })();
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
