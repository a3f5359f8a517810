import { describe, expect, it } from 'vitest';
import { defaultWorkWeek, type WorkWeek } from '../../shared/contract/slots';
import { slotAt, slotsPerDay, weekGrid, weekStartOf } from '../../shared/domain/slots/grid';
import { planVsActual, type PlannedSlot } from '../../shared/domain/slots/planVsActual';

describe('weekGrid', () => {
  it.each<[string, WorkWeek, number, number, string, string]>([
    ['default: 09:00–17:00 Mon–Fri in Tokyo', defaultWorkWeek, 16, 80, '2026-11-23T00:00:00.000Z', '2026-11-27T07:30:00.000Z'],
    ['short days, three days', { ...defaultWorkWeek, start: '10:00', end: '12:00', days: [1, 2, 3] }, 4, 12, '2026-11-23T01:00:00.000Z', '2026-11-25T02:30:00.000Z'],
    ['a long day', { ...defaultWorkWeek, start: '08:30', end: '19:00' }, 21, 105, '2026-11-22T23:30:00.000Z', '2026-11-27T09:30:00.000Z'],
    ['New York in winter', { ...defaultWorkWeek, timeZone: 'America/New_York' }, 16, 80, '2026-11-23T14:00:00.000Z', '2026-11-27T21:30:00.000Z'],
  ])('%s', (_case, week, perDay, total, first, last) => {
    const grid = weekGrid('2026-11-23', week);
    expect(slotsPerDay(week)).toBe(perDay);
    expect(grid).toHaveLength(total);
    expect(grid[0]!.startsAt).toBe(first);
    expect(grid.at(-1)!.startsAt).toBe(last);
  });

  it('keeps 09:00 local on both sides of a daylight-saving change in the week', () => {
    const grid = weekGrid('2026-03-02', { ...defaultWorkWeek, timeZone: 'America/New_York', days: [0, 1, 2, 3, 4, 5, 6] });
    const firstOf = (date: string) => grid.find((s) => s.date === date && s.index === 0)!.startsAt;
    expect(firstOf('2026-03-07')).toBe('2026-03-07T14:00:00.000Z'); // EST, UTC−5
    expect(firstOf('2026-03-08')).toBe('2026-03-08T13:00:00.000Z'); // EDT, UTC−4
  });

  it('Japan has no daylight saving: every day starts at 00:00Z', () => {
    const grid = weekGrid('2026-03-02', { ...defaultWorkWeek, days: [0, 1, 2, 3, 4, 5, 6] });
    expect(new Set(grid.filter((s) => s.index === 0).map((s) => s.startsAt.slice(11)))).toEqual(new Set(['00:00:00.000Z']));
  });
});

describe('weekStartOf and slotAt', () => {
  it.each([
    ['Monday morning', '2026-11-23T00:30:00Z', '2026-11-23'],
    ['Sunday evening belongs to the week before', '2026-11-29T12:00:00Z', '2026-11-23'],
    ['Sunday 23:30 UTC is Monday in Tokyo', '2026-11-29T23:30:00Z', '2026-11-30'],
  ])('%s', (_case, at, monday) => expect(weekStartOf(new Date(at), 'Asia/Tokyo')).toBe(monday));

  it.each<[string, string, number | null]>([
    ['09:45 is the second slot', '2026-11-23T00:45:00Z', 1],
    ['16:59 is the last', '2026-11-23T07:59:00Z', 15],
    ['17:00 is after work', '2026-11-23T08:00:00Z', null],
    ['Saturday has none', '2026-11-28T01:00:00Z', null],
  ])('%s', (_case, at, index) => expect(slotAt(new Date(at), defaultWorkWeek)?.index ?? null).toBe(index));
});

describe('planVsActual', () => {
  const grid = weekGrid('2026-11-23', defaultWorkWeek).slice(0, 6); // Monday 09:00–12:00
  const at = (slot: number, minute: number) => new Date(Date.parse(grid[slot]!.startsAt) + minute * 60_000).toISOString();
  const plan: PlannedSlot[] = [
    { startsAt: grid[0]!.startsAt, kind: 'call_block', targetDials: 3 },
    { startsAt: grid[1]!.startsAt, kind: 'call_block', targetDials: 3 },
    { startsAt: grid[2]!.startsAt, kind: 'call_block', targetDials: null },
    { startsAt: grid[3]!.startsAt, kind: 'prep', targetDials: null },
    { startsAt: grid[4]!.startsAt, kind: 'call_block', targetDials: 5 },
  ];
  const calls = [at(0, 1), at(0, 10), at(0, 29), at(1, 5), at(3, 2), at(4, 1)];
  const now = new Date(at(4, 10));

  it.each<[number, string, number]>([
    [0, 'as_planned', 3],
    [1, 'below_target', 1],
    [2, 'empty', 0],
    [3, 'overrun', 1],
    [4, 'upcoming', 1],
    [5, 'upcoming', 0],
  ])('slot %i is %s with %i calls', (slot, status, count) => {
    const result = planVsActual(grid, plan, calls, now).slots[slot]!;
    expect(result.status).toBe(status);
    expect(result.calls).toBe(count);
  });

  it('sums the week', () => {
    const week = planVsActual(grid, plan, calls, now);
    expect(week).toMatchObject({ plannedSlots: 5, plannedCallBlocks: 4, plannedDials: 11, callsInCallBlocks: 5, callsOutsideCallBlocks: 1 });
    expect(week.counts).toMatchObject({ as_planned: 1, below_target: 1, empty: 1, overrun: 1, upcoming: 2 });
  });

  it('an empty week is all unplanned or upcoming, never an error', () => {
    const week = planVsActual(grid, [], [], new Date(at(2, 0)));
    expect(week.counts).toMatchObject({ unplanned: 3, upcoming: 3 }); // the slot under way counts as started
    expect(week.plannedDials).toBe(0);
  });
});
