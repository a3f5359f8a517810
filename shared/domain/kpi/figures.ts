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

function figures(input: KpiInput, source: LeadSource | null): KpiFigures {
  const mine = <T extends { source: LeadSource }>(rows: readonly T[]) => (source === null ? rows : rows.filter((r) => r.source === source));
  const calls = mine(input.calls).filter((c) => inRange(c.startedAt, input.range));
  const handoffs = mine(input.handoffs);
  const exits = mine(input.exits).filter((e) => inRange(e.at, input.range));
  const connects = calls.filter((c) => connectOutcomes.has(c.outcome)).length;
  const opportunities = handoffs.filter((h) => inRange(h.createdAt, input.range)).length;
  const leadsWorked = new Set(calls.map((c) => c.leadId)).size;
  const tally = (kind: string) => {
    const out: Record<string, number> = {};
    for (const e of exits) if (e.kind === kind) out[e.reason ?? 'other'] = (out[e.reason ?? 'other'] ?? 0) + 1;
    return out;
  };
  return {
    dials: calls.length,
    connects,
    connectRate: rate(connects, calls.length),
    conversations: calls.filter((c) => c.outcome === 'connected' && (c.durationSec ?? 0) >= input.conversationSeconds).length,
    appointmentsBooked: handoffs.filter((h) => inRange(h.createdAt, input.range) && h.appointmentAt !== null).length,
    appointmentsHeld: handoffs.filter((h) => h.fieldState === 'meeting_held' && inRange(h.appointmentAt, input.range)).length,
    opportunities,
    leadsWorked,
    qualificationRate: rate(opportunities, leadsWorked),
    recycles: tally('recycled'),
    exclusions: tally('excluded'),
  };
}

/** Every KPI for the range, in total and split by lead source. */
export function computeKpis(input: KpiInput, sources: readonly LeadSource[]): { total: KpiFigures; bySource: Partial<Record<LeadSource, KpiFigures>> } {
  const bySource: Partial<Record<LeadSource, KpiFigures>> = {};
  for (const s of sources) bySource[s] = figures(input, s);
  return { total: figures(input, null), bySource };
}
