import { KomaError } from '../../../../shared/contract';
import { scheduleOnOpenTime } from '../../../../shared/domain/queue/retry';
import { enqueue } from '../../core/outbox';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { logPendingCall } from '../calls/logCall';
import { requireLead, type LeadRecord } from './rows';
import { changeLead, type LeadChange } from './statusChange';

function unchanged(lead: LeadRecord): LeadChange {
  return {
    status: lead.status as LeadChange['status'],
    attempts: lead.attempts,
    lastContactAt: lead.last_contact_at,
    nextCallAt: lead.next_call_at,
    recycleReason: lead.recycle_reason,
    recycleUntil: lead.recycle_until,
    excludeReason: lead.exclude_reason,
  };
}

function requireOpen(lead: LeadRecord): void {
  if (lead.status === 'excluded' || lead.status === 'qualified') {
    throw new KomaError('conflict', `This lead is already ${lead.status}.`);
  }
}

/**
 * Decisions the rep takes on a lead outside a call log: each one transaction, each recorded. A
 * decision made while the call form held a call takes that call along and logs it first, in the
 * same transaction: the decision never loses the call, and a refused decision logs nothing.
 */
export const decisionHandlers: FeatureHandlers = {
  'lead.skip': (input, ctx) =>
    ctx.db.transaction(() => {
      logPendingCall(ctx, input.leadId, input.call);
      const lead = requireLead(ctx.db, input.leadId);
      requireOpen(lead);
      const rules = readSetting(ctx.db, settingSpecs.queueRules);
      const next = scheduleOnOpenTime(new Date(ctx.clock.now().getTime() + rules.skipMinutes * 60_000), lead.time_zone, rules, readSetting(ctx.db, settingSpecs.calendar));
      changeLead(ctx, lead, { ...unchanged(lead), nextCallAt: next.at }, { kind: 'skipped', reason: input.reason, note: input.note, callId: null });
      return { status: lead.status as LeadChange['status'], moved: next.move };
    })(),

  'lead.recycle': (input, ctx) =>
    ctx.db.transaction(() => {
      logPendingCall(ctx, input.leadId, input.call);
      const lead = requireLead(ctx.db, input.leadId);
      requireOpen(lead);
      if (Date.parse(input.until) <= ctx.clock.now().getTime()) {
        throw new KomaError('invalid_input', 'The recontact date must be in the future.', [{ path: 'until', message: 'must be in the future' }]);
      }
      // A recontact date on a closed day (元日, お盆…) or outside calling hours comes back at the next open time.
      const until = scheduleOnOpenTime(new Date(input.until), lead.time_zone, readSetting(ctx.db, settingSpecs.queueRules), readSetting(ctx.db, settingSpecs.calendar));
      changeLead(
        ctx,
        lead,
        { ...unchanged(lead), status: 'recycled', attempts: 0, nextCallAt: null, recycleReason: input.reason, recycleUntil: until.at, excludeReason: null },
        { kind: 'recycled', reason: input.reason, note: input.note, callId: null },
      );
      return { status: 'recycled' as const, moved: until.move };
    })(),

  'lead.exclude': (input, ctx) =>
    ctx.db.transaction(() => {
      logPendingCall(ctx, input.leadId, input.call);
      const lead = requireLead(ctx.db, input.leadId);
      requireOpen(lead);
      changeLead(
        ctx,
        lead,
        { ...unchanged(lead), status: 'excluded', nextCallAt: null, recycleReason: null, recycleUntil: null, excludeReason: input.reason },
        { kind: 'excluded', reason: input.reason, note: input.note, callId: null },
      );
      return { status: 'excluded' as const };
    })(),

  'lead.restore': (input, ctx) =>
    ctx.db.transaction(() => {
      const lead = requireLead(ctx.db, input.leadId);
      if (lead.status !== 'excluded' && lead.status !== 'recycled') {
        throw new KomaError('conflict', 'Only an excluded or recycled lead can be restored.');
      }
      changeLead(
        ctx,
        lead,
        { ...unchanged(lead), status: 'working', attempts: 0, nextCallAt: null, recycleReason: null, recycleUntil: null, excludeReason: null },
        { kind: 'restored', reason: lead.status, note: '', callId: null },
      );
      return { status: 'working' as const };
    })(),

  'lead.setDoNotCall': (input, ctx) =>
    ctx.db.transaction(() => {
      const lead = requireLead(ctx.db, input.leadId);
      ctx.db.prepare('UPDATE leads SET do_not_call = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(input.doNotCall ? 1 : 0, ctx.clock.now().toISOString(), lead.id);
      changeLead(ctx, { ...lead, do_not_call: input.doNotCall ? 1 : 0 }, unchanged(lead), {
        kind: input.doNotCall ? 'excluded' : 'restored',
        reason: input.doNotCall ? 'do_not_call' : 'do_not_call_lifted',
        note: '',
        callId: null,
      });
      enqueue(ctx, 'lead', lead.id, 'do_not_call', { leadId: lead.id, crmId: lead.crm_id, doNotCall: input.doNotCall, changedAt: ctx.clock.now().toISOString() });
      return { status: lead.status as LeadChange['status'] };
    })(),
};
