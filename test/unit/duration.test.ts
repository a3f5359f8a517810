import { describe, expect, it } from 'vitest';
import { durationOfMinutes, minutesOfDuration, type Duration } from '../../shared/domain/duration';

describe('rule durations', () => {
  it.each<[number, Duration]>([
    [0, { amount: 0, unit: 'minutes' }],
    [30, { amount: 30, unit: 'minutes' }],
    [90, { amount: 90, unit: 'minutes' }],
    [60, { amount: 1, unit: 'hours' }],
    [120, { amount: 2, unit: 'hours' }],
    [1440, { amount: 1, unit: 'days' }],
    [2880, { amount: 2, unit: 'days' }],
    [4320, { amount: 3, unit: 'days' }],
    [1500, { amount: 25, unit: 'hours' }],
  ])('%i minutes are shown as %o and saved back unchanged', (minutes, duration) => {
    expect(durationOfMinutes(minutes)).toEqual(duration);
    expect(minutesOfDuration(duration)).toBe(minutes);
  });

  it.each<[Duration, number]>([
    [{ amount: 1.5, unit: 'hours' }, 90],
    [{ amount: 0.5, unit: 'days' }, 720],
  ])('%o typed is %i minutes', (duration, minutes) => expect(minutesOfDuration(duration)).toBe(minutes));

  it('keeps a blank or non-number NaN, for the contract to report', () => {
    expect(minutesOfDuration({ amount: Number.NaN, unit: 'days' })).toBeNaN();
  });
});
