import { periodicService, type BackgroundService } from '../../services/lifecycle';
import type { BackendContext } from '../../core/context';
import { rescoreIfDayChanged } from './dailyRescore';

const minute = 60_000;

/**
 * The daily re-score as a background service: behaviour decays by the day, so the first check runs
 * just after start (on the writer: reads are answered meanwhile from the last scores) and then every
 * ten minutes, which re-scores once when the team's day changes. It used to run inside the first
 * list request of the day (six seconds on a year's store, before the rep saw a row).
 */
export function dailyRescoreService(ctx: BackendContext, logError: (what: string, error: unknown) => void, firstDelayMs = 0): BackgroundService {
  return periodicService('daily re-score', () => rescoreIfDayChanged(ctx), { firstDelayMs, everyMs: 10 * minute }, logError);
}
