import { describe, expect, it } from 'vitest';
import { defaultQueueRules as rules } from '../../shared/contract/queueRules';
import type { BusinessCalendar } from '../../shared/contract/calendar';
import { nextOpenTime } from '../../shared/domain/calendar/openTime';
import { isWithinCallingHours, openRulesFor } from '../../shared/domain/queue/callingHours';
import { classifyLead, leadAge, type QueueLead } from '../../shared/domain/queue/classify';
import { applyOutcome, recycleSchedule, type OutcomeInput } from '../../shared/domain/queue/retry';
import { localDate, offsetMinutes } from '../../shared/domain/queue/localTime';

// Monday 2026-11-23 10:00 in Tokyo (勤労感謝の日: the rules here run without a calendar; test/unit/calendar.test.ts has it).
const now = new Date('2026-11-23T01:00:00.000Z');
const iso = (offsetMinutes: number) => new Date(now.getTime() + offsetMinutes * 60_000).toISOString();

const base: QueueLead = {
  status: 'new',
  source: 'outbound_list',
  score: 40,
  behaviourScore: 0,
  attempts: 0,
  doNotCall: false,
  createdAt: iso(-60 * 24 * 3),
  nextCallAt: null,
  recycleUntil: null,
  timeZone: 'Asia/Tokyo',
};

/** No holidays, no closures: the rules as they were before the calendar. */
const noClosures: BusinessCalendar = { nationalHolidays: false, yearlyClosures: [], closures: [] };

describe('classifyLead: the queue order', () => {
  it.each<[string, Partial<QueueLead>, number, string, string | null]>([
    ['overdue callback first', { status: 'callback', nextCallAt: iso(-5) }, 1, 'callback_due', null],
    ['callback promised for later is not yet on the list', { status: 'callback', nextCallAt: iso(30) }, 0, 'waiting', iso(30)],
    ['web inquiry inside its hour', { source: 'web_inquiry', createdAt: iso(-20) }, 2, 'speed_to_lead', iso(40)],
    ['web inquiry past its hour drops to the score buckets', { source: 'web_inquiry', createdAt: iso(-61) }, 5, 'new', null],
    ['outbound list has no speed-to-lead window', { source: 'outbound_list', createdAt: iso(-1) }, 5, 'new', null],
    ['speed-to-lead only for the first call', { source: 'web_inquiry', createdAt: iso(-20), attempts: 1, status: 'working' }, 5, 'retry', null],
    ['hot lead by score', { score: 85 }, 3, 'hot', null],
    ['score exactly at the threshold is hot', { score: 70 }, 3, 'hot', null],
    ['recycled lead whose date has come', { status: 'recycled', recycleUntil: iso(-1) }, 4, 'recycle_due', null],
    ['recycled lead before its date', { status: 'recycled', recycleUntil: iso(60 * 24) }, 0, 'recycled_until', iso(60 * 24)],
    ['recycled lead whose behaviour score crossed the threshold', { status: 'recycled', recycleUntil: iso(60 * 24), behaviourScore: 30 }, 4, 'recycle_score', null],
    ['in cooldown after no answer', { status: 'working', attempts: 1, nextCallAt: iso(90) }, 0, 'waiting', iso(90)],
    ['cooldown over', { status: 'working', attempts: 1, nextCallAt: iso(-1) }, 5, 'retry', null],
    ['do-not-call leaves every list', { doNotCall: true, score: 99, status: 'callback', nextCallAt: iso(-5) }, 0, 'do_not_call', null],
    ['excluded never returns', { status: 'excluded' }, 0, 'closed', null],
    ['qualified leaves the list', { status: 'qualified' }, 0, 'closed', null],
  ])('%s', (_case, patch, bucket, code, changesAt) => {
    const entry = classifyLead({ ...base, ...patch }, rules, now, noClosures);
    expect(entry.bucket).toBe(bucket);
    expect(entry.reason.code).toBe(code);
    expect(entry.changesAt).toBe(changesAt);
  });

  it('orders callbacks → speed to lead → hot → recycled → rest, and by score or time inside a bucket', () => {
    const leads: Record<string, Partial<QueueLead>> = {
      rest_low: { score: 10 },
      rest_high: { score: 60 },
      hot_low: { score: 71 },
      hot_high: { score: 95 },
      recycled: { status: 'recycled', recycleUntil: iso(-10), score: 99 },
      inquiry_late: { source: 'web_inquiry', createdAt: iso(-10) },
      inquiry_early: { source: 'web_inquiry', createdAt: iso(-50) },
      callback_recent: { status: 'callback', nextCallAt: iso(-1) },
      callback_old: { status: 'callback', nextCallAt: iso(-120) },
    };
    const order = Object.entries(leads)
      .map(([name, patch]) => ({ name, entry: classifyLead({ ...base, ...patch }, rules, now, noClosures) }))
      .sort((a, b) => a.entry.bucket - b.entry.bucket || a.entry.sortKey - b.entry.sortKey)
      .map((x) => x.name);
    expect(order).toEqual(['callback_old', 'callback_recent', 'inquiry_early', 'inquiry_late', 'hot_high', 'hot_low', 'recycled', 'rest_high', 'rest_low']);
  });
});

describe('calling hours in the lead’s local time', () => {
  it.each<[string, string, boolean]>([
    ['Tokyo Monday 08:59', '2026-11-22T23:59:00Z', false],
    ['Tokyo Monday 09:00', '2026-11-23T00:00:00Z', true],
    ['Tokyo Monday 17:59', '2026-11-23T08:59:00Z', true],
    ['Tokyo Monday 18:00', '2026-11-23T09:00:00Z', false],
    ['Tokyo Saturday 10:00', '2026-11-28T01:00:00Z', false],
  ])('Asia/Tokyo %s → %s', (_case, at, open) => {
    expect(isWithinCallingHours(new Date(at), 'Asia/Tokyo', rules, noClosures)).toBe(open);
  });

  it.each<[string, string, boolean]>([
    ['New York Monday 10:00 EST', '2026-11-23T15:00:00Z', true],
    ['New York Monday 08:30 EST', '2026-11-23T13:30:00Z', false],
    ['New York 09:30 EDT in July', '2026-07-06T13:30:00Z', true],
  ])('America/New_York %s → %s', (_case, at, open) => {
    expect(isWithinCallingHours(new Date(at), 'America/New_York', rules, noClosures)).toBe(open);
  });

  it.each<[string, string, string, boolean, string]>([
    ['open now: now', 'Asia/Tokyo', '2026-11-23T01:00:00Z', false, '2026-11-23T01:00:00.000Z'],
    ['Tokyo evening: tomorrow 09:00', 'Asia/Tokyo', '2026-11-23T10:00:00Z', false, '2026-11-24T00:00:00.000Z'],
    ['Tokyo Friday evening: Monday 09:00', 'Asia/Tokyo', '2026-11-27T10:00:00Z', false, '2026-11-30T00:00:00.000Z'],
    ['Tokyo early morning: today 09:00', 'Asia/Tokyo', '2026-11-22T22:00:00Z', false, '2026-11-23T00:00:00.000Z'],
    ['later day from Monday noon: Tuesday 09:00', 'Asia/Tokyo', '2026-11-23T03:00:00Z', true, '2026-11-24T00:00:00.000Z'],
    ['New York across the DST change', 'America/New_York', '2026-03-06T23:00:00Z', false, '2026-03-09T13:00:00.000Z'],
  ])('nextOpenTime %s', (_case, zone, at, laterDay, expected) => {
    expect(nextOpenTime(new Date(at), openRulesFor(zone, rules, noClosures), laterDay)?.toISOString()).toBe(expected);
  });

  it('knows offsets and local dates without a time-zone library', () => {
    expect(offsetMinutes(now, 'Asia/Tokyo')).toBe(540);
    expect(offsetMinutes(now, 'America/New_York')).toBe(-300);
    expect(localDate(new Date('2026-11-23T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-24');
  });
});

describe('applyOutcome: the retry rules', () => {
  const call = (patch: Partial<OutcomeInput>): OutcomeInput => ({
    lead: { status: 'new', attempts: 0, timeZone: 'Asia/Tokyo' },
    outcome: 'no_answer',
    at: now,
    attemptsToday: 0,
    ...patch,
  });

  it.each<[string, Partial<OutcomeInput>, Partial<ReturnType<typeof applyOutcome>>]>([
    ['no answer cools down two hours', {}, { status: 'working', attempts: 1, nextCallAt: iso(120) }],
    ['busy cools down thirty minutes', { outcome: 'busy' }, { status: 'working', attempts: 1, nextCallAt: iso(30) }],
    ['voicemail waits a day', { outcome: 'voicemail' }, { attempts: 1, nextCallAt: iso(24 * 60) }],
    ['connected resets attempts and follows up next day', { outcome: 'connected', lead: { status: 'working', attempts: 3, timeZone: 'Asia/Tokyo' } }, { status: 'working', attempts: 0, nextCallAt: iso(24 * 60) }],
    ['connected with the rep’s next action date', { outcome: 'connected', nextActionAt: iso(60 * 24 * 7) }, { nextCallAt: iso(60 * 24 * 7) }],
    ['callback requested at a time', { outcome: 'callback_requested', callbackAt: iso(60 * 5) }, { status: 'callback', nextCallAt: iso(60 * 5), attempts: 0 }],
    ['max attempts recycles as not reached', { lead: { status: 'working', attempts: 5, timeZone: 'Asia/Tokyo' } }, { status: 'recycled', recycleReason: 'not_reached', recycleUntil: iso(60 * 24 * 30), nextCallAt: null }],
    // 180 days on is Saturday 2027-05-22: the recycle date moves to Monday's opening.
    ['not interested recycles as no need', { outcome: 'not_interested' }, { status: 'recycled', recycleReason: 'no_need', recycleUntil: '2027-05-24T00:00:00.000Z' }],
    ['wrong number recycles as not reached', { outcome: 'wrong_number' }, { status: 'recycled', recycleReason: 'not_reached' }],
    ['daily cap moves the next try to tomorrow’s opening', { attemptsToday: 1 }, { nextCallAt: '2026-11-24T00:00:00.000Z' }],
    ['the rep’s recycle decision wins', { outcome: 'connected', decision: { kind: 'recycle', reason: 'timing', until: iso(60 * 24 * 91) } }, { status: 'recycled', recycleReason: 'timing', recycleUntil: iso(60 * 24 * 91) }],
    ['exclusion with its reason', { outcome: 'connected', decision: { kind: 'exclude', reason: 'competitor' } }, { status: 'excluded', excludeReason: 'competitor', nextCallAt: null }],
  ])('%s', (_case, patch, expected) => {
    expect(applyOutcome(call(patch), rules, noClosures)).toMatchObject({ lastContactAt: now.toISOString(), ...expected });
  });

  it.each([
    ['not_reached', 30],
    ['timing', 90],
    ['no_budget', 180],
    ['no_need', 180],
    ['other', 90],
  ] as const)('recycle %s defaults to %i days', (reason, days) => {
    const openAllWeek = { ...rules, callingHours: { start: '00:00', end: '23:59', days: [0, 1, 2, 3, 4, 5, 6] } };
    expect(recycleSchedule(reason, openAllWeek, now, 'Asia/Tokyo', noClosures)).toEqual({ at: iso(60 * 24 * days), move: null });
  });
});

describe('leadAge', () => {
  it.each<[number, number, string]>([
    [0, 0, 'fresh'],
    [13.9, 13, 'fresh'],
    [14, 14, 'stale'],
    [28, 28, 'old'],
  ])('%f days untouched → %i days, %s', (daysAgo, days, level) => {
    expect(leadAge(iso(-daysAgo * 24 * 60), rules, now)).toEqual({ days, level });
  });
});
