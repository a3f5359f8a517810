import holidayTable from '@holiday-jp/holiday_jp/lib/holidays';

interface HolidayRow {
  name: string;
  name_en: string;
}

// The package's table (generated from holiday-jp/holiday_jp's holidays.yml, kept by its
// maintainers): 祝日, 振替休日 ("… 振替休日") and 国民の休日 (listed as "休日"), keyed by YYYY-MM-DD.
const table = holidayTable as unknown as Readonly<Record<string, HolidayRow | undefined>>;

export interface NationalHoliday {
  name: string;
  nameEn: string;
}

/** Japan's national holiday on a local date (YYYY-MM-DD), if any. */
export function nationalHoliday(date: string): NationalHoliday | null {
  const row = Object.hasOwn(table, date) ? table[date] : undefined;
  if (!row) return null;
  // The table names a 国民の休日 (a day between two holidays) just "休日"; say what it is.
  if (row.name === '休日') return { name: '国民の休日', nameEn: "Citizens' Holiday" };
  return { name: row.name, nameEn: row.name_en };
}

/** The last year the table covers: a date after it can have no national holiday known to Koma. */
export const holidaysKnownUntil: number = Number(Object.keys(table).reduce((last, date) => (date > last ? date : last), '').slice(0, 4));
