/** The appointment as the form shows it: a local date and local start and end times. */
export interface LocalAppointment {
  date: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd and hh:mm in the rep's time zone → an instant; null while either is missing. */
export function toInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${date}T${time}:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export function toLocal(startIso: string | null, endIso: string | null): LocalAppointment | null {
  if (!startIso) return null;
  const start = new Date(startIso);
  const end = endIso ? new Date(endIso) : null;
  const time = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return {
    date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    start: time(start),
    end: end ? time(end) : addMinutes(time(start), defaultLengthMinutes),
  };
}

/** Appointments default to one hour. */
export const defaultLengthMinutes = 60;

/** hh:mm plus minutes, stopping at 23:59 so the end never wraps to before the start. */
export function addMinutes(time: string, minutes: number): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return '';
  const total = Math.min(Number(match[1]) * 60 + Number(match[2]) + minutes, 23 * 60 + 59);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
