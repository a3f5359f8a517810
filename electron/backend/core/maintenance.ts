/**
 * Writes that a read may find it needs first (app/maintenance.ts holds the jobs). A read runs on a
 * read-only connection, so it throws MaintenanceNeeded; the dispatcher or the thread router has the
 * writer run the job, and the read runs again on a fresh snapshot.
 */
export type MaintenanceJob = 'requeue' | 'tallies';

export class MaintenanceNeeded extends Error {
  constructor(readonly job: MaintenanceJob) {
    super(`needs the ${job} job first`);
    this.name = 'MaintenanceNeeded';
  }
}
