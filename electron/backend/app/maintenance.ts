import type { BackendContext } from '../core/context';
import { requeueDue } from './queue/requeue';
import { readSetting, settingSpecs } from '../core/settingsStore';

/**
 * Writes that a read may find it needs first. A read runs on a read-only connection, so it cannot
 * do them itself: it throws MaintenanceNeeded, the dispatcher (in process) or the thread router has
 * the writer run the job, and the read runs again on the fresh snapshot. The answer is exactly what
 * it would have been had the read written, and the common case (nothing due) costs one index probe.
 */
export const maintenanceJobs = {
  /** Re-places the leads whose place the clock has changed (a cooldown ended, a recycle date came). */
  requeue: (ctx: BackendContext): number =>
    ctx.db.transaction(() => requeueDue(ctx.db, readSetting(ctx.db, settingSpecs.queueRules), ctx.clock.now()))(),
} as const;

export type MaintenanceJob = keyof typeof maintenanceJobs;

export class MaintenanceNeeded extends Error {
  constructor(readonly job: MaintenanceJob) {
    super(`needs the ${job} job first`);
    this.name = 'MaintenanceNeeded';
  }
}

export function isMaintenanceJob(value: unknown): value is MaintenanceJob {
  return typeof value === 'string' && Object.hasOwn(maintenanceJobs, value);
}

export function runMaintenance(ctx: BackendContext, job: MaintenanceJob): number {
  return maintenanceJobs[job](ctx);
}
