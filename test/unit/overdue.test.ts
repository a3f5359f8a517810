import { describe, expect, it } from 'vitest';
import { callbackLateness, type Lateness } from '../../shared/domain/queue/overdue';

describe('callbackLateness', () => {
  const now = new Date('2026-12-08T05:10:00.000Z');
  it.each<[string, string, Lateness]>([
    ['in the future', '2026-12-08T06:00:00.000Z', null],
    ['due this minute', '2026-12-08T05:10:00.000Z', null],
    ['59 minutes past: still due', '2026-12-08T04:11:00.000Z', null],
    ['one hour past', '2026-12-08T04:10:00.000Z', { unit: 'hours', count: 1 }],
    ['23 hours past', '2026-12-07T06:00:00.000Z', { unit: 'hours', count: 23 }],
    ['one day past', '2026-12-07T05:10:00.000Z', { unit: 'days', count: 1 }],
    ['five days past (12/3 14:08 JST)', '2026-12-03T05:08:00.000Z', { unit: 'days', count: 5 }],
    ['not a date', 'soon', null],
  ])('%s', (_, at, expected) => expect(callbackLateness(at, now)).toEqual(expected));
});
