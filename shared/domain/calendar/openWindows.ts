import type { BusinessCalendar } from '../../contract/calendar';
import { instantOf } from '../queue/localTime';
import { closedReason } from './closedDays';

/** When a lead can be called: its calling hours on working days, in its zone, on the company's calendar. */
export interface OpenRules {
  timeZone: string;
  hours: { start: string; end: string; days: readonly number[] };
  calendar: BusinessCalendar;
}

/** A year and a bit: a calendar closed longer than this has no open time, and nothing is moved. */
export const horizonDays = 400;

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
