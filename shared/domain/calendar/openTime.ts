import type { BusinessCalendar, ScheduleMove } from '../../contract/calendar';
import { addDays } from '../slots/grid';
import { instantOf, localDate } from '../queue/localTime';
import { closedReason } from './closedDays';

/** When a lead can be called: its calling hours on working days, in its zone, on the company's calendar. */
export interface OpenRules {
  timeZone: string;
  hours: { start: string; end: string; days: readonly number[] };
  calendar: BusinessCalendar;
}

/** A year and a bit: a calendar closed longer than this has no open time, and nothing is moved. */
const horizonDays = 400;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// Open and close instants per local date. Queue maths asks for the same few days for every lead;
// the rules objects are cached per stored text by the settings store, so they key a WeakMap well.
const windows = new WeakMap<BusinessCalendar, Map<string, { open: number; close: number } | null>>();

/** The calling window of a local date as instants, or null when the day is closed. */
export function openWindow(date: string, rules: OpenRules): { open: number; close: number } | null {
  let byDay = windows.get(rules.calendar);
  if (!byDay) windows.set(rules.calendar, (byDay = new Map()));
  const { start, end, days } = rules.hours;
  const key = `${rules.timeZone} ${start} ${end} ${days.join('')} ${date}`;
  const cached = byDay.get(key);
  if (cached !== undefined) return cached;
  let window: { open: number; close: number } | null = null;
  if (!closedReason(date, rules.calendar, days)) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const open = instantOf({ year, month, day, minutes: toMinutes(start) }, rules.timeZone).getTime();
    const close = instantOf({ year, month, day, minutes: toMinutes(end) }, rules.timeZone).getTime();
    if (close > open) window = { open, close };
  }
  if (byDay.size > 20_000) byDay.clear();
  byDay.set(key, window);
  return window;
}

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
