import type { SlotKind, SlotTarget } from '../../../../shared/contract/slots';
import type { WeekView } from '../../../../shared/contract/planner';
import { closedDaysOfWeek, weekGrid, type GridSlot } from '../../../../shared/domain/slots/grid';
import { planVsActual, type PlannedSlot } from '../../../../shared/domain/slots/planVsActual';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import { readSetting, settingSpecs } from '../../core/settingsStore';

interface PlanRecord {
  starts_at: string;
  kind: string;
  target: string | null;
}

const statements = perDatabase((db: Db) => ({
  plan: db.prepare<[string, string], PlanRecord>('SELECT starts_at, kind, target FROM slots WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at'),
  calls: db.prepare<[string, string], { started_at: string }>('SELECT started_at FROM calls WHERE started_at >= ? AND started_at < ? ORDER BY started_at'),
  appointments: db.prepare<[string, string], { id: string; appointment_at: string; appointment_end: string | null; lead_name: string; company_name: string }>(
    `SELECT h.id, h.appointment_at, h.appointment_end, l.full_name AS lead_name, c.name AS company_name
     FROM handoffs h JOIN leads l ON l.id = h.lead_id JOIN companies c ON c.id = l.company_id
     WHERE h.appointment_at IS NOT NULL AND h.appointment_at < ? AND coalesce(h.appointment_end, h.appointment_at) > ?`,
  ),
}));

export interface StoredPlan {
  kind: SlotKind;
  target: SlotTarget | null;
}

export function readPlan(db: Db, grid: readonly GridSlot[]): Map<string, StoredPlan> {
  if (grid.length === 0) return new Map();
  const rows = statements(db).plan.all(grid[0]!.startsAt, grid.at(-1)!.endsAt);
  return new Map(rows.map((r) => [r.starts_at, { kind: r.kind as SlotKind, target: r.target ? (JSON.parse(r.target) as SlotTarget) : null }]));
}

/** The week as the planner shows it: plan, appointments from handoffs, calls made, and how each slot went. */
export function weekView(ctx: BackendContext, weekStart: string): WeekView {
  const workWeek = readSetting(ctx.db, settingSpecs.workWeek);
  const calendar = readSetting(ctx.db, settingSpecs.calendar);
  // Closed days (祝日, 年末年始…) have no slots: the week's real number of koma.
  const grid = weekGrid(weekStart, workWeek, calendar);
  const now = ctx.clock.now();
  const plan = readPlan(ctx.db, grid);
  const first = grid[0]?.startsAt ?? now.toISOString();
  const last = grid.at(-1)?.endsAt ?? now.toISOString();
  const calls = statements(ctx.db).calls.all(first, last).map((c) => c.started_at);
  const appointments = statements(ctx.db).appointments.all(last, first);

  const appointmentIn = (slot: GridSlot) => {
    const s = Date.parse(slot.startsAt);
    const e = Date.parse(slot.endsAt);
    const hit = appointments.find((a) => Date.parse(a.appointment_at) < e && Date.parse(a.appointment_end ?? a.appointment_at) > s);
    return hit ? { handoffId: hit.id, leadName: hit.lead_name, companyName: hit.company_name } : null;
  };
  const withAppointments = grid.map((slot) => ({ slot, planned: plan.get(slot.startsAt) ?? null, appointment: appointmentIn(slot) }));
  // An appointment occupies its slot even if the rep never planned it by hand.
  const effective: PlannedSlot[] = withAppointments.flatMap(({ slot, planned, appointment }) => {
    const kind = planned?.kind ?? (appointment ? 'appointment' : null);
    return kind ? [{ startsAt: slot.startsAt, kind, targetDials: planned?.target?.dials ?? null }] : [];
  });
  const actual = planVsActual(grid, effective, calls, now);
  const running = grid.find((s) => Date.parse(s.startsAt) <= now.getTime() && now.getTime() < Date.parse(s.endsAt));
  const { slots: _slots, ...summary } = actual;
  return {
    weekStart,
    workWeek,
    closedDays: closedDaysOfWeek(weekStart, workWeek, calendar),
    slots: withAppointments.map(({ slot, planned, appointment }, i) => ({
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      date: slot.date,
      weekday: slot.weekday,
      index: slot.index,
      kind: planned?.kind ?? (appointment ? 'appointment' : null),
      target: planned?.target ?? null,
      appointment,
      calls: actual.slots[i]!.calls,
      status: actual.slots[i]!.status,
    })),
    current: running ? { startsAt: running.startsAt, secondsLeft: Math.round((Date.parse(running.endsAt) - now.getTime()) / 1000) } : null,
    summary,
    templates: readSetting(ctx.db, settingSpecs.slotTemplates).map((t) => t.name),
  };
}
