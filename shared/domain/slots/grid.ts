import type { BusinessCalendar, ClosedReason } from '../../contract/calendar';
import type { WorkWeek } from '../../contract/slots';
import { closedReason } from '../calendar/closedDays';
import { instantOf, localParts } from '../queue/localTime';

export const slotMinutes = 30;

export interface GridSlot {
  startsAt: string;
  endsAt: string;
  /** 0 = Sunday … 6 = Saturday, in the work week's zone */
  weekday: number;
  /** Local date, YYYY-MM-DD */
  date: string;
  /** Position within its day, from 0 */
  index: number;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const pad = (n: number) => String(n).padStart(2, '0');

export function slotsPerDay(week: WorkWeek): number {
  return (toMinutes(week.end) - toMinutes(week.start)) / slotMinutes;
}

/** The local date (YYYY-MM-DD) of the Monday of the week containing `instant`, in the week's zone. */
export function weekStartOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const back = (p.weekday + 6) % 7;
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - back));
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface ClosedDay {
  date: string;
  weekday: number;
  reason: ClosedReason;
}

/** The working days of the week starting `weekStart` that the calendar closes (a holiday, 年末年始…). */
export function closedDaysOfWeek(weekStart: string, week: WorkWeek, calendar: BusinessCalendar): ClosedDay[] {
  const closed: ClosedDay[] = [];
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(weekStart, offset);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (!week.days.includes(weekday)) continue;
    const reason = closedReason(date, calendar, week.days);
    if (reason) closed.push({ date, weekday, reason });
  }
  return closed;
}

/**
 * Every 30-minute slot of the working week that starts on `weekStart` (a Monday), as instants.
 * Built from local wall-clock times in the week's zone, so a zone with daylight saving still gets
 * its slots at 09:00 local on both sides of the change. Days the calendar closes have no slots: a
 * week with a holiday has fewer than 80.
 */
export function weekGrid(weekStart: string, week: WorkWeek, calendar: BusinessCalendar | null = null): GridSlot[] {
  const slots: GridSlot[] = [];
  const perDay = slotsPerDay(week);
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(weekStart, offset);
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (!week.days.includes(weekday)) continue;
    if (calendar && closedReason(date, calendar, week.days)) continue;
    for (let index = 0; index < perDay; index++) {
      const minutes = toMinutes(week.start) + index * slotMinutes;
      const start = instantOf({ year, month, day, minutes }, week.timeZone);
      slots.push({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + slotMinutes * 60_000).toISOString(), weekday, date, index });
    }
  }
  return slots;
}

/** The slot running at `instant`, if it falls inside the working week. */
export function slotAt(instant: Date, week: WorkWeek): GridSlot | null {
  const t = instant.getTime();
  return weekGrid(weekStartOf(instant, week.timeZone), week).find((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt)) ?? null;
}
