import { expect } from 'vitest';
import type { SyncHarness } from './syncHarness';

/**
 * With a 429 carrying `Retry-After: seconds` queued on the fake, the next pass leaves the first
 * outbox row pending for that long and not a second less; the clock is left just past it.
 */
export async function expectHeldForRetryAfter(h: SyncHarness, seconds: number): Promise<void> {
  await h.backend.sync.engine.runOnce();
  const row = h.outbox()[0]!;
  expect(row.state).toBe('pending');
  expect(Date.parse(row.next_attempt_at!) - h.clock.now().getTime()).toBeGreaterThanOrEqual(seconds * 1000);
  h.clock.advance(seconds * 1000 - 1_000);
  expect(await h.backend.sync.engine.runOnce()).toBe('idle');
  h.clock.advance(2_000);
}
