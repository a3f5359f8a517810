import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sameLocalDay } from '../../lib/localTime';
import { useSyncStore } from '../../stores/StoresContext';

/** Times on the sync screens: 10:30 today, 4/8 10:30 another day, in the rep's language and zone. */
export function useSyncFormat(): { when(iso: string): string; dateTime(iso: string): string } {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const now = useSyncStore((state) => state.now);
  return useMemo(() => {
    const clock = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dayAndClock = new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const full = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    return {
      when: (iso) => (sameLocalDay(new Date(iso), now()) ? clock : dayAndClock).format(new Date(iso)),
      dateTime: (iso) => full.format(new Date(iso)),
    };
  }, [language, now]);
}
