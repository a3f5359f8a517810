import type { CallOutcome } from '../../contract/calls';
import type { LeadSource } from '../../contract/leads';

export interface KpiCall {
  leadId: string;
  source: LeadSource;
  startedAt: string;
  durationSec: number | null;
  outcome: CallOutcome;
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
const connectOutcomes: ReadonlySet<CallOutcome> = new Set(['connected', 'callback_requested', 'not_interested']);

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
      leadsWorked: this.leads.size,
      qualificationRate: rate(this.opportunities, this.leads.size),
      recycles: this.recycles,
      exclusions: this.exclusions,
    };
  }
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Every KPI for the range, in total and split by lead source, in one pass over the records (a
 * month of a busy team is ~100,000 calls: the dashboard must not filter them once per figure).
 */
export function computeKpis(input: KpiInput, sources: readonly LeadSource[]): { total: KpiFigures; bySource: Partial<Record<LeadSource, KpiFigures>> } {
  const total = new Tally();
  const groups = new Map<LeadSource, Tally>(sources.map((s) => [s, new Tally()]));
  const each = (source: LeadSource, apply: (t: Tally) => void) => {
    apply(total);
    const group = groups.get(source);
    if (group) apply(group);
  };
  const { range, conversationSeconds } = input;
  for (const c of input.calls) {
    if (!inRange(c.startedAt, range)) continue;
    const connect = connectOutcomes.has(c.outcome);
    const conversation = c.outcome === 'connected' && (c.durationSec ?? 0) >= conversationSeconds;
    each(c.source, (t) => {
      t.dials++;
      if (connect) t.connects++;
      if (conversation) t.conversations++;
      t.leads.add(c.leadId);
    });
  }
  for (const h of input.handoffs) {
    const created = inRange(h.createdAt, range);
    const held = h.fieldState === 'meeting_held' && inRange(h.appointmentAt, range);
    each(h.source, (t) => {
      if (created) t.opportunities++;
      if (created && h.appointmentAt !== null) t.appointmentsBooked++;
      if (held) t.appointmentsHeld++;
    });
  }
  for (const e of input.exits) {
    if (!inRange(e.at, range)) continue;
    if (e.kind === 'recycled') each(e.source, (t) => bump(t.recycles, e.reason ?? 'other'));
    else if (e.kind === 'excluded') each(e.source, (t) => bump(t.exclusions, e.reason ?? 'other'));
  }
  const bySource: Partial<Record<LeadSource, KpiFigures>> = {};
  for (const [source, tally] of groups) bySource[source] = tally.figures();
  return { total: total.figures(), bySource };
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
