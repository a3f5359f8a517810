import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar as calendar, type BusinessCalendar } from '../../shared/contract/calendar';
import { defaultQueueRules as rules } from '../../shared/contract/queueRules';
import { defaultWorkWeek } from '../../shared/contract/slots';
import { closedReason } from '../../shared/domain/calendar/closedDays';
import { holidaysKnownUntil, nationalHoliday } from '../../shared/domain/calendar/holidays';
import { addOpenMinutes, isOpenAt, moveToOpenTime, nextOpenTime, walkOpenMinutes } from '../../shared/domain/calendar/openTime';
import { classifyLead, type QueueLead } from '../../shared/domain/queue/classify';
import { openRulesFor } from '../../shared/domain/queue/callingHours';
import { applyOutcome, type OutcomeInput } from '../../shared/domain/queue/retry';
import { closedDaysOfWeek, weekGrid } from '../../shared/domain/slots/grid';

const tokyo = openRulesFor('Asia/Tokyo', rules, calendar);
/** Tokyo wall-clock time as an instant. */
const jst = (local: string) => new Date(`${local}:00+09:00`);
const jstIso = (local: string) => jst(local).toISOString();

describe('national holidays from @holiday-jp/holiday_jp', () => {
  it.each<[string, string | null]>([
    ['2027-01-01', '元日'],
    ['2027-01-11', '成人の日'],
    ['2027-03-22', '春分の日 振替休日'], // 振替休日: 春分の日 fell on a Sunday
    ['2026-09-22', '国民の休日'], // between 敬老の日 and 秋分の日
    ['2030-11-04', '文化の日 振替休日'],
    ['2027-01-12', null],
  ])('%s → %s', (date, name) => expect(nationalHoliday(date)?.name ?? null).toBe(name));

  it('covers at least 2025–2030', () => {
    expect(holidaysKnownUntil).toBeGreaterThanOrEqual(2030);
    for (let year = 2025; year <= 2030; year++) expect(nationalHoliday(`${year}-01-01`)?.nameEn).toBe("New Year's Day");
  });
});

describe('closedReason', () => {
  const company: BusinessCalendar = { ...calendar, closures: [{ name: '創立記念日', from: '2027-06-15', to: '2027-06-15' }] };
  it.each<[string, BusinessCalendar, string | null]>([
    ['2027-01-11', calendar, 'holiday:成人の日'],
    ['2027-01-09', calendar, 'day_off'], // Saturday
    ['2026-12-29', calendar, 'closure:年末年始'],
    ['2027-01-04', calendar, null], // 年末年始 ends on 1/3
    ['2027-01-01', calendar, 'holiday:元日'], // a holiday inside 年末年始 is named as the holiday
    ['2027-08-13', calendar, 'closure:お盆'],
    ['2027-06-15', company, 'closure:創立記念日'],
    ['2027-01-11', { ...calendar, nationalHolidays: false }, null],
  ])('%s', (date, cal, expected) => {
    const reason = closedReason(date, cal, [1, 2, 3, 4, 5]);
    expect(reason === null ? null : reason.kind === 'day_off' ? 'day_off' : `${reason.kind}:${reason.name}`).toBe(expected);
  });
});

describe('the week plan on the calendar', () => {
  it.each<[string, string, number, string[]]>([
    ['a plain week', '2027-01-18', 80, []],
    ['the week of 成人の日', '2027-01-11', 64, ['2027-01-11']],
    ['年末年始: only Monday the 28th is open', '2026-12-28', 16, ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']],
    ['Golden Week 2027', '2027-05-03', 32, ['2027-05-03', '2027-05-04', '2027-05-05']],
  ])('%s: %i slots', (_case, monday, slots, closed) => {
    expect(weekGrid(monday, defaultWorkWeek, calendar)).toHaveLength(slots);
    expect(closedDaysOfWeek(monday, defaultWorkWeek, calendar).map((d) => d.date)).toEqual(closed);
  });

  it('without a calendar the grid is the plain 80', () => expect(weekGrid('2027-01-11', defaultWorkWeek)).toHaveLength(80));
});

describe('open time', () => {
  it.each<[string, string, boolean]>([
    ['Tuesday 10:00', '2027-01-12T10:00', true],
    ['成人の日 10:00', '2027-01-11T10:00', false],
    ['Friday 18:00 (calling hours end)', '2027-01-08T18:00', false],
    ['元日 10:00', '2027-01-01T10:00', false],
  ])('%s → %s', (_case, at, open) => expect(isOpenAt(jst(at), tokyo)).toBe(open));

  it.each<[string, string, string, string | null]>([
    ['a callback on 元日 moves to the next business day (1/4, after 年末年始)', '2027-01-01T11:00', '2027-01-04T09:00', 'holiday'],
    ['a time on 成人の日 moves to Tuesday', '2027-01-11T14:00', '2027-01-12T09:00', 'holiday'],
    ['Friday 18:50 moves to Monday 09:00', '2027-01-15T18:50', '2027-01-18T09:00', 'outside_hours'],
    ['Sunday moves to Monday', '2027-01-17T10:00', '2027-01-18T09:00', 'day_off'],
    ['お盆 moves to the 17th', '2027-08-13T10:00', '2027-08-17T09:00', 'closure'],
    ['an open time stays', '2027-01-12T10:30', '2027-01-12T10:30', null],
  ])('%s', (_case, at, to, reason) => {
    const { at: moved, move } = moveToOpenTime(jst(at), tokyo);
    expect(moved.toISOString()).toBe(jstIso(to));
    expect(move?.reason.kind ?? null).toBe(reason);
    if (move) expect(move).toMatchObject({ from: jstIso(at), to: jstIso(to) });
  });

  it('the daily cap’s "another day" skips closed days too', () => {
    expect(nextOpenTime(jst('2027-01-08T10:00'), tokyo, true)?.toISOString()).toBe(jstIso('2027-01-12T09:00'));
  });

  it('a calendar closed for over a year has no open time, and moves nothing', () => {
    const closed = { ...tokyo, calendar: { ...calendar, closures: [{ name: '休業', from: '2027-01-01', to: '2029-12-31' }] } };
    expect(nextOpenTime(jst('2027-01-12T10:00'), closed)).toBeNull();
    expect(moveToOpenTime(jst('2027-01-12T10:00'), closed).move).toBeNull();
  });
});

describe('speed to lead counts business hours', () => {
  it.each<[string, string, number, string]>([
    ['Friday 17:30 inquiry, one hour: 30 min Friday + 30 min Monday', '2027-01-15T17:30', 60, '2027-01-18T09:30'],
    ['Friday 20:00 inquiry, one hour: Monday 10:00', '2027-01-15T20:00', 60, '2027-01-18T10:00'],
    ['Friday 17:30 before 成人の日: Tuesday 09:30', '2027-01-08T17:30', 60, '2027-01-12T09:30'],
    ['inside the day: plain clock time', '2027-01-12T10:00', 60, '2027-01-12T11:00'],
    ['a day’s window from Tuesday noon: 9 open hours a day', '2027-01-12T12:00', 24 * 60, '2027-01-14T18:00'],
  ])('%s', (_case, from, minutes, deadline) => {
    expect(addOpenMinutes(jst(from), minutes, tokyo).toISOString()).toBe(jstIso(deadline));
  });

  it('a web inquiry at Friday 17:30 is still within the hour at Monday 09:15', () => {
    const lead: QueueLead = {
      status: 'new',
      source: 'web_inquiry',
      score: 10,
      behaviourScore: 0,
      attempts: 0,
      doNotCall: false,
      createdAt: jstIso('2027-01-15T17:30'),
      nextCallAt: null,
      recycleUntil: null,
      timeZone: 'Asia/Tokyo',
    };
    expect(classifyLead(lead, rules, jst('2027-01-18T09:15'), calendar)).toMatchObject({ bucket: 2, reason: { code: 'speed_to_lead', deadline: jstIso('2027-01-18T09:30') } });
    expect(classifyLead(lead, rules, jst('2027-01-18T09:31'), calendar).bucket).toBe(5);
  });
});

describe('open time from the timeline agrees with the walk over local dates', () => {
  // addOpenMinutes answers from sorted windows (openTimeline.ts); walkOpenMinutes is the definition.
  const closedFor = (from: string, to: string): BusinessCalendar => ({ ...calendar, closures: [{ name: '移転', from, to }] });
  it.each<[string, string, BusinessCalendar]>([
    ['Tokyo, the national calendar', 'Asia/Tokyo', calendar],
    ['New York (DST changes)', 'America/New_York', calendar],
    ['London (DST changes)', 'Europe/London', calendar],
    ['Kathmandu (+05:45)', 'Asia/Kathmandu', calendar],
    ['Tokyo, the office closed for a month', 'Asia/Tokyo', closedFor('2027-02-01', '2027-02-28')],
    ['Tokyo, the office closed for most of a year', 'Asia/Tokyo', closedFor('2027-01-05', '2027-12-20')],
    ['Tokyo, the office closed for over a year (plain time)', 'Asia/Tokyo', closedFor('2026-05-01', '2027-07-20')],
  ])('%s', (_case, zone, cal) => {
    const open = openRulesFor(zone, rules, cal);
    // Every 13 h 17 min across a year and an era boundary (2026-10-10), windows from 15 minutes to a week.
    for (let t = Date.parse('2026-06-01T00:00:00Z'); t < Date.parse('2027-06-01T00:00:00Z'); t += 797 * 60_000) {
      for (const minutes of [15, 60, 24 * 60, 7 * 24 * 60]) {
        const from = new Date(t);
        expect(addOpenMinutes(from, minutes, open).toISOString(), `${from.toISOString()} + ${minutes} min`).toBe(walkOpenMinutes(from, minutes, open).toISOString());
      }
    }
  });
});

describe('the retry rules never land on a closed time', () => {
  const call = (patch: Partial<OutcomeInput>): OutcomeInput => ({
    lead: { status: 'working', attempts: 0, timeZone: 'Asia/Tokyo' },
    outcome: 'no_answer',
    at: jst('2027-01-08T16:50'),
    attemptsToday: 0,
    ...patch,
  });
  it.each<[string, Partial<OutcomeInput>, string | null, string | null, string | null]>([
    // Fri 16:50 + 2 h = 18:50, after hours; Monday 1/11 is 成人の日: Tuesday 09:00.
    ['Fri 16:50 no answer + 2 h cooldown → the next open time, past 成人の日', {}, jstIso('2027-01-12T09:00'), null, 'outside_hours'],
    ['a callback asked for on 元日 moves to 1/4', { outcome: 'callback_requested', at: jst('2026-12-28T11:00'), callbackAt: jstIso('2027-01-01T10:00') }, jstIso('2027-01-04T09:00'), null, 'holiday'],
    ['a next action on a Sunday moves to Monday', { outcome: 'connected', nextActionAt: jstIso('2027-01-17T10:00') }, jstIso('2027-01-18T09:00'), null, 'day_off'],
    ['a recycle date in お盆 moves after it', { outcome: 'connected', decision: { kind: 'recycle', reason: 'timing', until: jstIso('2027-08-16T09:00') } }, null, jstIso('2027-08-17T09:00'), 'closure'],
    ['an open time is not moved', { at: jst('2027-01-12T10:00') }, jstIso('2027-01-12T12:00'), null, null],
  ])('%s', (_case, patch, nextCallAt, recycleUntil, reason) => {
    const after = applyOutcome(call(patch), rules, calendar);
    expect(after.nextCallAt).toBe(nextCallAt);
    expect(after.recycleUntil).toBe(recycleUntil);
    expect(after.moved?.reason.kind ?? null).toBe(reason);
  });
});
