import { fullJitterDelay, type BackoffPolicy } from './backoff';

/**
 * Online as far as the CRM is concerned: the last request got an HTTP answer. After a request
 * could not reach it, the engine sends nothing until the next probe, which backs off with full
 * jitter while the failures last; the first answer of any kind brings it back online.
 */
export class NetworkState {
  private failures = 0;
  private probeAt: number | null = null;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number,
  ) {}

  get online(): boolean {
    return this.failures === 0;
  }

  get nextProbeAt(): Date | null {
    return this.probeAt === null ? null : new Date(this.probeAt);
  }

  canTry(now: Date): boolean {
    return this.probeAt === null || now.getTime() >= this.probeAt;
  }

  markOffline(now: Date): void {
    this.failures++;
    this.probeAt = now.getTime() + Math.max(1, fullJitterDelay(this.failures, this.policy, this.random));
  }

  markOnline(): void {
    this.failures = 0;
    this.probeAt = null;
  }

  /** The rep asked to sync now: probe at once, keeping the failure count for the next backoff. */
  probeNow(): void {
    this.probeAt = null;
  }
}
