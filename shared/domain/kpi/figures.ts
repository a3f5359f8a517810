import type { CallOutcome } from '../../contract/calls';
import type { LeadSource } from '../../contract/leads';

export interface KpiCall {
  leadId: string;
  source: LeadSource;
  startedAt: string;
  durationSec: number | null;
  outcome: CallOutcome;
  /** The rep marked it 有効会話, or a BANT hearing was recorded in it (calls.conversation). */
  conversation?: boolean;
}

/**
 * A conversation is counted from what is known (docs/kpi.md): a call marked as one (by the rep, or
 * because a hearing was recorded in it), or a connected call whose known duration reaches the
 * threshold. A call of unknown duration (not timed in Koma) is never guessed to be long enough.
 */
export function isConversation(call: { outcome: string; durationSec: number | null; conversation?: boolean }, conversationSeconds: number): boolean {
  if (call.conversation) return true;
  return call.outcome === 'connected' && call.durationSec !== null && call.durationSec >= conversationSeconds;
}

export interface KpiHandoff {
  leadId: string;
  source: LeadSource;
  createdAt: string;
  appointmentAt: string | null;
  fieldState: string | null;
}

export interface KpiExit {
  source: LeadSource;
  kind: string;
  reason: string | null;
  at: string;
}

export interface KpiRange {
  from: string;
  /** Exclusive. */
  to: string;
}

export interface KpiFigures {
  dials: number;
  connects: number;
  /** null when there were no dials: "not enough data", never a division by zero. */
  connectRate: number | null;
  conversations: number;
  appointmentsBooked: number;
  appointmentsHeld: number;
  opportunities: number;
  leadsWorked: number;
  /** 案件化率 = opportunities / leads worked; null with no leads worked. */
  qualificationRate: number | null;
  recycles: Record<string, number>;
  exclusions: Record<string, number>;
}

/** Outcomes where the rep reached the person (a gatekeeper or voicemail is not a connect). */
export const connectOutcomes: ReadonlySet<string> = new Set<CallOutcome>(['connected', 'callback_requested', 'not_interested']);

export const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

const inRange = (iso: string | null, r: KpiRange) => iso !== null && iso >= r.from && iso < r.to;

export interface KpiInput {
  calls: readonly KpiCall[];
  handoffs: readonly KpiHandoff[];
  exits: readonly KpiExit[];
  range: KpiRange;
  /** A connected call at least this long counts as a conversation. */
  conversationSeconds: number;
}

/** Running counts for one group (the total, or one lead source). */
class Tally {
  dials = 0;
  connects = 0;
  conversations = 0;
  appointmentsBooked = 0;
  appointmentsHeld = 0;
  opportunities = 0;
  readonly leads = new Set<string>();
  /** Counted elsewhere (from tallies) instead of from `leads`. */
  leadCount: number | null = null;
  readonly recycles: Record<string, number> = {};
  readonly exclusions: Record<string, number> = {};

  figures(): KpiFigures {
    return {
      dials: this.dials,
      connects: this.connects,
      connectRate: rate(this.connects, this.dials),
      conversations: this.conversations,
      appointmentsBooked: this.appointmentsBooked,
      appointmentsHeld: this.appointmentsHeld,
      opportunities: this.opportunities,
      leadsWorked: this.leadCount ?? this.leads.size,
      qualificationRate: rate(this.opportunities, this.leadCount ?? this.leads.size),
      recycles: this.recycles,
      exclusions: this.exclusions,
    };
  }
}

/**
 * Every KPI for the range, in total and split by lead source, in one pass over the records (a
 * month of a busy team is ~100,000 calls: the dashboard must not filter them once per figure).
 */
export function computeKpis(input: KpiInput, sources: readonly LeadSource[]): { total: KpiFigures; bySource: Partial<Record<LeadSource, KpiFigures>> } {
  const groups = new TallyGroups(sources);
  const { range, conversationSeconds } = input;
  for (const c of input.calls) {
    if (!inRange(c.startedAt, range)) continue;
    const connect = connectOutcomes.has(c.outcome);
    const conversation = isConversation(c, conversationSeconds);
    groups.each(c.source, (t) => {
      t.dials++;
      if (connect) t.connects++;
      if (conversation) t.conversations++;
      t.leads.add(c.leadId);
    });
  }
  groups.addHandoffs(input.handoffs, range);
  for (const e of input.exits) if (inRange(e.at, range)) groups.addExit(e.source, e.kind, e.reason, 1);
  return groups.figures();
}

/** Calls of one day, source, outcome and conversation flag, as the store tallies them. */
export interface CallTally {
  source: LeadSource;
  outcome: string;
  conversation: boolean;
  calls: number;
}

export interface ExitTally {
  source: LeadSource;
  kind: string;
  reason: string | null;
  exits: number;
}

export interface TallyInput {
  calls: readonly CallTally[];
  /** Distinct leads called in the range, per source and in all. */
  leadsWorked: { total: number; bySource: Partial<Record<LeadSource, number>> };
  handoffs: readonly KpiHandoff[];
  exits: readonly ExitTally[];
  range: KpiRange;
}

/** The same figures as computeKpis, from daily tallies already restricted to the range's days. */
export function computeKpisFromTallies(input: TallyInput, sources: readonly LeadSource[]): { total: KpiFigures; bySource: Partial<Record<LeadSource, KpiFigures>> } {
  const groups = new TallyGroups(sources);
  for (const c of input.calls) {
    const connect = connectOutcomes.has(c.outcome);
    groups.each(c.source, (t) => {
      t.dials += c.calls;
      if (connect) t.connects += c.calls;
      if (c.conversation) t.conversations += c.calls;
    });
  }
  groups.total.leadCount = input.leadsWorked.total;
  for (const [source, tally] of groups.bySource) tally.leadCount = input.leadsWorked.bySource[source] ?? 0;
  groups.addHandoffs(input.handoffs, input.range);
  for (const e of input.exits) groups.addExit(e.source, e.kind, e.reason, e.exits);
  return groups.figures();
}

/** The total and one tally per lead source asked for; a record counts in the total and its source. */
class TallyGroups {
  readonly total = new Tally();
  readonly bySource: Map<LeadSource, Tally>;

  constructor(sources: readonly LeadSource[]) {
    this.bySource = new Map(sources.map((s) => [s, new Tally()]));
  }

  each(source: LeadSource, apply: (t: Tally) => void): void {
    apply(this.total);
    const group = this.bySource.get(source);
    if (group) apply(group);
  }

  addHandoffs(handoffs: readonly KpiHandoff[], range: KpiRange): void {
    for (const h of handoffs) {
      const created = inRange(h.createdAt, range);
      const held = h.fieldState === 'meeting_held' && inRange(h.appointmentAt, range);
      this.each(h.source, (t) => {
        if (created) t.opportunities++;
        if (created && h.appointmentAt !== null) t.appointmentsBooked++;
        if (held) t.appointmentsHeld++;
      });
    }
  }

  addExit(source: LeadSource, kind: string, reason: string | null, n: number): void {
    const add = (counts: Record<string, number>) => {
      const key = reason ?? 'other';
      counts[key] = (counts[key] ?? 0) + n;
    };
    if (kind === 'recycled') this.each(source, (t) => add(t.recycles));
    else if (kind === 'excluded') this.each(source, (t) => add(t.exclusions));
  }

  figures(): { total: KpiFigures; bySource: Partial<Record<LeadSource, KpiFigures>> } {
    const bySource: Partial<Record<LeadSource, KpiFigures>> = {};
    for (const [source, tally] of this.bySource) bySource[source] = tally.figures();
    return { total: this.total.figures(), bySource };
  }
}

export interface WeekBucket {
  weekStart: string;
  /** Instants bounding the week, clipped to the report's range. */
  from: string;
  to: string;
}

/** Dials, connects and opportunities per week, in one pass over the records (for the trend chart). */
export function weeklyTrend(input: Pick<KpiInput, 'calls' | 'handoffs'>, weeks: readonly WeekBucket[]): { weekStart: string; dials: number; connects: number; opportunities: number }[] {
  const out = weeks.map((w) => ({ weekStart: w.weekStart, dials: 0, connects: 0, opportunities: 0 }));
  const weekOf = (iso: string) => {
    // Weeks are few and sorted: a binary search per record.
    let lo = 0;
    let hi = weeks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = weeks[mid]!;
      if (iso < w.from) hi = mid - 1;
      else if (iso >= w.to) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  for (const c of input.calls) {
    const i = weekOf(c.startedAt);
    if (i < 0) continue;
    out[i]!.dials++;
    if (connectOutcomes.has(c.outcome)) out[i]!.connects++;
  }
  for (const h of input.handoffs) {
    const i = weekOf(h.createdAt);
    if (i >= 0) out[i]!.opportunities++;
  }
  return out;
}
