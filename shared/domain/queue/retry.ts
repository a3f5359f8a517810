import type { BusinessCalendar, ScheduleMove } from '../../contract/calendar';
import type { CallOutcome, ExcludeReason, RecycleReason } from '../../contract/calls';
import type { LeadStatus } from '../../contract/leads';
import type { QueueRules } from '../../contract/queueRules';
import { moveToOpenTime, nextOpenTime } from '../calendar/openTime';
import { openRulesFor } from './callingHours';

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
  /** The next call or recycle date the rules chose fell on a closed day or outside calling hours. */
  moved: ScheduleMove | null;
}

const reached: ReadonlySet<CallOutcome> = new Set(['connected', 'callback_requested', 'not_interested']);

/** When a lead recycled for `reason` comes back: the reason's delay, moved onto an open time. */
export function recycleSchedule(reason: RecycleReason, rules: QueueRules, at: Date, timeZone: string, calendar: BusinessCalendar): { at: string; move: ScheduleMove | null } {
  return scheduleOnOpenTime(new Date(at.getTime() + rules.recycleDays[reason] * 86_400_000), timeZone, rules, calendar);
}

/** A time the rep or the rules chose, moved to the lead's next open time when it falls on a closed one. */
export function scheduleOnOpenTime(at: Date, timeZone: string, rules: Pick<QueueRules, 'callingHours'>, calendar: BusinessCalendar): { at: string; move: ScheduleMove | null } {
  const { at: moved, move } = moveToOpenTime(at, openRulesFor(timeZone, rules, calendar));
  return { at: moved.toISOString(), move };
}

function recycled(reason: RecycleReason, until: { at: string; move: ScheduleMove | null }, at: Date): LeadAfterCall {
  return { status: 'recycled', attempts: 0, lastContactAt: at.toISOString(), nextCallAt: null, recycleReason: reason, recycleUntil: until.at, excludeReason: null, moved: until.move };
}

/**
 * The retry rules: what a logged call does to its lead. A person reached resets the attempt count;
 * an unreached attempt cools down per outcome, and past the maximum the lead is recycled as "not
 * reached"; the daily cap pushes the next try to another day; the rep's own decision or next-action
 * date wins over the defaults. Whatever time comes out never falls on a closed day or outside calling
 * hours: it is moved to the next open time, and `moved` says so.
 */
export function applyOutcome(input: OutcomeInput, rules: QueueRules, calendar: BusinessCalendar): LeadAfterCall {
  const { at, outcome, lead, decision } = input;
  const lastContactAt = at.toISOString();
  const onOpenTime = (instant: Date) => scheduleOnOpenTime(instant, lead.timeZone, rules, calendar);
  const recycleFor = (reason: RecycleReason) => recycleSchedule(reason, rules, at, lead.timeZone, calendar);
  if (decision?.kind === 'exclude') {
    return { status: 'excluded', attempts: lead.attempts, lastContactAt, nextCallAt: null, recycleReason: null, recycleUntil: null, excludeReason: decision.reason, moved: null };
  }
  if (decision?.kind === 'recycle') return recycled(decision.reason, onOpenTime(new Date(decision.until)), at);

  const attempts = reached.has(outcome) ? 0 : lead.attempts + 1;
  if (outcome === 'not_interested') return recycled('no_need', recycleFor('no_need'), at);
  if (outcome === 'wrong_number' || attempts >= rules.maxAttempts) return recycled('not_reached', recycleFor('not_reached'), at);

  let status: LeadStatus = outcome === 'callback_requested' ? 'callback' : 'working';
  let next: number = at.getTime() + rules.cooldownMinutes[outcome] * 60_000;
  if (outcome === 'callback_requested' && input.callbackAt) next = Date.parse(input.callbackAt);
  else if (input.nextActionAt) next = Date.parse(input.nextActionAt);
  else if (input.attemptsToday + 1 >= rules.dailyCapPerLead) {
    const laterDay = nextOpenTime(at, openRulesFor(lead.timeZone, rules, calendar), true);
    if (laterDay) next = Math.max(next, laterDay.getTime());
  }
  if (outcome === 'callback_requested' && !input.callbackAt) status = 'working';
  const nextCall = onOpenTime(new Date(next));
  return { status, attempts, lastContactAt, nextCallAt: nextCall.at, recycleReason: null, recycleUntil: null, excludeReason: null, moved: nextCall.move };
}
