import type { QueueRules } from '../../contract/queueRules';
import { instantOf, localParts } from './localTime';

type Hours = QueueRules['callingHours'];

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isWithinCallingHours(now: Date, timeZone: string, hours: Hours): boolean {
  const local = localParts(now, timeZone);
  return hours.days.includes(local.weekday) && local.minutes >= toMinutes(hours.start) && local.minutes < toMinutes(hours.end);
}

/**
 * When the lead may next be called: now if its calling hours are open, else when they next open.
 * With `laterDay`, strictly on a later local day (the daily cap moves a lead to another day, not
 * to this afternoon).
 */
export function nextOpening(now: Date, timeZone: string, hours: Hours, laterDay = false): Date {
  if (!laterDay && isWithinCallingHours(now, timeZone, hours)) return now;
  const today = localParts(now, timeZone);
  for (let offset = laterDay ? 1 : 0; offset <= 7; offset++) {
    // Noon of the candidate day: stepping whole days from noon never lands on the wrong date.
    const noon = instantOf({ year: today.year, month: today.month, day: today.day + offset, minutes: 12 * 60 }, timeZone);
    const day = localParts(noon, timeZone);
    if (!hours.days.includes(day.weekday)) continue;
    const opening = instantOf({ year: day.year, month: day.month, day: day.day, minutes: toMinutes(hours.start) }, timeZone);
    if (opening.getTime() > now.getTime()) return opening;
  }
  // Unreachable while days holds at least one weekday, which the schema requires.
  throw new Error('calling hours have no working day');
}
