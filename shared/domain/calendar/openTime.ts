import type { ScheduleMove } from '../../contract/calendar';
import { addDays } from '../slots/grid';
import { localDate } from '../queue/localTime';
import { closedReason } from './closedDays';
import { horizonDays, openWindow, type OpenRules } from './openWindows';
import { addOpenMinutesOnTimeline } from './openTimeline';

export type { OpenRules } from './openWindows';

export function isOpenAt(instant: Date, rules: OpenRules): boolean {
  const window = openWindow(localDate(instant, rules.timeZone), rules);
  const t = instant.getTime();
  return window !== null && window.open <= t && t < window.close;
}

/**
 * The first open instant at or after `instant` (strictly on a later local day with `laterDay`: the
 * daily cap moves a lead to another day, not to this afternoon); null if none within the horizon.
 */
export function nextOpenTime(instant: Date, rules: OpenRules, laterDay = false): Date | null {
  const t = instant.getTime();
  const first = localDate(instant, rules.timeZone);
  for (let offset = laterDay ? 1 : 0; offset <= horizonDays; offset++) {
    const window = openWindow(addDays(first, offset), rules);
    if (!window || window.close <= t) continue;
    return new Date(Math.max(window.open, t));
  }
  return null;
}

/**
 * A time the rules chose (a cooldown's end, a callback, a recycle date), moved to the next open time
 * when it falls on a closed day or outside calling hours — with the reason, so the rep is told.
 */
export function moveToOpenTime(instant: Date, rules: OpenRules): { at: Date; move: ScheduleMove | null } {
  const to = nextOpenTime(instant, rules);
  if (!to || to.getTime() === instant.getTime()) return { at: instant, move: null };
  const reason = closedReason(localDate(instant, rules.timeZone), rules.calendar, rules.hours.days) ?? { kind: 'outside_hours' as const };
  return { at: to, move: { from: instant.toISOString(), to: to.toISOString(), reason } };
}

/**
 * `minutes` of open time after `from`: a speed-to-lead window counts business hours, so an inquiry
 * at Friday 17:30 with an hour's window is still "within the hour" on Monday morning.
 */
export function addOpenMinutes(from: Date, minutes: number, rules: OpenRules): Date {
  return addOpenMinutesOnTimeline(from, minutes, rules) ?? walkOpenMinutes(from, minutes, rules);
}

/** `addOpenMinutes` by walking the local dates from `from`'s: the definition the timeline keeps to. */
export function walkOpenMinutes(from: Date, minutes: number, rules: OpenRules): Date {
  let left = minutes * 60_000;
  let t = from.getTime();
  const first = localDate(from, rules.timeZone);
  for (let offset = 0; offset <= horizonDays; offset++) {
    const window = openWindow(addDays(first, offset), rules);
    if (!window || window.close <= t) continue;
    const start = Math.max(window.open, t);
    if (left <= window.close - start) return new Date(start + left);
    left -= window.close - start;
    t = window.close;
  }
  // A calendar closed for over a year: count plain time rather than never.
  return new Date(from.getTime() + minutes * 60_000);
}
