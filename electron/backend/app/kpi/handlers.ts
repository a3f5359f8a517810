import { leadSources, type LeadSource } from '../../../../shared/contract/leads';
import type { CallOutcome } from '../../../../shared/contract/calls';
import type { GoalPlanView, KpiReport } from '../../../../shared/contract/planner';
import { computeKpis, weeklyTrend, type KpiCall, type KpiExit, type KpiHandoff, type WeekBucket } from '../../../../shared/domain/kpi/figures';
import { workBackFromGoal } from '../../../../shared/domain/kpi/goal';
import { instantOf, localParts } from '../../../../shared/domain/queue/localTime';
import { addDays, weekStartOf } from '../../../../shared/domain/slots/grid';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../context';
import type { FeatureHandlers } from '../registry';
import { readSetting, settingSpecs, writeSetting } from '../settings/store';

const statements = perDatabase((db: Db) => ({
  // Raw rows (arrays): a month of a busy team is ~100,000 calls, and objects per row cost a third more.
  calls: db.prepare<[string, string], [string, string, string, number | null, string]>(
    `SELECT c.lead_id, l.source, c.started_at, c.duration_sec, c.outcome
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
  callSlots: db.prepare<[string, string], { n: number }>(
    // Half-hour windows with at least one call: the slots the measured dials were made in.
    `SELECT count(DISTINCT CAST(strftime('%s', started_at) / 1800 AS INTEGER)) AS n FROM calls WHERE started_at >= ? AND started_at < ?`,
  ),
  plannedCallBlocks: db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM slots WHERE kind = 'call_block' AND starts_at >= ? AND starts_at < ?"),
}));

function loadRows(db: Db, from: string, to: string) {
  const s = statements(db);
  const calls: KpiCall[] = s.calls.all(from, to).map(([leadId, source, startedAt, durationSec, outcome]) => ({ leadId, source: source as LeadSource, startedAt, durationSec, outcome: outcome as CallOutcome }));
  const handoffs: KpiHandoff[] = s.handoffs.all(from, to, from, to).map((h) => ({ leadId: h.lead_id, source: h.source as LeadSource, createdAt: h.created_at, appointmentAt: h.appointment_at, fieldState: h.field_state }));
  const exits: KpiExit[] = s.exits.all(from, to).map((x) => ({ source: x.source as LeadSource, kind: x.kind, reason: x.reason, at: x.at }));
  return { calls, handoffs, exits };
}

export function kpiReport(ctx: BackendContext, from: string, to: string): KpiReport {
  const { conversationSeconds } = readSetting(ctx.db, settingSpecs.kpi);
  const { timeZone } = readSetting(ctx.db, settingSpecs.workWeek);
  const rows = loadRows(ctx.db, from, to);
  const { total, bySource } = computeKpis({ ...rows, range: { from, to }, conversationSeconds }, leadSources);
  const weeks: WeekBucket[] = [];
  for (let week = weekStartOf(new Date(from), timeZone); ; week = addDays(week, 7)) {
    const [y, m, d] = week.split('-').map(Number) as [number, number, number];
    const start = instantOf({ year: y, month: m, day: d, minutes: 0 }, timeZone).toISOString();
    if (start >= to) break;
    const end = instantOf({ year: y, month: m, day: d + 7, minutes: 0 }, timeZone).toISOString();
    weeks.push({ weekStart: week, from: start < from ? from : start, to: end > to ? to : end });
  }
  return { total, bySource, trend: weeklyTrend(rows, weeks) };
}

/** This month's goal worked backward from the rep's own last 90 days. */
export function goalPlan(ctx: BackendContext): GoalPlanView {
  const settings = readSetting(ctx.db, settingSpecs.kpi);
  const { timeZone } = readSetting(ctx.db, settingSpecs.workWeek);
  const now = ctx.clock.now();
  const p = localParts(now, timeZone);
  const monthStart = instantOf({ year: p.year, month: p.month, day: 1, minutes: 0 }, timeZone).toISOString();
  const monthEnd = instantOf({ year: p.year, month: p.month + 1, day: 1, minutes: 0 }, timeZone).toISOString();
  const measuredFrom = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const nowIso = now.toISOString();
  const measured = computeKpis({ ...loadRows(ctx.db, measuredFrom, nowIso), range: { from: measuredFrom, to: nowIso }, conversationSeconds: settings.conversationSeconds }, []).total;
  const achieved = computeKpis({ ...loadRows(ctx.db, monthStart, monthEnd), range: { from: monthStart, to: monthEnd }, conversationSeconds: settings.conversationSeconds }, []).total.opportunities;
  const s = statements(ctx.db);
  const plan = workBackFromGoal({
    goal: settings.monthlyOpportunityGoal,
    achieved,
    measured: { dials: measured.dials, connects: measured.connects, conversations: measured.conversations, opportunities: measured.opportunities, callSlotsUsed: s.callSlots.get(measuredFrom, nowIso)?.n ?? 0 },
    callSlotsPlanned: s.plannedCallBlocks.get(nowIso, monthEnd)?.n ?? 0,
    targets: settings.targets,
  });
  return { month: `${p.year}-${String(p.month).padStart(2, '0')}`, goal: settings.monthlyOpportunityGoal, conversationSeconds: settings.conversationSeconds, achieved, targets: settings.targets, ...plan };
}

export const kpiHandlers: FeatureHandlers = {
  'kpi.report': (input, ctx) => ctx.db.transaction(() => kpiReport(ctx, new Date(input.from).toISOString(), new Date(input.to).toISOString()))(),
  'kpi.goal': (_input, ctx) => ctx.db.transaction(() => goalPlan(ctx))(),
  'kpi.saveSettings': (input, ctx) =>
    ctx.db.transaction(() => {
      writeSetting(ctx.db, settingSpecs.kpi, input.settings, ctx.clock.now().toISOString());
      return goalPlan(ctx);
    })(),
};
