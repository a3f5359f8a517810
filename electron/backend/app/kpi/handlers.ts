import { leadSources, type LeadSource } from '../../../../shared/contract/leads';
import type { CallOutcome } from '../../../../shared/contract/calls';
import type { GoalPlanView, KpiReport } from '../../../../shared/contract/planner';
import {
  computeKpis,
  computeKpisFromTallies,
  connectOutcomes,
  weeklyTrend,
  type KpiCall,
  type KpiExit,
  type KpiFigures,
  type KpiHandoff,
  type WeekBucket,
} from '../../../../shared/domain/kpi/figures';
import { workBackFromGoal } from '../../../../shared/domain/kpi/goal';
import { monthSpan } from '../../../../shared/domain/kpi/monthSpan';
import { closedReason } from '../../../../shared/domain/calendar/closedDays';
import { instantOf, localDate, localParts } from '../../../../shared/domain/queue/localTime';
import { addDays, weekStartOf } from '../../../../shared/domain/slots/grid';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs, writeSetting } from '../../core/settingsStore';
import { rebuildTallies, talliesForRead } from './tallies';

const statements = perDatabase((db: Db) => ({
  // Raw rows (arrays): a month of a busy team is ~100,000 calls, and objects per row cost a third more.
  calls: db.prepare<[string, string], [string, string, string, number | null, string, number]>(
    `SELECT c.lead_id, l.source, c.started_at, c.duration_sec, c.outcome, c.conversation
     FROM calls c JOIN leads l INDEXED BY leads_source ON l.id = c.lead_id WHERE c.started_at >= ? AND c.started_at < ?`,
  ).raw(),
  handoffs: db.prepare<[string, string, string, string], { lead_id: string; source: string; created_at: string; appointment_at: string | null; field_state: string | null }>(
    `SELECT h.lead_id, l.source, h.created_at, h.appointment_at, h.field_state
     FROM handoffs h JOIN leads l ON l.id = h.lead_id
     WHERE (h.created_at >= ? AND h.created_at < ?) OR (h.appointment_at >= ? AND h.appointment_at < ?)`,
  ),
  exits: db.prepare<[string, string], { source: string; kind: string; reason: string | null; at: string }>(
    `SELECT l.source, x.kind, x.reason, x.at FROM lead_exits x JOIN leads l INDEXED BY leads_source ON l.id = x.lead_id WHERE x.at >= ? AND x.at < ?`,
  ),
  plannedCallBlocks: db.prepare<[string, string], { starts_at: string }>("SELECT starts_at FROM slots WHERE kind = 'call_block' AND starts_at >= ? AND starts_at < ?"),
}));

const tallyStatements = perDatabase((db: Db) => ({
  calls: db.prepare<[string, string], { source: string; outcome: string; conversation: number; calls: number }>(
    'SELECT source, outcome, conversation, sum(calls) AS calls FROM call_tallies WHERE day >= ? AND day < ? GROUP BY source, outcome, conversation',
  ),
  callsByDay: db.prepare<[string, string], { day: string; outcome: string; calls: number }>(
    'SELECT day, outcome, sum(calls) AS calls FROM call_tallies WHERE day >= ? AND day < ? GROUP BY day, outcome',
  ),
  // Over any days: each sorts the range in a temporary B-tree (~50 ms for a month of a medium
  // store; counting the rows in JavaScript instead measured twice as slow).
  leadsBySource: db.prepare<[string, string], { source: string; n: number }>(
    'SELECT source, count(*) AS n FROM (SELECT DISTINCT lead_id, source FROM lead_work_days WHERE day >= ? AND day < ?) GROUP BY source',
  ),
  leadsTotal: db.prepare<[string, string], { n: number }>('SELECT count(DISTINCT lead_id) AS n FROM lead_work_days WHERE day >= ? AND day < ?'),
  anyWorkDay: db.prepare<[string, string], number>('SELECT 1 FROM lead_work_days WHERE day >= ? AND day < ? LIMIT 1').pluck(),
  // One month: walks of the month's index ranges, in order, without a sort.
  monthLeadsBySource: db.prepare<[string], { source: string; n: number }>(
    'SELECT source, count(*) AS n FROM lead_work_months INDEXED BY lead_work_months_source WHERE month = ? GROUP BY source',
  ),
  monthLeadsTotal: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM (SELECT DISTINCT lead_id FROM lead_work_months WHERE month = ?)'),
  // Several whole months: a sort still, of the months' rows (a lead once a month) instead of its days.
  monthsLeadsBySource: db.prepare<[string, string], { source: string; n: number }>(
    'SELECT source, count(*) AS n FROM (SELECT DISTINCT lead_id, source FROM lead_work_months WHERE month >= ? AND month <= ?) GROUP BY source',
  ),
  monthsLeadsTotal: db.prepare<[string, string], { n: number }>('SELECT count(DISTINCT lead_id) AS n FROM lead_work_months WHERE month >= ? AND month <= ?'),
  exits: db.prepare<[string, string], { source: string; kind: string; reason: string; exits: number }>(
    "SELECT source, kind, reason, sum(exits) AS exits FROM exit_tallies WHERE day >= ? AND day < ? AND kind IN ('recycled', 'excluded') GROUP BY source, kind, reason",
  ),
  halfHours: db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM call_half_hours WHERE half_hour >= ? AND half_hour <= ?'),
}));

function loadRows(db: Db, from: string, to: string) {
  const s = statements(db);
  const calls: KpiCall[] = s.calls.all(from, to).map(([leadId, source, startedAt, durationSec, outcome, conversation]) => ({
    leadId,
    source: source as LeadSource,
    startedAt,
    durationSec,
    outcome: outcome as CallOutcome,
    conversation: conversation === 1,
  }));
  return { calls, handoffs: loadHandoffs(db, from, to), exits: loadExits(db, from, to) };
}

/** Handoffs stay rows: a few hundred a month, and field sales' answers change them after the fact. */
function loadHandoffs(db: Db, from: string, to: string): KpiHandoff[] {
  return statements(db)
    .handoffs.all(from, to, from, to)
    .map((h) => ({ leadId: h.lead_id, source: h.source as LeadSource, createdAt: h.created_at, appointmentAt: h.appointment_at, fieldState: h.field_state }));
}

function loadExits(db: Db, from: string, to: string): KpiExit[] {
  return statements(db)
    .exits.all(from, to)
    .map((x) => ({ source: x.source as LeadSource, kind: x.kind, reason: x.reason, at: x.at }));
}

/** The local date an instant starts, when it is a local midnight in the zone; null otherwise. */
function midnightDay(iso: string, timeZone: string): string | null {
  const at = new Date(iso);
  const p = localParts(at, timeZone);
  return instantOf({ year: p.year, month: p.month, day: p.day, minutes: 0 }, timeZone).getTime() === at.getTime() ? localDate(at, timeZone) : null;
}

/**
 * Distinct leads worked on the days [fromDay, toDay), in all and per source. Distinct counts do not
 * add up over parts of a range, so the month tally answers only for whole months: when the range
 * covers its months but for days on which nobody was worked (this month to date, with nothing
 * dated after today), the months' distinct leads are the range's; otherwise the day rows are counted.
 */
function leadsWorked(db: Db, fromDay: string, toDay: string): { total: number; bySource: Partial<Record<LeadSource, number>> } {
  const t = tallyStatements(db);
  const span = monthSpan(fromDay, toDay);
  const monthsOnly = span !== null && [span.before, span.after].every((days) => days === null || t.anyWorkDay.get(days.from, days.to) === undefined);
  const single = span !== null && span.firstMonth === span.lastMonth;
  const bySourceRows = !monthsOnly
    ? t.leadsBySource.all(fromDay, toDay)
    : single
      ? t.monthLeadsBySource.all(span.firstMonth)
      : t.monthsLeadsBySource.all(span.firstMonth, span.lastMonth);
  const total = !monthsOnly ? t.leadsTotal.get(fromDay, toDay) : single ? t.monthLeadsTotal.get(span.firstMonth) : t.monthsLeadsTotal.get(span.firstMonth, span.lastMonth);
  const bySource: Partial<Record<LeadSource, number>> = {};
  for (const r of bySourceRows) bySource[r.source as LeadSource] = r.n;
  return { total: total?.n ?? 0, bySource };
}

/**
 * The figures of the days [fromDay, toDay) from the daily tallies; handoffs from their rows. The
 * goal reads no lead counts: with `leads: 'skip'` they are not counted and stay 0 (counting them
 * over 90 days was ~300 ms of the goal's ~350 on a medium store).
 */
function figuresFromTallies(db: Db, from: string, to: string, fromDay: string, toDay: string, sources: readonly LeadSource[], leads: 'count' | 'skip' = 'count') {
  const t = tallyStatements(db);
  return computeKpisFromTallies(
    {
      calls: t.calls.all(fromDay, toDay).map((r) => ({ source: r.source as LeadSource, outcome: r.outcome, conversation: r.conversation === 1, calls: r.calls })),
      leadsWorked: leads === 'count' ? leadsWorked(db, fromDay, toDay) : { total: 0, bySource: {} },
      handoffs: loadHandoffs(db, from, to),
      exits: t.exits.all(fromDay, toDay).map((r) => ({ source: r.source as LeadSource, kind: r.kind, reason: r.reason === '' ? null : r.reason, exits: r.exits })),
      range: { from, to },
    },
    sources,
  );
}

function weeksOf(from: string, to: string, timeZone: string): WeekBucket[] {
  const weeks: WeekBucket[] = [];
  for (let week = weekStartOf(new Date(from), timeZone); ; week = addDays(week, 7)) {
    const [y, m, d] = week.split('-').map(Number) as [number, number, number];
    const start = instantOf({ year: y, month: m, day: d, minutes: 0 }, timeZone).toISOString();
    if (start >= to) break;
    const end = instantOf({ year: y, month: m, day: d + 7, minutes: 0 }, timeZone).toISOString();
    weeks.push({ weekStart: week, from: start < from ? from : start, to: end > to ? to : end });
  }
  return weeks;
}

/**
 * The dashboard's report. A range of whole local days (what the dashboard asks for) is read from
 * the daily tallies; any other range is counted from the rows, with the same pure functions.
 */
export function kpiReport(ctx: BackendContext, from: string, to: string): KpiReport {
  const { conversationSeconds } = readSetting(ctx.db, settingSpecs.kpi);
  const { timeZone } = talliesForRead(ctx.db);
  const weeks = weeksOf(from, to, timeZone);
  const fromDay = midnightDay(from, timeZone);
  const toDay = midnightDay(to, timeZone);
  if (fromDay === null || toDay === null) {
    const rows = loadRows(ctx.db, from, to);
    const { total, bySource } = computeKpis({ ...rows, range: { from, to }, conversationSeconds }, leadSources);
    return { total, bySource, trend: weeklyTrend(rows, weeks) };
  }
  const { total, bySource } = figuresFromTallies(ctx.db, from, to, fromDay, toDay, leadSources);
  // Opportunities per week from the handoffs; dials and connects per week from each day's tallies.
  const trend = weeklyTrend({ calls: [], handoffs: loadHandoffs(ctx.db, from, to) }, weeks);
  const weekDays = weeks.map((w) => ({ from: localDate(new Date(w.from), timeZone), to: localDate(new Date(w.to), timeZone) }));
  for (const r of tallyStatements(ctx.db).callsByDay.all(fromDay, toDay)) {
    const i = weekDays.findIndex((w) => r.day >= w.from && r.day < w.to);
    if (i < 0) continue;
    trend[i]!.dials += r.calls;
    if (connectOutcomes.has(r.outcome)) trend[i]!.connects += r.calls;
  }
  return { total, bySource, trend };
}

/**
 * Planned call blocks that can still happen: one planned before its day became closed (a closure
 * added in settings, a holiday) is not a slot the rep will have, so the goal maths leaves it out.
 */
function openCallBlocks(ctx: BackendContext, startsAt: readonly string[]): number {
  const week = readSetting(ctx.db, settingSpecs.workWeek);
  const calendar = readSetting(ctx.db, settingSpecs.calendar);
  return startsAt.filter((iso) => closedReason(localDate(new Date(iso), week.timeZone), calendar, week.days) === null).length;
}

/**
 * This month's goal worked backward from the rep's own rates over today and the 90 days before it
 * (whole local days, so they are read from the daily tallies).
 */
export function goalPlan(ctx: BackendContext): GoalPlanView {
  const settings = readSetting(ctx.db, settingSpecs.kpi);
  const { timeZone } = talliesForRead(ctx.db);
  const now = ctx.clock.now();
  const p = localParts(now, timeZone);
  const monthStart = instantOf({ year: p.year, month: p.month, day: 1, minutes: 0 }, timeZone).toISOString();
  const monthEnd = instantOf({ year: p.year, month: p.month + 1, day: 1, minutes: 0 }, timeZone).toISOString();
  const measuredFrom = instantOf({ year: p.year, month: p.month, day: p.day - 90, minutes: 0 }, timeZone).toISOString();
  const tomorrow = instantOf({ year: p.year, month: p.month, day: p.day + 1, minutes: 0 }, timeZone).toISOString();
  const nowIso = now.toISOString();
  const day = (iso: string) => localDate(new Date(iso), timeZone);
  const measured: KpiFigures = figuresFromTallies(ctx.db, measuredFrom, tomorrow, day(measuredFrom), day(tomorrow), [], 'skip').total;
  const achieved = figuresFromTallies(ctx.db, monthStart, monthEnd, day(monthStart), day(monthEnd), [], 'skip').total.opportunities;
  const s = statements(ctx.db);
  const callSlotsUsed = tallyStatements(ctx.db).halfHours.get(Math.floor(Date.parse(measuredFrom) / 1_800_000), Math.floor(now.getTime() / 1_800_000))?.n ?? 0;
  const plan = workBackFromGoal({
    goal: settings.monthlyOpportunityGoal,
    achieved,
    measured: { dials: measured.dials, connects: measured.connects, conversations: measured.conversations, opportunities: measured.opportunities, callSlotsUsed },
    callSlotsPlanned: openCallBlocks(ctx, s.plannedCallBlocks.all(nowIso, monthEnd).map((r) => r.starts_at)),
    targets: settings.targets,
  });
  return { month: `${p.year}-${String(p.month).padStart(2, '0')}`, goal: settings.monthlyOpportunityGoal, conversationSeconds: settings.conversationSeconds, achieved, targets: settings.targets, ...plan };
}

export const kpiHandlers: FeatureHandlers = {
  'kpi.report': (input, ctx) => ctx.db.transaction(() => kpiReport(ctx, new Date(input.from).toISOString(), new Date(input.to).toISOString()))(),
  'kpi.goal': (_input, ctx) => ctx.db.transaction(() => goalPlan(ctx))(),
  'kpi.rebuildTallies': (_input, ctx) => ctx.db.transaction(() => rebuildTallies(ctx.db))(),
  'kpi.saveSettings': (input, ctx) =>
    ctx.db.transaction(() => {
      writeSetting(ctx.db, settingSpecs.kpi, input.settings, ctx.clock.now().toISOString());
      return goalPlan(ctx);
    })(),
};
