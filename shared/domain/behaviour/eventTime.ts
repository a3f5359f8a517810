import { instantOf } from '../queue/localTime';

// Date, then optionally a time, then optionally a UTC offset: ISO 8601 ("2025-04-07T10:15:00+09:00"),
// Excel's Japanese display ("2025/4/7 10:15") and SQL-style exports ("2025-04-07 10:15:00").
const shape = /^([1-9]\d{3})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const maxOffsetMinutes = 14 * 60;

/**
 * The instant a cell names, or null when it is not a valid date and time. A value without an
 * offset is wall-clock time in `timeZone` (Japan for a Japanese team): MA tools and Excel write
 * local time without saying so. A date alone is the start of that day. Full-width digits are folded.
 */
export function parseEventTime(cell: string, timeZone: string): Date | null {
  const match = shape.exec(cell.normalize('NFKC').trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;

  if (offset === undefined) {
    return new Date(instantOf({ year, month, day, minutes: hour * 60 + minute }, timeZone).getTime() + second * 1000 + millis);
  }
  const offsetMinutes = offsetOf(offset);
  if (offsetMinutes === null) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function offsetOf(text: string): number | null {
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > maxOffsetMinutes) return null;
  return text.startsWith('-') ? -total : total;
}
