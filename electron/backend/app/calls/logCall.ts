import { KomaError, type ParsedInput } from '../../../../shared/contract';
import type { ScheduleMove } from '../../../../shared/contract/calendar';
import { noConversationOutcomes } from '../../../../shared/contract/callFlow';
import type { LeadStatus } from '../../../../shared/contract/leads';
import { instantOf, localParts } from '../../../../shared/domain/queue/localTime';
import { applyOutcome } from '../../../../shared/domain/queue/retry';
import { isConversation } from '../../../../shared/domain/kpi/figures';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import { sealHearing } from '../hearing/versions';
import { recordCallTalk } from '../talk/objections';
import { tallyCall } from '../kpi/tallies';
import { changeLead } from '../leads/statusChange';
import { requireLead } from '../leads/rows';
import { enqueue } from '../../core/outbox';
import { matchWaitingPhoneCalls } from '../../core/phoneCalls';
import { readSetting, settingSpecs } from '../../core/settingsStore';

export type CallToLog = Omit<ParsedInput<'calls.log'>, 'leadId' | 'decision'>;
type Decision = ParsedInput<'calls.log'>['decision'];

const statements = perDatabase((db: Db) => ({
  attemptsSince: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM calls WHERE lead_id = ? AND started_at >= ?'),
  slotAt: db.prepare<[string, string], { id: string }>('SELECT id FROM slots WHERE starts_at <= ? AND ends_at > ? ORDER BY starts_at DESC LIMIT 1'),
  insertCall: db.prepare(
    `INSERT INTO calls (id, lead_id, slot_id, started_at, ended_at, duration_sec, outcome, notes, next_action, next_action_at, conversation, created_at)
     VALUES (@id, @leadId, @slotId, @startedAt, @endedAt, @durationSec, @outcome, @notes, @nextAction, @nextActionAt, @conversation, @createdAt)`,
  ),
  markConversation: db.prepare('UPDATE calls SET conversation = 1 WHERE id = ?'),
  deleteDraft: db.prepare('DELETE FROM call_drafts WHERE lead_id = ?'),
  callExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM calls WHERE id = ?'),
}));

/**
 * How long the call lasted, as far as anyone knows: a duration given wins (the phone system knew);
 * a call timed in Koma (started with S) lasted from start to end; a call logged without either has
 * an unknown duration — null, never 0, so it is not counted as a short call.
 */
export function knownDuration(call: Pick<CallToLog, 'startedAt' | 'endedAt' | 'durationSec'>): number | null {
  if (call.durationSec !== null) return call.durationSec;
  const ms = Date.parse(call.endedAt) - Date.parse(call.startedAt);
  return ms > 0 ? Math.round(ms / 1000) : null;
}

/**
 * Logs one call inside the caller's transaction: the call, the hearing heard in it sealed with it
 * (which makes a call someone answered a conversation), the dashboard's tallies, the lead's new
 * standing by the retry rules (and the decision taken with it), why it left the list, the outbox
 * rows for the CRM and the draft cleared.
 */
export function logCallInTransaction(
  ctx: BackendContext,
  leadId: string,
  input: CallToLog,
  decision: Decision,
): { callId: string; leadStatus: LeadStatus; nextCallAt: string | null; moved: ScheduleMove | null } {
  const lead = requireLead(ctx.db, leadId);
  if (lead.status === 'excluded' || lead.status === 'qualified') {
    throw new KomaError('conflict', `This lead is ${lead.status}; restore it before logging a call.`);
  }
  const rules = readSetting(ctx.db, settingSpecs.queueRules);
  const s = statements(ctx.db);
  const at = new Date(input.endedAt);
  const local = localParts(at, lead.time_zone);
  const dayStart = instantOf({ year: local.year, month: local.month, day: local.day, minutes: 0 }, lead.time_zone).toISOString();
  const { moved, ...after } = applyOutcome(
    {
      lead: { status: lead.status as never, attempts: lead.attempts, timeZone: lead.time_zone },
      outcome: input.outcome,
      at,
      attemptsToday: s.attemptsSince.get(lead.id, dayStart)?.n ?? 0,
      callbackAt: input.callbackAt,
      nextActionAt: input.nextActionAt,
      decision,
    },
    rules,
    readSetting(ctx.db, settingSpecs.calendar),
  );
  // The id S gave the call when it dialled (the phone system holds it): a second log of it is a repeat, refused.
  if (input.callId !== null && s.callExists.get(input.callId)) {
    throw new KomaError('conflict', 'This call is already logged; nothing was changed.');
  }
  const callId = input.callId ?? ctx.ids.next();
  const call = {
    id: callId,
    leadId: lead.id,
    slotId: s.slotAt.get(input.startedAt, input.startedAt)?.id ?? null,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    durationSec: knownDuration(input),
    outcome: input.outcome,
    notes: input.notes,
    nextAction: input.nextAction || null,
    nextActionAt: input.nextActionAt ?? input.callbackAt,
    createdAt: ctx.clock.now().toISOString(),
  };
  s.insertCall.run({ ...call, conversation: input.conversation ? 1 : 0 });
  const objections = recordCallTalk(ctx.db, { callId, leadId: lead.id, startedAt: call.startedAt, talkVersion: input.talkVersion, objections: input.objections });
  // A hearing sealed with a call someone answered makes it a conversation; counted before the tally.
  const sealed = sealHearing(ctx.db, lead.id, callId, call.createdAt);
  const conversation = input.conversation || (sealed && !(noConversationOutcomes as readonly string[]).includes(input.outcome));
  if (conversation && !input.conversation) s.markConversation.run(callId);
  tallyCall(ctx, { leadId: lead.id, source: lead.source, startedAt: call.startedAt, durationSec: call.durationSec, outcome: call.outcome, conversation });
  const exitKind = after.status === 'recycled' ? 'recycled' : after.status === 'excluded' ? 'excluded' : 'called';
  changeLead(ctx, lead, { ...after, lastOutcome: input.outcome }, {
    kind: exitKind,
    reason: after.recycleReason ?? after.excludeReason ?? input.outcome,
    note: '',
    callId,
  });
  // Whether it counts as a conversation travels with the call, for the manager's team view.
  const counted = isConversation({ outcome: call.outcome, durationSec: call.durationSec, conversation }, readSetting(ctx.db, settingSpecs.kpi).conversationSeconds);
  enqueue(ctx, 'call', callId, 'upsert', { ...call, leadCrmId: lead.crm_id, leadName: lead.full_name, conversation: counted, ...(objections.length > 0 ? { objections } : {}) });
  s.deleteDraft.run(lead.id);
  // The phone system may have reported this call before the rep logged it.
  matchWaitingPhoneCalls(ctx.db, ctx.clock.now(), lead.id, callId);
  return { callId, leadStatus: after.status, nextCallAt: after.nextCallAt, moved };
}

/** The call a decision takes along (see pendingCallSchema), logged first in the decision's transaction. */
export function logPendingCall(ctx: BackendContext, leadId: string, call: CallToLog | null): void {
  if (call) logCallInTransaction(ctx, leadId, call, null);
}
