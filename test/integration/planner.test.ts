import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

// Monday 2025-04-07 09:00 in Tokyo.
let temp: TempBackend;
const monday = '2025-04-07';
const minute = 60_000;

beforeEach(() => {
  temp = createTempBackend();
  seedLeads(temp.backend, Array.from({ length: 30 }, (_, i) => ({ id: `l${i}`, company: `会社${i}`, name: `リード${i}`, score: 50 })));
});
afterEach(() => temp.close());

const slotStart = (day: number, index: number) => new Date(Date.parse(`${monday}T00:00:00.000Z`) + day * 86_400_000 + index * 30 * minute).toISOString();

describe('week planner', () => {
  it('shows 80 slots of the default week, and plans by assignment', async () => {
    const empty = await temp.call('planner.week', {});
    expect(empty.weekStart).toBe(monday);
    expect(empty.slots).toHaveLength(80);
    expect(empty.current).toEqual({ startsAt: slotStart(0, 0), secondsLeft: 1800 });

    const week = await temp.call('planner.assign', {
      weekStart: monday,
      assignments: [
        { startsAt: slotStart(0, 0), kind: 'call_block', target: { dials: 3, source: null } },
        { startsAt: slotStart(0, 1), kind: 'call_block', target: { dials: 2, source: 'web_inquiry' } },
        { startsAt: slotStart(0, 2), kind: 'prep' },
      ],
    });
    expect(week.slots.slice(0, 3).map((s) => s.kind)).toEqual(['call_block', 'call_block', 'prep']);
    expect(week.slots[1]!.target).toEqual({ dials: 2, source: 'web_inquiry' });
    expect(week.summary).toMatchObject({ plannedSlots: 3, plannedCallBlocks: 2, plannedDials: 5 });
  });

  it('attaches calls logged during a call block and compares plan with actual', async () => {
    await temp.call('planner.assign', {
      weekStart: monday,
      assignments: [
        { startsAt: slotStart(0, 0), kind: 'call_block', target: { dials: 3, source: null } },
        { startsAt: slotStart(0, 1), kind: 'call_block', target: { dials: 3, source: null } },
        { startsAt: slotStart(0, 2), kind: 'admin' },
      ],
    });
    const log = async (leadId: string) => {
      const end = temp.clock.now();
      await temp.call('calls.log', { leadId, startedAt: new Date(end.getTime() - 2 * minute).toISOString(), endedAt: end.toISOString(), outcome: 'no_answer' });
    };
    for (const lead of ['l0', 'l1', 'l2']) {
      temp.clock.advance(5 * minute);
      await log(lead);
    }
    temp.clock.set(new Date(Date.parse(slotStart(0, 1)) + 10 * minute));
    await log('l3');
    temp.clock.set(new Date(Date.parse(slotStart(0, 2)) + 10 * minute));
    await log('l4');
    temp.clock.set(new Date(Date.parse(slotStart(0, 3)) + 1 * minute));

    const week = await temp.call('planner.week', { weekStart: monday });
    expect(week.slots.slice(0, 4).map((s) => [s.calls, s.status])).toEqual([
      [3, 'as_planned'],
      [1, 'below_target'],
      [1, 'overrun'],
      [0, 'unplanned'],
    ]);
    expect(week.summary).toMatchObject({ callsInCallBlocks: 4, callsOutsideCallBlocks: 1 });
    const attached = temp.backend.context.db.prepare('SELECT count(*) AS n FROM calls WHERE slot_id IS NOT NULL').get();
    expect(attached).toEqual({ n: 5 });
  });

  it('shows a handoff appointment in its slot without planning it by hand', async () => {
    const { reps } = await temp.call('fieldReps.save', { reps: [{ id: null, name: '営業 一郎', email: null, crmUserId: null, active: true }] });
    await temp.call('handoff.create', {
      leadId: 'l5',
      fieldRepId: reps[0]!.id,
      appointmentAt: slotStart(2, 4),
      appointmentEnd: slotStart(2, 6),
      summary: '訪問',
      overrideReason: 'テスト',
    });
    const week = await temp.call('planner.week', { weekStart: monday });
    const wednesday = week.slots.filter((s) => s.date === '2025-04-09');
    expect(wednesday.slice(3, 7).map((s) => s.kind)).toEqual([null, 'appointment', 'appointment', null]);
    expect(wednesday[4]!.appointment).toMatchObject({ leadName: 'リード5', companyName: '会社5' });
  });

  it('copies last week and saves a week as a template', async () => {
    await temp.call('planner.assign', { weekStart: monday, assignments: [{ startsAt: slotStart(0, 0), kind: 'call_block', target: { dials: 10, source: null } }, { startsAt: slotStart(4, 15), kind: 'admin' }] });
    const next = await temp.call('planner.copyWeek', { from: monday, to: '2025-04-14' });
    expect(next.slots.filter((s) => s.kind).map((s) => [s.date, s.index, s.kind])).toEqual([
      ['2025-04-14', 0, 'call_block'],
      ['2025-04-18', 15, 'admin'],
    ]);
    await temp.call('planner.saveTemplate', { name: '標準週', weekStart: monday });
    const applied = await temp.call('planner.applyTemplate', { name: '標準週', weekStart: '2025-04-21' });
    expect(applied.templates).toEqual(['標準週']);
    expect(applied.slots.filter((s) => s.kind).map((s) => [s.date, s.index])).toEqual([
      ['2025-04-21', 0],
      ['2025-04-25', 15],
    ]);
  });

  it.each([
    ['a start that is not a slot', { weekStart: monday, assignments: [{ startsAt: '2025-04-07T00:10:00.000Z', kind: 'prep' }] }, 'not_on_grid'],
    ['a week that does not start on Monday', { weekStart: '2025-04-08', assignments: [{ startsAt: slotStart(1, 0), kind: 'prep' }] }, 'monday'],
    ['an unknown kind', { weekStart: monday, assignments: [{ startsAt: slotStart(0, 0), kind: 'nap' }] }, 'kind'],
  ])('refuses %s and changes nothing', async (_case, payload) => {
    const error = await temp.callError('planner.assign', payload);
    expect(error.code).toBe('invalid_input');
    expect(temp.backend.context.db.prepare('SELECT count(*) AS n FROM slots').get()).toEqual({ n: 0 });
  });
});
