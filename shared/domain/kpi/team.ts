import type { TeamFigures, TeamView } from '../../contract/team';
import { addDays } from '../slots/grid';
import { connectOutcomes, rate } from './figures';
import { workBackFromGoal, type FunnelStage } from './goal';

/** What the CRM's aggregate queries answered for a team and a month (the connector's rows, named). */
export interface TeamCounts {
  members: { userId: string; name: string }[];
  /** Calls this month by rep, outcome and conversation flag (null: the org does not carry the flag). */
  calls: { userId: string; outcome: string; conversation: boolean | null; n: number }[];
  /** Distinct 30-minute koma with calls, by rep; null when the org does not carry the koma field. */
  usedSlots: { userId: string; n: number }[] | null;
  /** Call blocks planned (Events) by rep and local date, this month. */
  plannedSlots: { userId: string; day: string; n: number }[];
  /** This month's handoffs by rep and field sales' answer, with how many carried an appointment. */
  opportunities: { userId: string; state: 'accepted' | 'meeting_held' | 'rejected' | null; n: number; appointments: number }[];
  /** Team-wide, per day, for the week-by-week trend. */
  trendCalls: { day: string; outcome: string; n: number }[];
  trendOpportunities: { day: string; n: number }[];
  rejections: TeamView['rejections'];
}

export interface TeamMathsInput {
  counts: TeamCounts;
  targets: Record<FunnelStage, number>;
  /** The team's opportunities wanted this month. */
  goal: number;
  /** Today's local date: call blocks from today on are the ones still planned. */
  today: string;
  /** Mondays of the trend's weeks, oldest first. */
  weekStarts: readonly string[];
}

/** The Monday (local date) of the week a local date falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

interface Sums {
  dials: number;
  connects: number;
  conversations: number | null;
  appointments: number;
  opportunities: number;
  plannedSlots: number;
  usedSlots: number | null;
  handoffs: TeamFigures['handoffs'];
}

const emptySums = (conversationsKnown: boolean, usedKnown: boolean): Sums => ({
  dials: 0,
  connects: 0,
  conversations: conversationsKnown ? 0 : null,
  appointments: 0,
  opportunities: 0,
  plannedSlots: 0,
  usedSlots: usedKnown ? 0 : null,
  handoffs: { accepted: 0, meetingHeld: 0, rejected: 0, unanswered: 0 },
});

/** The rates between the stages and the bottleneck, by the same maths as a rep's goal (goal.ts). */
function figuresOf(s: Sums, targets: Record<FunnelStage, number>): TeamFigures {
  const conversations = s.conversations ?? 0;
  const plan = workBackFromGoal({
    goal: 0,
    achieved: 0,
    measured: { dials: s.dials, connects: s.connects, conversations, opportunities: s.opportunities, callSlotsUsed: s.usedSlots ?? 0 },
    callSlotsPlanned: 0,
    targets: s.conversations === null ? { ...targets, conversation: 0, opportunity: 0 } : targets,
  });
  return {
    dials: s.dials,
    connects: s.connects,
    conversations: s.conversations,
    appointments: s.appointments,
    opportunities: s.opportunities,
    rates: {
      connect: rate(s.connects, s.dials),
      conversation: s.conversations === null ? null : rate(conversations, s.connects),
      opportunity: s.conversations === null ? null : rate(s.opportunities, conversations),
      appointment: rate(s.appointments, s.dials),
    },
    plannedSlots: s.plannedSlots,
    usedSlots: s.usedSlots,
    handoffs: s.handoffs,
    bottleneck: plan.bottleneck,
  };
}

/**
 * The team view from the CRM's counts: each rep's funnel and rates, the team's, the bottleneck per
 * rep (the stage furthest below the team's target rate), the team goal worked backward with the
 * rep's own maths (workBackFromGoal) over the team's month, and dials, connects and opportunities
 * week by week (Monday weeks, folded from days: SOQL's WEEK_IN_YEAR counts weeks from 1 January).
 */
export function teamMaths(input: TeamMathsInput): Omit<TeamView, 'fetchedAt' | 'month' | 'selection' | 'requests' | 'requestBound'> {
  const { counts, targets } = input;
  const conversationsKnown = counts.calls.every((c) => c.conversation !== null);
  const usedKnown = counts.usedSlots !== null;
  const byRep = new Map(counts.members.map((m) => [m.userId, emptySums(conversationsKnown, usedKnown)]));
  const team = emptySums(conversationsKnown, usedKnown);
  const each = (userId: string, apply: (s: Sums) => void) => {
    const rep = byRep.get(userId);
    if (!rep) return; // someone outside the chosen team: not counted
    apply(rep);
    apply(team);
  };
  for (const c of counts.calls) {
    each(c.userId, (s) => {
      s.dials += c.n;
      if (connectOutcomes.has(c.outcome)) s.connects += c.n;
      if (c.conversation && s.conversations !== null) s.conversations += c.n;
    });
  }
  for (const u of counts.usedSlots ?? []) each(u.userId, (s) => (s.usedSlots = (s.usedSlots ?? 0) + u.n));
  let plannedAhead = 0;
  for (const p of counts.plannedSlots) {
    each(p.userId, (s) => (s.plannedSlots += p.n));
    if (byRep.has(p.userId) && p.day >= input.today) plannedAhead += p.n;
  }
  for (const o of counts.opportunities) {
    each(o.userId, (s) => {
      s.opportunities += o.n;
      s.appointments += o.appointments;
      if (o.state === 'accepted') s.handoffs.accepted += o.n;
      else if (o.state === 'meeting_held') s.handoffs.meetingHeld += o.n;
      else if (o.state === 'rejected') s.handoffs.rejected += o.n;
      else s.handoffs.unanswered += o.n;
    });
  }
  const plan = workBackFromGoal({
    goal: input.goal,
    achieved: team.opportunities,
    measured: { dials: team.dials, connects: team.connects, conversations: team.conversations ?? 0, opportunities: team.opportunities, callSlotsUsed: team.usedSlots ?? 0 },
    callSlotsPlanned: plannedAhead,
    targets,
  });
  const trend = input.weekStarts.map((weekStart) => ({ weekStart, dials: 0, connects: 0, opportunities: 0 }));
  const week = new Map(trend.map((w) => [w.weekStart, w]));
  for (const c of counts.trendCalls) {
    const w = week.get(mondayOf(c.day));
    if (!w) continue;
    w.dials += c.n;
    if (connectOutcomes.has(c.outcome)) w.connects += c.n;
  }
  for (const o of counts.trendOpportunities) {
    const w = week.get(mondayOf(o.day));
    if (w) w.opportunities += o.n;
  }
  return {
    reps: counts.members.map((m) => ({ userId: m.userId, name: m.name, ...figuresOf(byRep.get(m.userId)!, targets) })),
    team: figuresOf(team, targets),
    goal: {
      goal: input.goal,
      achieved: team.opportunities,
      remaining: plan.remaining,
      status: plan.status,
      dialsNeeded: plan.dialsNeeded,
      callSlotsNeeded: plan.callSlotsNeeded,
      callSlotsPlanned: plan.callSlotsPlanned,
      assumed: plan.assumed,
    },
    rejections: counts.rejections.filter((r) => byRep.has(r.userId)),
    trend,
  };
}
