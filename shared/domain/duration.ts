/**
 * Rule durations in the unit people think in: a cooldown of 1440 minutes is "1 日", a web
 * inquiry's window of 60 minutes is "1 時間". The rules keep minutes; forms show the largest unit
 * that states the value exactly, and turn what the rep typed back into minutes.
 */
export const durationUnits = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof durationUnits)[number];

const unitMinutes: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** 2880 → 2 days, 90 → 90 minutes (1.5 hours is not exact in whole hours), 0 → 0 minutes. */
export function durationOfMinutes(minutes: number): Duration {
  for (const unit of ['days', 'hours'] as const) {
    if (minutes > 0 && minutes % unitMinutes[unit] === 0) return { amount: minutes / unitMinutes[unit], unit };
  }
  return { amount: minutes, unit: 'minutes' };
}

/** The minutes a typed amount means; NaN stays NaN so the contract reports the field, not this. */
export function minutesOfDuration(duration: Duration): number {
  return duration.amount * unitMinutes[duration.unit];
}
