import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../../shared/contract/calendar';
import { defaultReferenceValues } from '../../shared/contract/reference';
import { countOpenDays } from '../../shared/domain/calendar/closedDays';
import { compareWithReference } from '../../shared/domain/kpi/reference';

describe('compareWithReference', () => {
  type Figures = { dials: number; connects: number; appointmentsBooked: number };
  const busy: Figures = { dials: 57, connects: 12, appointmentsBooked: 3 };
  it.each<[string, Figures, number, number[], string[]]>([
    ['a busy day', busy, 1, [12 / 57, 3 / 57, 57], ['above', 'above', 'above']],
    ['the same dials over five working days', busy, 5, [12 / 57, 3 / 57, 57 / 5], ['above', 'above', 'below']],
    ['a quieter day', { dials: 45, connects: 8, appointmentsBooked: 0 }, 1, [8 / 45, 0, 45], ['within', 'below', 'within']],
  ])('%s', (_case, figures, days, own, standing) => {
    const rows = compareWithReference(figures, days, defaultReferenceValues);
    expect(rows.map((r) => r.own)).toEqual(own);
    expect(rows.map((r) => r.standing)).toEqual(standing);
  });

  it('measures nothing without dials or working days', () => {
    const rows = compareWithReference({ dials: 0, connects: 0, appointmentsBooked: 0 }, 0, defaultReferenceValues);
    expect(rows.map((r) => [r.own, r.standing])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});

describe('countOpenDays: the working days a dials-per-day figure divides by', () => {
  it.each<[string, string, string, number]>([
    ['1–7 April 2025: Tue–Fri and Monday', '2025-04-01', '2025-04-07', 5],
    ['Golden Week 2027 (5/3–5/5 holidays)', '2027-05-03', '2027-05-07', 2],
    ['年末年始 week of 2026-12-28', '2026-12-28', '2027-01-01', 1],
    ['one Sunday', '2027-01-17', '2027-01-17', 0],
  ])('%s', (_case, from, to, days) => expect(countOpenDays(from, to, defaultBusinessCalendar, [1, 2, 3, 4, 5])).toBe(days));
});
