/** Exponential backoff: the ceiling doubles per attempt from base up to cap. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Retries of an item the CRM could not take yet (5xx, 429, a locked row). */
export const itemBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 15 * 60_000 };
/** Probes while the CRM cannot be reached at all. */
export const probeBackoff: BackoffPolicy = { baseMs: 5_000, capMs: 5 * 60_000 };

/**
 * "Full jitter": a uniformly random wait between 0 and the exponential ceiling. Many clients that
 * failed together (every rep's laptop after a CRM outage) then come back spread out instead of in
 * waves. `attempt` counts from 1; `random` is injected so tests choose the draw.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/** The wait before the next try: the jittered backoff, but never sooner than the server asked. */
export function retryDelay(attempt: number, policy: BackoffPolicy, random: () => number, retryAfterMs?: number): number {
  return Math.max(fullJitterDelay(attempt, policy, random), retryAfterMs ?? 0);
}
