import { z } from 'zod';
import type { Result } from '../../../../shared/contract';

/** The part of shared/domain/clock.ts's manualClock the test route drives. */
export interface MovableClock {
  now(): Date;
  set(to: Date): void;
  advance(ms: number): void;
}

const clockRequest = z.union([
  z.object({ now: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ advanceMs: z.number().int().min(0).max(366 * 24 * 60 * 60 * 1000) }).strict(),
]);

/**
 * Browser mode's test hook (KOMA_TEST_CLOCK=1 only): end-to-end tests set or move the backend's
 * clock instead of sleeping. Time only moves forward by `advanceMs`; `now` may jump anywhere.
 */
export function moveClock(clock: MovableClock, payload: unknown): Result<{ now: string }> {
  const parsed = clockRequest.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: 'Expected {"now": ISO date-time} or {"advanceMs": milliseconds}' },
    };
  }
  if ('now' in parsed.data) clock.set(new Date(parsed.data.now));
  else clock.advance(parsed.data.advanceMs);
  return { ok: true, value: { now: clock.now().toISOString() } };
}
