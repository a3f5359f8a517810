import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formats {
  /** 2025/04/07 10:05 in Japanese, Apr 7, 2025, 10:05 AM in English. */
  dateTime(iso: string): string;
  date(iso: string): string;
  time(iso: string): string;
  /** An amount in its currency with the language's grouping: ￥1,200,000. */
  money(amount: number, currency: string): string;
  number(value: number): string;
}

/** Dates, times and money the way the rep's language writes them, in the rep's own time zone. */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const date = new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    const number = new Intl.NumberFormat(language);
    const money = new Map<string, Intl.NumberFormat>();
    const moneyFormat = (currency: string) => {
      let format = money.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 });
        money.set(currency, format);
      }
      return format;
    };
    return {
      dateTime: (iso) => dateTime.format(new Date(iso)),
      date: (iso) => date.format(new Date(iso)),
      time: (iso) => time.format(new Date(iso)),
      money: (amount, currency) => moneyFormat(currency).format(amount),
      number: (value) => number.format(value),
    };
  }, [language]);
}
