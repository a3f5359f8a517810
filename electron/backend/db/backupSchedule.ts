import type { Clock } from '../../../shared/domain/clock';
import { ensureDailyBackup } from './backups';
import type { DatabaseKey } from './encryption';
import type { Db } from './open';

const hour = 3_600_000;

/**
 * A backup soon after start and then daily: an hourly check makes today's backup if there is none
 * yet, so a laptop that sleeps past midnight still gets one when it wakes. The first check waits a
 * few minutes: a backup of a year's store takes seconds, and the rep's first list must not wait
 * for it. Returns the stop function.
 */
export function startBackupSchedule(
  db: Db,
  dataDir: string,
  key: DatabaseKey | null,
  clock: Clock,
  logError: (error: unknown) => void,
  firstDelayMs = 5 * 60_000,
): () => void {
  let stopped = false;
  const run = () => {
    if (stopped || !db.open) return;
    try {
      ensureDailyBackup(db, dataDir, clock.now(), key);
    } catch (error) {
      logError(error);
    }
  };
  const first = setTimeout(run, firstDelayMs);
  first.unref();
  const timer = setInterval(run, hour);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
