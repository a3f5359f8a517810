import { z } from 'zod';
import { localDate } from '../../../../shared/domain/queue/localTime';
import type { BackendContext } from '../../core/context';
import { rescoreAll } from '../../core/rescore';
import { readSetting, settingSpecs, writeSetting } from '../../core/settingsStore';

/** The team's local date of the last full re-score, YYYY-MM-DD. */
export const lastRescoreDay = {
  key: 'last_rescore_day',
  schema: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  fallback: '',
};

/**
 * Behaviour points decay with age, but a stored score only changes when something re-scores it:
 * left alone, last month's seminar would keep a lead hot forever. So the first time the backend is
 * used on a new local day (in the team's zone, Japan by default) every lead is re-scored, in one
 * transaction with the date that records it. Returns how many leads were re-scored, or null when
 * today's re-score has already run. Cheap on every later call: one settings read.
 *
 * It does not re-place them: a re-scored lead is marked due (`rescoreAll`), and the queue's chunked
 * re-placing (app/queue/requeueJob.ts) places the due leads head first when a read needs them. After
 * a long weekend most of 100,000 leads are due; re-placing them here, in this one transaction, held
 * the writer — and the rep's first N — for 52 s in the full-year bench.
 */
export function rescoreIfDayChanged(ctx: BackendContext): number | null {
  return ctx.db.transaction((): number | null => {
    const now = ctx.clock.now();
    const queueRules = readSetting(ctx.db, settingSpecs.queueRules);
    const today = localDate(now, queueRules.defaultTimeZone);
    if (readSetting(ctx.db, lastRescoreDay) === today) return null;
    const rescored = rescoreAll(ctx.db, readSetting(ctx.db, settingSpecs.scoringRules), now);
    writeSetting(ctx.db, lastRescoreDay, today, now.toISOString());
    return rescored;
  })();
}
