import { afterEach, describe, expect, it } from 'vitest';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

/** Tokyo wall-clock time as an ISO instant. */
const jst = (local: string) => new Date(`${local}:00+09:00`).toISOString();
const minute = 60_000;

let temp: TempBackend;
afterEach(() => temp.close());

function backendAt(local: string): TempBackend {
  temp = createTempBackend({ start: new Date(jst(local)) });
  return temp;
}

describe('the business calendar through the real backend', () => {
  it('the week plan of 2027-01-11 has 64 slots, 成人の日 closed; 年末年始 closes 12/29–1/1', async () => {
    const t = backendAt('2027-01-12T10:00');
    const holidayWeek = await t.call('planner.week', { weekStart: '2027-01-11' });
    expect(holidayWeek.slots).toHaveLength(64);
    expect(holidayWeek.closedDays).toEqual([{ date: '2027-01-11', weekday: 1, reason: { kind: 'holiday', name: '成人の日', nameEn: 'Coming of Age Day' } }]);
    const newYear = await t.call('planner.week', { weekStart: '2026-12-28' });
    expect(newYear.slots).toHaveLength(16);
    expect(newYear.closedDays?.map((d) => [d.date, d.reason.kind])).toEqual([
      ['2026-12-29', 'closure'],
      ['2026-12-30', 'closure'],
      ['2026-12-31', 'closure'],
      ['2027-01-01', 'holiday'],
    ]);
    // A slot on a closed day cannot be planned.
    const refused = await t.callError('planner.assign', { weekStart: '2027-01-11', assignments: [{ startsAt: jst('2027-01-11T09:00'), kind: 'call_block' }] });
    expect(refused.code).toBe('invalid_input');
  });

  it('a saved closure closes its days in the planner, the queue and the list of coming closed days', async () => {
    const t = backendAt('2027-06-01T10:00');
    const before = await t.call('calendar.get', {});
    expect(before.calendar.yearlyClosures.map((c) => c.name)).toEqual(['年末年始', 'お盆']);
    expect(before.holidaysUntil).toBeGreaterThanOrEqual(2030);
    expect(before.upcoming.find((d) => d.date === '2027-07-19')?.reason).toMatchObject({ kind: 'holiday', name: '海の日' });

    await t.call('calendar.save', { calendar: { ...before.calendar, closures: [{ name: '創立記念日', from: '2027-06-15', to: '2027-06-15' }] } });
    const week = await t.call('planner.week', { weekStart: '2027-06-14' });
    expect(week.slots).toHaveLength(64);
    expect(week.closedDays?.[0]).toMatchObject({ date: '2027-06-15', reason: { kind: 'closure', name: '創立記念日' } });
    expect((await t.call('calendar.get', {})).upcoming[0]).toEqual({ date: '2027-06-15', reason: { kind: 'closure', name: '創立記念日' } });

    // Nothing is called on the closed day: the lead is on the list, but its calling hours are shut.
    seedLeads(t.backend, [{ id: 'l1', company: '株式会社青葉', name: '青木 一郎', score: 50 }]);
    t.clock.set(new Date(jst('2027-06-15T10:00')));
    expect((await t.call('queue.next', { excludeLeadId: null, source: null })).leadId).toBeNull();
    expect((await t.call('lead.get', { leadId: 'l1' })).queue.withinCallingHours).toBe(false);
    t.clock.set(new Date(jst('2027-06-16T09:00')));
    expect((await t.call('queue.next', { excludeLeadId: null, source: null })).leadId).toBe('l1');
  });

  it('Fri 16:50 no answer + 2 h cooldown lands on the next open time, past 成人の日, and says why', async () => {
    const t = backendAt('2027-01-08T16:50');
    seedLeads(t.backend, [{ id: 'l1', company: '株式会社青葉', name: '青木 一郎', score: 50 }]);
    const end = t.clock.now();
    const logged = await t.call('calls.log', { leadId: 'l1', startedAt: new Date(end.getTime() - minute).toISOString(), endedAt: end.toISOString(), outcome: 'no_answer' });
    expect(logged.nextCallAt).toBe(jst('2027-01-12T09:00'));
    expect(logged.moved).toEqual({ from: jst('2027-01-08T18:50'), to: jst('2027-01-12T09:00'), reason: { kind: 'outside_hours' } });
    expect((await t.call('lead.get', { leadId: 'l1' })).lead.nextCallAt).toBe(jst('2027-01-12T09:00'));
  });

  it('a callback asked for on 元日 becomes a callback on the next business day; a recycle date in お盆 moves after it', async () => {
    const t = backendAt('2026-12-28T11:00');
    seedLeads(t.backend, [
      { id: 'l1', company: '株式会社青葉', name: '青木 一郎', score: 50 },
      { id: 'l2', company: '㈱見本精機', name: '見本 次郎', score: 50 },
    ]);
    const end = t.clock.now();
    const call = { startedAt: new Date(end.getTime() - minute).toISOString(), endedAt: end.toISOString() };
    const callback = await t.call('calls.log', { leadId: 'l1', ...call, outcome: 'callback_requested', callbackAt: jst('2027-01-01T10:00') });
    expect(callback).toMatchObject({ leadStatus: 'callback', nextCallAt: jst('2027-01-04T09:00'), moved: { reason: { kind: 'holiday', name: '元日' } } });

    const recycled = await t.call('lead.recycle', { leadId: 'l2', reason: 'timing', until: jst('2027-08-13T09:00'), note: '', call: null });
    expect(recycled).toMatchObject({ status: 'recycled', moved: { to: jst('2027-08-17T09:00'), reason: { kind: 'closure', name: 'お盆' } } });
    expect((await t.call('lead.get', { leadId: 'l2' })).lead.recycleUntil).toBe(jst('2027-08-17T09:00'));

    // On 1/4 at 09:00 the callback is due and first in the list.
    t.clock.set(new Date(jst('2027-01-04T09:00')));
    expect((await t.call('queue.next', { excludeLeadId: null, source: null })).leadId).toBe('l1');
  });

  it('speed to lead counts business hours: a Friday 17:30 web inquiry is still within the hour on Monday 09:15', async () => {
    const t = backendAt('2027-01-18T09:15');
    seedLeads(t.backend, [
      { id: 'inquiry', company: '株式会社青葉', name: '青木 一郎', source: 'web_inquiry', score: 10, createdAt: jst('2027-01-15T17:30') },
      { id: 'hot', company: '㈱見本精機', name: '見本 次郎', score: 90 },
    ]);
    const lead = await t.call('lead.get', { leadId: 'inquiry' });
    expect(lead.queue.reason).toEqual({ code: 'speed_to_lead', deadline: jst('2027-01-18T09:30') });
    expect((await t.call('queue.next', { excludeLeadId: null, source: null })).leadId).toBe('inquiry');
    t.clock.set(new Date(jst('2027-01-18T09:31')));
    expect((await t.call('queue.next', { excludeLeadId: null, source: null })).leadId).toBe('hot');
  });

  it('the goal counts only planned call blocks that can still happen', async () => {
    const t = backendAt('2027-06-01T08:00');
    const slots = ['2027-06-14T09:00', '2027-06-15T09:00', '2027-06-16T09:00'].map((local) => ({ startsAt: jst(local), kind: 'call_block' as const }));
    await t.call('planner.assign', { weekStart: '2027-06-14', assignments: slots });
    expect((await t.call('kpi.goal', {})).callSlotsPlanned).toBe(3);
    const { calendar } = await t.call('calendar.get', {});
    await t.call('calendar.save', { calendar: { ...calendar, closures: [{ name: '社員旅行', from: '2027-06-15', to: '2027-06-16' }] } });
    expect((await t.call('kpi.goal', {})).callSlotsPlanned).toBe(1);
  });

  it('refuses a closure that ends before it starts, and changes nothing', async () => {
    const t = backendAt('2027-06-01T10:00');
    const { calendar } = await t.call('calendar.get', {});
    const error = await t.callError('calendar.save', { calendar: { ...calendar, closures: [{ name: '休業', from: '2027-06-16', to: '2027-06-15' }] } });
    expect(error.code).toBe('invalid_input');
    expect((await t.call('calendar.get', {})).calendar).toEqual(calendar);
  });
});
