import type { BusinessCalendar, ClosedReason } from '../../contract/calendar';
import { nationalHoliday } from './holidays';

/** 0 = Sunday … 6 = Saturday, for a local date YYYY-MM-DD. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function inYearlyRange(date: string, range: { from: string; to: string }): boolean {
  const md = date.slice(5);
  // 12-29 → 01-03 runs over the new year: the end comes before the start.
  return range.from <= range.to ? range.from <= md && md <= range.to : md >= range.from || md <= range.to;
}

/** The working days from `from` to `to` (local dates, both inclusive) that the calendar leaves open. */
export function countOpenDays(from: string, to: string, calendar: BusinessCalendar, workingDays: readonly number[]): number {
  let open = 0;
  for (let t = Date.parse(`${from}T12:00:00Z`), end = Date.parse(`${to}T12:00:00Z`); t <= end; t += 86_400_000) {
    if (!closedReason(new Date(t).toISOString().slice(0, 10), calendar, workingDays)) open++;
  }
  return open;
}

/**
 * Why no one is called on a local date, or null when it is a working day: a day off in the week
 * (Saturday, Sunday), a national holiday, then the company's own closures (yearly or one-off).
 */
export function closedReason(date: string, calendar: BusinessCalendar, workingDays: readonly number[]): ClosedReason | null {
  if (!workingDays.includes(weekdayOf(date))) return { kind: 'day_off' };
  if (calendar.nationalHolidays) {
    const holiday = nationalHoliday(date);
    if (holiday) return { kind: 'holiday', ...holiday };
  }
  const yearly = calendar.yearlyClosures.find((range) => inYearlyRange(date, range));
  if (yearly) return { kind: 'closure', name: yearly.name };
  const once = calendar.closures.find((c) => c.from <= date && date <= c.to);
  if (once) return { kind: 'closure', name: once.name };
  return null;
}
