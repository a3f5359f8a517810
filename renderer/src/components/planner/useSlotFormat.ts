import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds as the countdown shows them: mm:ss (a slot is 30 minutes), h:mm:ss beyond an hour. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

export interface SlotFormat {
  /** An instant's wall-clock time in the work week's zone: 09:30. */
  time(iso: string): string;
  /** A slot's span: 09:00–09:30. */
  span(startsAt: string, endsAt: string): string;
  /** A local date (YYYY-MM-DD) as a column header: 4/7(月). */
  day(date: string): string;
  /** A local date in full: 2025年4月7日. */
  date(date: string): string;
  /** A local date without the year: 4月11日. */
  shortDate(date: string): string;
}

/** Times in the work week's zone and dates in the rep's language; local dates are formatted as UTC so they never shift. */
export function useSlotFormat(timeZone: string): SlotFormat {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const clock = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const day = new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'numeric', day: 'numeric', weekday: 'short' });
    const full = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
    const short = new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'long', day: 'numeric' });
    const utc = (date: string) => new Date(`${date}T00:00:00Z`);
    const time = (iso: string) => clock.format(new Date(iso));
    return {
      time,
      span: (startsAt, endsAt) => `${time(startsAt)}–${time(endsAt)}`,
      day: (date) => day.format(utc(date)),
      date: (date) => full.format(utc(date)),
      shortDate: (date) => short.format(utc(date)),
    };
  }, [language, timeZone]);
}
