import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sameLocalDay } from '../../lib/localTime';
import { useWorkStore } from '../../stores/StoresContext';

export interface DateFormat {
  /** 10:30 */
  time(iso: string): string;
  /** 10:30 today, 4/8(火) 10:30 another day. */
  when(iso: string): string;
  /** 2025/07/06(日) */
  date(iso: string): string;
  /** 2025/07/06(日) 10:30 */
  dateTime(iso: string): string;
}

interface Formatters {
  clock: Intl.DateTimeFormat;
  dayAndClock: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  dayTime: Intl.DateTimeFormat;
}

/**
 * One set of formatters per language for the whole renderer: building an Intl.DateTimeFormat costs
 * far more than using one, and every call-list row scrolled into view asks for them.
 */
const formattersByLanguage = new Map<string, Formatters>();

function formattersFor(language: string): Formatters {
  const cached = formattersByLanguage.get(language);
  if (cached) return cached;
  // 2025/07/06(日) in Japanese; English reads a month name better than 07/06 (which order?).
  const ymd = language.startsWith('ja') ? ({ year: 'numeric', month: '2-digit', day: '2-digit' } as const) : ({ year: 'numeric', month: 'short', day: 'numeric' } as const);
  const made: Formatters = {
    clock: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    // Every date carries its weekday: a rep plans callbacks by 木曜, not by the 3rd.
    dayAndClock: new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    day: new Intl.DateTimeFormat(language, { ...ymd, weekday: 'short' }),
    dayTime: new Intl.DateTimeFormat(language, { ...ymd, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
  formattersByLanguage.set(language, made);
  return made;
}

/** Dates and times in the rep's language and time zone, relative to the workspace clock. */
export function useDateFormat(): DateFormat {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const now = useWorkStore((state) => state.now);
  return useMemo(() => {
    const { clock, dayAndClock, day, dayTime } = formattersFor(language);
    return {
      time: (iso) => clock.format(new Date(iso)),
      when: (iso) => (sameLocalDay(new Date(iso), now()) ? clock : dayAndClock).format(new Date(iso)),
      date: (iso) => day.format(new Date(iso)),
      dateTime: (iso) => dayTime.format(new Date(iso)),
    };
  }, [language, now]);
}
