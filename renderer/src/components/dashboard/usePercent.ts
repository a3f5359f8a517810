import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A rate (0–1) as the current language writes a percentage, to one decimal place: 23.5%. */
export function usePercent(): (rate: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    return (rate: number) => format.format(rate);
  }, [language]);
}
