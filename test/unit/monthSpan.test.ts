import { expect, it } from 'vitest';
import { monthSpan } from '../../shared/domain/kpi/monthSpan';

/** Ranges of local days [from, to) as the dashboard asks for them, and the months they touch. */
const cases: { name: string; from: string; to: string; expected: ReturnType<typeof monthSpan> }[] = [
  { name: 'a whole month', from: '2026-10-01', to: '2026-11-01', expected: { firstMonth: '2026-10', lastMonth: '2026-10', before: null, after: null } },
  { name: 'this month to date', from: '2026-11-01', to: '2026-11-25', expected: { firstMonth: '2026-11', lastMonth: '2026-11', before: null, after: { from: '2026-11-25', to: '2026-12-01' } } },
  { name: 'the month’s last day only', from: '2026-11-30', to: '2026-12-01', expected: { firstMonth: '2026-11', lastMonth: '2026-11', before: { from: '2026-11-01', to: '2026-11-30' }, after: null } },
  { name: 'a week across a month’s end', from: '2026-09-28', to: '2026-10-05', expected: { firstMonth: '2026-09', lastMonth: '2026-10', before: { from: '2026-09-01', to: '2026-09-28' }, after: { from: '2026-10-05', to: '2026-11-01' } } },
  { name: 'December into January', from: '2026-12-01', to: '2027-01-01', expected: { firstMonth: '2026-12', lastMonth: '2026-12', before: null, after: null } },
  { name: 'a quarter', from: '2026-08-01', to: '2026-11-01', expected: { firstMonth: '2026-08', lastMonth: '2026-10', before: null, after: null } },
  { name: 'February of a leap year', from: '2028-02-01', to: '2028-03-01', expected: { firstMonth: '2028-02', lastMonth: '2028-02', before: null, after: null } },
  { name: 'one day', from: '2026-11-24', to: '2026-11-25', expected: { firstMonth: '2026-11', lastMonth: '2026-11', before: { from: '2026-11-01', to: '2026-11-24' }, after: { from: '2026-11-25', to: '2026-12-01' } } },
  { name: 'empty', from: '2026-11-24', to: '2026-11-24', expected: null },
  { name: 'backwards', from: '2026-11-25', to: '2026-11-24', expected: null },
];

it.each(cases)('$name: $from to $to', ({ from, to, expected }) => {
  expect(monthSpan(from, to)).toEqual(expected);
});
