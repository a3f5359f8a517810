import { KomaError } from '../../../../shared/contract';
import type { HandoffView } from '../../../../shared/contract/handoff';
import { searchKey } from '../../../../shared/domain/normalize';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { likePattern } from '../callList/queries';
import { requireLead } from '../leads/rows';
import { changeLead } from '../leads/statusChange';
import { enqueue } from '../../core/outbox';
import type { FeatureHandlers } from '../../core/registry';
import { logPendingCall } from '../calls/logCall';
import { handoffsCsv, handoffsJson } from './exportFiles';
import { appointmentIcs } from './ics';
import { assemblePackage } from './package';
import { findHandoff, listHandoffRows, listHandoffViews } from './rows';

const statements = perDatabase((db: Db) => ({
  rep: db.prepare<[string], { id: string; active: number }>('SELECT id, active FROM field_reps WHERE id = ?'),
  openHandoff: db.prepare<[string], { id: string }>("SELECT id FROM handoffs WHERE lead_id = ? AND state IN ('draft', 'queued', 'failed') LIMIT 1"),
  insert: db.prepare(
    `INSERT INTO handoffs (id, lead_id, field_rep_id, state, appointment_at, appointment_end, appointment_place, meeting_url, summary,
                           package, override_reason, created_at, updated_at)
     VALUES (@id, @leadId, @fieldRepId, @state, @appointmentAt, @appointmentEnd, @place, @meetingUrl, @summary, @package, @overrideReason, @at, @at)`,
  ),
  update: db.prepare(
    `UPDATE handoffs SET field_rep_id = @fieldRepId, appointment_at = @appointmentAt, appointment_end = @appointmentEnd,
            appointment_place = @place, meeting_url = @meetingUrl, summary = @summary, state = @state, corrections = @corrections,
            updated_at = @at, version = version + 1
     WHERE id = @id`,
  ),
  stage: db.prepare("UPDATE leads SET stage = 'opportunity' WHERE id = ?"),
}));

function requireActiveRep(db: Db, id: string): void {
  const rep = statements(db).rep.get(id);
  if (!rep) throw new KomaError('invalid_input', 'Choose a field rep from the list in settings.', [{ path: 'fieldRepId', message: 'unknown field rep' }]);
  if (rep.active !== 1) throw new KomaError('invalid_input', 'This field rep is no longer active; choose another.', [{ path: 'fieldRepId', message: 'inactive field rep' }]);
}

/** What the CRM receives for a handoff: the view, by Koma's own id, so a resend upserts. */
function outboxPayload(view: HandoffView, correction: boolean) {
  return { ...view, correction };
}

export const handoffHandlers: FeatureHandlers = {
  /**
   * The handoff, the call on the form when it was made, the lead's exit as qualified and the outbox
   * rows go in one transaction. A lead that does not meet the criteria needs an override reason,
   * which is kept with the handoff.
   */
  'handoff.create': (input, ctx) =>
    ctx.db.transaction(() => {
      const before = requireLead(ctx.db, input.leadId);
      if (before.status === 'excluded' || before.status === 'qualified') {
        throw new KomaError('conflict', `This lead is already ${before.status}; it cannot be handed off again.`);
      }
      // The call that qualified the lead is logged first, so the package carries it and its hearing.
      logPendingCall(ctx, before.id, input.call);
      const lead = requireLead(ctx.db, input.leadId);
      if (statements(ctx.db).openHandoff.get(lead.id)) throw new KomaError('conflict', 'This lead already has a handoff in progress.');
      requireActiveRep(ctx.db, input.fieldRepId);
      const pkg = assemblePackage(ctx, lead.id);
      if (!pkg.qualification.qualified && !input.overrideReason) {
        const missing = pkg.qualification.checks.filter((c) => !c.holds).map((c) => c.detail ? `${c.code} (${c.detail})` : c.code);
        throw new KomaError('conflict', `The lead does not meet the qualification criteria (missing: ${missing.join(', ')}). Give an override reason to hand it off anyway.`, [
          { path: 'overrideReason', message: 'required when the criteria are not met' },
        ]);
      }
      const id = ctx.ids.next();
      const at = ctx.clock.now().toISOString();
      const state = input.asDraft ? 'draft' : 'queued';
      statements(ctx.db).insert.run({
        id,
        leadId: lead.id,
        fieldRepId: input.fieldRepId,
        state,
        appointmentAt: input.appointmentAt,
        appointmentEnd: input.appointmentEnd,
        place: input.place,
        meetingUrl: input.meetingUrl,
        summary: input.summary,
        package: JSON.stringify(pkg),
        overrideReason: pkg.qualification.qualified ? null : input.overrideReason,
        at,
      });
      statements(ctx.db).stage.run(lead.id);
      changeLead(
        ctx,
        lead,
        { status: 'qualified', attempts: lead.attempts, lastContactAt: lead.last_contact_at, nextCallAt: null, recycleReason: null, recycleUntil: null, excludeReason: null },
        { kind: 'qualified', reason: pkg.qualification.qualified ? 'criteria_met' : 'override', note: input.overrideReason ?? '', callId: null },
      );
      const view = findHandoff(ctx.db, id);
      if (state === 'queued') enqueue(ctx, 'handoff', id, 'upsert', outboxPayload(view, false));
      return view;
    })(),

  /** Editable until synced; after that an edit is a correction, and the correction syncs too. */
  'handoff.update': (input, ctx) =>
    ctx.db.transaction(() => {
      const current = findHandoff(ctx.db, input.handoffId);
      if (input.fieldRepId !== undefined) requireActiveRep(ctx.db, input.fieldRepId);
      const merged = {
        fieldRepId: input.fieldRepId ?? current.fieldRep?.id ?? null,
        appointmentAt: input.appointmentAt ?? current.appointmentAt,
        appointmentEnd: input.appointmentEnd ?? current.appointmentEnd,
        place: input.place !== undefined ? input.place : current.place,
        meetingUrl: input.meetingUrl !== undefined ? input.meetingUrl : current.meetingUrl,
        summary: input.summary ?? current.summary,
      };
      if (merged.appointmentAt && merged.appointmentEnd && Date.parse(merged.appointmentEnd) <= Date.parse(merged.appointmentAt)) {
        throw new KomaError('invalid_input', 'The appointment must end after it starts.', [{ path: 'appointmentEnd', message: 'must be after the start' }]);
      }
      const correction = current.state === 'synced';
      const state = current.state === 'draft' && !input.queue ? 'draft' : 'queued';
      statements(ctx.db).update.run({ ...merged, state, corrections: current.corrections + (correction ? 1 : 0), at: ctx.clock.now().toISOString(), id: current.id });
      const view = findHandoff(ctx.db, current.id);
      if (state === 'queued') enqueue(ctx, 'handoff', view.id, 'upsert', outboxPayload(view, correction));
      return view;
    })(),

  'handoff.get': (input, ctx) => findHandoff(ctx.db, input.handoffId),

  'handoff.list': (input, ctx) => ({
    rows: listHandoffRows(ctx.db, { state: input.state, fieldState: input.fieldState, pattern: likePattern(searchKey(input.search)) }),
  }),

  'handoff.exportIcs': (input, ctx) => appointmentIcs(findHandoff(ctx.db, input.handoffId), ctx.clock.now()),

  'handoff.export': (input, ctx) => {
    const views = listHandoffViews(ctx.db, { state: input.state, fieldState: null, pattern: null });
    const stamp = ctx.clock.now().toISOString().slice(0, 10);
    return input.format === 'csv' ? handoffsCsv(views, stamp) : handoffsJson(views, stamp);
  },
};

