import type { CallOutcome, ExcludeReason, RecycleReason } from '../../contract/calls';
import type { LeadStatus } from '../../contract/leads';
import type { QueueRules } from '../../contract/queueRules';
import { nextOpening } from './callingHours';

export type Decision =
  | { kind: 'recycle'; reason: RecycleReason; until: string }
  | { kind: 'exclude'; reason: ExcludeReason };

export interface OutcomeInput {
  lead: { status: LeadStatus; attempts: number; timeZone: string };
  outcome: CallOutcome;
  at: Date;
  /** Calls already made to this lead on its local calendar day, before this one. */
  attemptsToday: number;
  callbackAt?: string | null;
  nextActionAt?: string | null;
  decision?: Decision | null;
}

export interface LeadAfterCall {
  status: LeadStatus;
  attempts: number;
  lastContactAt: string;
  nextCallAt: string | null;
  recycleReason: RecycleReason | null;
  recycleUntil: string | null;
  excludeReason: ExcludeReason | null;
}

const reached: ReadonlySet<CallOutcome> = new Set(['connected', 'callback_requested', 'not_interested']);

export function recycleDate(reason: RecycleReason, rules: QueueRules, at: Date): string {
  return new Date(at.getTime() + rules.recycleDays[reason] * 86_400_000).toISOString();
}

function recycled(reason: RecycleReason, until: string, at: Date): LeadAfterCall {
  return { status: 'recycled', attempts: 0, lastContactAt: at.toISOString(), nextCallAt: null, recycleReason: reason, recycleUntil: until, excludeReason: null };
}

/**
 * The retry rules: what a logged call does to its lead. A person reached resets the attempt count;
 * an unreached attempt cools down per outcome, and past the maximum the lead is recycled as "not
 * reached"; the daily cap pushes the next try to another day; the rep's own decision or next-action
 * date wins over the defaults.
 */
export function applyOutcome(input: OutcomeInput, rules: QueueRules): LeadAfterCall {
  const { at, outcome, lead, decision } = input;
  const lastContactAt = at.toISOString();
  if (decision?.kind === 'exclude') {
    return { status: 'excluded', attempts: lead.attempts, lastContactAt, nextCallAt: null, recycleReason: null, recycleUntil: null, excludeReason: decision.reason };
  }
  if (decision?.kind === 'recycle') return recycled(decision.reason, decision.until, at);

  const attempts = reached.has(outcome) ? 0 : lead.attempts + 1;
  if (outcome === 'not_interested') return recycled('no_need', recycleDate('no_need', rules, at), at);
  if (outcome === 'wrong_number' || attempts >= rules.maxAttempts) return recycled('not_reached', recycleDate('not_reached', rules, at), at);

  let status: LeadStatus = outcome === 'callback_requested' ? 'callback' : 'working';
  let next: number = at.getTime() + rules.cooldownMinutes[outcome] * 60_000;
  if (outcome === 'callback_requested' && input.callbackAt) next = Date.parse(input.callbackAt);
  else if (input.nextActionAt) next = Date.parse(input.nextActionAt);
  else if (input.attemptsToday + 1 >= rules.dailyCapPerLead) {
    next = Math.max(next, nextOpening(at, lead.timeZone, rules.callingHours, true).getTime());
  }
  if (outcome === 'callback_requested' && !input.callbackAt) status = 'working';
  return { status, attempts, lastContactAt, nextCallAt: new Date(next).toISOString(), recycleReason: null, recycleUntil: null, excludeReason: null };
}
