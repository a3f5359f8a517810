import type { BackendContext } from '../core/context';
import type { MaintenanceJob } from '../core/maintenance';
import { freshTallies } from './kpi/tallies';
import { requeueAllSteps, requeueStep } from './queue/requeueJob';
import { readSetting, settingSpecs } from '../core/settingsStore';

/**
 * Writes that a read may find it needs first. A read runs on a read-only connection, so it cannot
 * do them itself: it throws MaintenanceNeeded, the dispatcher (in process) or the thread router has
 * the writer run the job, and the read runs again on the fresh snapshot. The answer is exactly what
 * it would have been had the read written, and the common case (nothing due) costs one index probe.
 */
export const maintenanceJobs: Record<MaintenanceJob, (ctx: BackendContext) => number> = {
  /** Re-places the leads whose place the clock has changed (a cooldown ended, a recycle date came), chunk after chunk. */
  requeue: (ctx) => requeueAllSteps(ctx.db, readSetting(ctx.db, settingSpecs.queueRules), ctx.clock.now()),
  /** Recounts the KPI tallies after their basis (time zone, conversation length) changed. */
  tallies: (ctx) => ctx.db.transaction(() => (freshTallies(ctx.db).rebuilt ? 1 : 0))(),
};

export { MaintenanceNeeded, type MaintenanceJob } from '../core/maintenance';

export function isMaintenanceJob(value: unknown): value is MaintenanceJob {
  return typeof value === 'string' && Object.hasOwn(maintenanceJobs, value);
}

export function runMaintenance(ctx: BackendContext, job: MaintenanceJob): number {
  return maintenanceJobs[job](ctx);
}

/**
 * One step of a job, for the writer thread: the requeue job places one chunk (head of the queue
 * first) and says how many leads remain, so the writer answers other requests between chunks and
 * a read waiting on it runs again as soon as its answer may be placed; other jobs run whole.
 */
export function runMaintenanceStep(ctx: BackendContext, job: MaintenanceJob): { remaining: number } {
  if (job === 'requeue') return { remaining: requeueStep(ctx.db, readSetting(ctx.db, settingSpecs.queueRules), ctx.clock.now()).remaining };
  maintenanceJobs[job](ctx);
  return { remaining: 0 };
}
