import { addDays } from '../slots/grid';

/** Local days [from, to), as YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The calendar months a range of local days [fromDay, toDay) touches ('YYYY-MM', first and last),
 * and the days of those months that lie outside the range, before and after it (null when the range
 * starts on a month's first day, or ends on the last). The distinct leads worked over the range are
 * the distinct leads of those whole months exactly when nobody was worked on the outside days — as
 * in this month to date, when nothing is dated after today. Null for an empty range.
 */
export function monthSpan(fromDay: string, toDay: string): { firstMonth: string; lastMonth: string; before: DayRange | null; after: DayRange | null } | null {
  if (fromDay >= toDay) return null;
  const firstMonth = fromDay.slice(0, 7);
  const lastMonth = addDays(toDay, -1).slice(0, 7);
  const firstOfRange = `${firstMonth}-01`;
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const afterRange = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return {
    firstMonth,
    lastMonth,
    before: fromDay > firstOfRange ? { from: firstOfRange, to: fromDay } : null,
    after: toDay < afterRange ? { from: toDay, to: afterRange } : null,
  };
}
