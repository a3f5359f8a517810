import { periodicService, type BackgroundService } from '../services/lifecycle';

const hour = 3_600_000;

/**
 * A backup soon after start and then daily: an hourly check makes today's backup if there is none
 * yet, so a laptop that sleeps past midnight still gets one when it wakes. The first check waits a
 * few minutes after start (it reads the whole store). `runDaily` makes today's backup if missing:
 * in the app it runs on the backup thread's own connection, so nobody waits for it.
 */
export function backupService(runDaily: () => unknown, logError: (what: string, error: unknown) => void, firstDelayMs = 5 * 60_000): BackgroundService {
  return periodicService('backup', runDaily, { firstDelayMs, everyMs: hour }, logError);
}
