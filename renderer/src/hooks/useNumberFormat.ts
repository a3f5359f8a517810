import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers grouped the way the current language writes them (12,000). */
export function useNumberFormat(): (value: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language);
    return (value: number) => format.format(value);
  }, [language]);
}
