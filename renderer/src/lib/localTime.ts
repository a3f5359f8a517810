/**
 * Date and time inputs work in the rep's own wall-clock time ("2025-04-07T10:30"); the backend
 * stores instants. These convert between the two with the browser's time zone.
 */
const pad = (n: number) => String(n).padStart(2, '0');

function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function localClock(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function valid(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as the value of an `<input type="datetime-local">`, '' for none. */
export function toDateTimeInput(iso: string | null): string {
  const d = valid(iso);
  return d ? `${localDate(d)}T${localClock(d)}` : '';
}

/** A `datetime-local` value as an instant, null while the input is empty or incomplete. */
export function fromDateTimeInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  return valid(value)?.toISOString() ?? null;
}

/** An instant as the value of an `<input type="date">`, '' for none. */
export function toDateInput(iso: string | null): string {
  const d = valid(iso);
  return d ? localDate(d) : '';
}

/** A `date` value as an instant on that day, at the time of day `keepTimeOf` had (so editing only the day keeps the hour). */
export function fromDateInput(value: string, keepTimeOf: string | null): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = valid(keepTimeOf);
  return valid(`${value}T${time ? localClock(time) : '00:00'}`)?.toISOString() ?? null;
}

/** Same calendar day in the rep's time zone. */
export function sameLocalDay(a: Date, b: Date): boolean {
  return localDate(a) === localDate(b);
}
