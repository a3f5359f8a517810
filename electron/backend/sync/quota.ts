import { z } from 'zod';
import type { Clock } from '../../../shared/domain/clock';
import type { Db } from '../db/open';
import { readState, stateKeys, writeState } from './state';
import { SyncRequestError, type QuotaView } from './types';

/** Sforce-Limit-Info: api-usage=25/15000 → { used: 25, max: 15000 }; null when absent or unreadable. */
export function parseLimitInfo(header: string | null): { used: number; max: number } | null {
  if (!header) return null;
  const match = /(?:^|[,;\s])api-usage=(\d+)\/(\d+)/.exec(header);
  if (!match) return null;
  const used = Number(match[1]);
  const max = Number(match[2]);
  return max > 0 ? { used, max } : null;
}

const quotaState = z.object({
  day: z.string(),
  komaUsed: z.number().int(),
  orgUsed: z.number().int().nullable(),
  orgMax: z.number().int().nullable(),
});
type QuotaState = z.infer<typeof quotaState>;

export type QuotaSnapshot = QuotaView;

/** The UTC day an instant falls in: Koma's own count resets at 00:00 UTC. */
function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function msToNextDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return next - now.getTime();
}

/**
 * Keeps Koma a small consumer of the org's shared daily API allowance: every REST request is
 * counted before it is sent (a request that fails still costs the org one), and once Koma's count
 * for the day reaches its share (a percentage of the org's limit from Sforce-Limit-Info) no more
 * requests go out until the next day. The org's own figure is shown as Salesforce reported it.
 */
export class QuotaMeter {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly percent: () => number,
    /** Each CRM keeps its own count: switching from Salesforce to HubSpot starts HubSpot's at zero. */
    private readonly key: string = stateKeys.quota,
  ) {}

  private current(): QuotaState {
    const today = dayOf(this.clock.now());
    const stored = readState(this.db, this.key, quotaState);
    if (!stored) return { day: today, komaUsed: 0, orgUsed: null, orgMax: null };
    return stored.day === today ? stored : { ...stored, day: today, komaUsed: 0 };
  }

  private budgetOf(state: QuotaState): number | null {
    return state.orgMax === null ? null : Math.max(1, Math.floor((state.orgMax * this.percent()) / 100));
  }

  /** Throws a 'limit' error instead of sending when today's share is spent. */
  beforeRequest(): void {
    const now = this.clock.now();
    const state = this.current();
    const budget = this.budgetOf(state);
    if (budget !== null && state.komaUsed >= budget) {
      throw new SyncRequestError(
        'limit',
        'KOMA_BUDGET',
        `Koma has used its share of the org's API requests for today (${state.komaUsed} of ${budget}, ${this.percent()}% of ${state.orgMax}). Sync resumes at 00:00 UTC.`,
        msToNextDay(now),
      );
    }
    this.db.transaction(() => writeState(this.db, this.key, { ...state, komaUsed: state.komaUsed + 1 }, now.toISOString()))();
  }

  afterResponse(limitInfo: string | null): void {
    this.afterUsage(parseLimitInfo(limitInfo));
  }

  /** The account's use of its daily limit as the CRM last reported it. */
  afterUsage(usage: { used: number; max: number } | null): void {
    if (!usage) return;
    const state = this.current();
    this.db.transaction(() =>
      writeState(this.db, this.key, { ...state, orgUsed: usage.used, orgMax: usage.max }, this.clock.now().toISOString()),
    )();
  }

  snapshot(): QuotaSnapshot {
    const state = this.current();
    return { used: state.orgUsed, max: state.orgMax, komaUsedToday: state.komaUsed, budget: this.budgetOf(state), percent: this.percent() };
  }
}
