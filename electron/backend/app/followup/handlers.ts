import { KomaError, type ParsedInput } from '../../../../shared/contract';
import type { FollowupContext } from '../../../../shared/contract/followup';
import { defaultFollowupTemplates } from '../../../../shared/domain/followup/defaults';
import { scheduleOnOpenTime } from '../../../../shared/domain/queue/retry';
import type { BackendContext } from '../../core/context';
import { enqueue } from '../../core/outbox';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs, writeSetting } from '../../core/settingsStore';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { requireLead } from '../leads/rows';
import { requeueLead } from '../queue/requeue';
import { mergeValuesOf } from '../talk/handlers';

const statements = perDatabase((db: Db) => ({
  lastCall: db.prepare<[string], { id: string }>('SELECT id FROM calls WHERE lead_id = ? ORDER BY started_at DESC, created_at DESC LIMIT 1'),
  callOfLead: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM calls WHERE id = ? AND lead_id = ?'),
  // The lead's latest booked meeting with field sales (アポ確定): the handoff's appointment and rep.
  appointment: db.prepare<[string], { appointment_at: string; rep: string | null }>(
    `SELECT h.appointment_at, r.name AS rep FROM handoffs h LEFT JOIN field_reps r ON r.id = h.field_rep_id
     WHERE h.lead_id = ? AND h.appointment_at IS NOT NULL ORDER BY h.created_at DESC LIMIT 1`,
  ),
  insert: db.prepare(
    `INSERT INTO followups (id, lead_id, call_id, template_id, kind, recipient, subject, body, channel, due_at, created_at)
     VALUES (@id, @leadId, @callId, @templateId, @kind, @to, @subject, @body, @channel, @dueAt, @createdAt)`,
  ),
  callback: db.prepare(`UPDATE leads SET status = 'callback', next_call_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`),
}));

/** Statuses a follow-up's due date may bring back to the queue as a callback. */
const callableStatuses: ReadonlySet<string> = new Set(['new', 'working', 'callback']);

function followupContext(db: Db, leadId: string): FollowupContext {
  const lead = requireLead(db, leadId);
  const s = statements(db);
  const meeting = s.appointment.get(lead.id);
  return {
    templates: readSetting(db, settingSpecs.followupTemplates),
    values: { ...mergeValuesOf(db, lead), appointment: meeting?.appointment_at ?? null, fieldRep: meeting?.rep ?? null },
    email: lead.email,
    timeZone: lead.time_zone,
    callId: s.lastCall.get(lead.id)?.id ?? null,
  };
}

/**
 * One transaction: the follow-up on the lead's timeline, its outbox row (an email Task in
 * Salesforce, a followup.upsert event by webhook) and, with a due date, the lead back in the queue
 * as a callback on its next open time (never a closed day). A refusal changes nothing.
 */
function recordFollowup(ctx: BackendContext, input: ParsedInput<'followup.record'>) {
  const lead = requireLead(ctx.db, input.leadId);
  const s = statements(ctx.db);
  if (input.callId !== null && !s.callOfLead.get(input.callId, lead.id)) {
    throw new KomaError('not_found', 'The call this follow-up answers is not one of this lead’s calls; nothing was recorded.');
  }
  if (input.dueAt !== null && !callableStatuses.has(lead.status)) {
    throw new KomaError('conflict', `This lead is ${lead.status}, so a follow-up cannot put it back in the queue; record it without a due date. Nothing was recorded.`);
  }
  const now = ctx.clock.now();
  const createdAt = now.toISOString();
  const rules = readSetting(ctx.db, settingSpecs.queueRules);
  const due = input.dueAt === null ? null : scheduleOnOpenTime(new Date(input.dueAt), lead.time_zone, rules, readSetting(ctx.db, settingSpecs.calendar));
  const id = ctx.ids.next();
  const row = { id, leadId: lead.id, callId: input.callId, templateId: input.templateId, kind: input.kind, to: input.to, subject: input.subject, body: input.body, channel: input.channel, dueAt: due?.at ?? null, createdAt };
  s.insert.run(row);
  if (due) {
    s.callback.run(due.at, createdAt, lead.id);
    requeueLead(ctx.db, lead.id, rules, now);
  }
  enqueue(ctx, 'followup', id, 'upsert', { ...row, leadCrmId: lead.crm_id, leadName: lead.full_name });
  return { id, callbackAt: due?.at ?? null, moved: due?.move ?? null };
}

export const followupHandlers: FeatureHandlers = {
  'followup.context': (input, ctx) => ctx.db.transaction(() => followupContext(ctx.db, input.leadId))(),
  'followup.record': (input, ctx) => ctx.db.transaction(() => recordFollowup(ctx, input))(),
  // The team's own templates once saved in Settings (a setting, not a versioned set: a mail already
  // opened keeps its subject and body in its own row).
  'followup.templates.get': (_input, ctx) => ({ templates: readSetting(ctx.db, settingSpecs.followupTemplates), defaults: [...defaultFollowupTemplates] }),
  'followup.templates.save': (input, ctx) =>
    ctx.db.transaction(() => {
      writeSetting(ctx.db, settingSpecs.followupTemplates, input.templates, ctx.clock.now().toISOString());
      return { templates: input.templates, defaults: [...defaultFollowupTemplates] };
    })(),
};
