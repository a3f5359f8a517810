import type { ImportJob } from '../../../../shared/contract/imports';
import { perDatabase } from '../../db/perDatabase';

/** Finished jobs kept for late status polls; older ones are forgotten. Running jobs are always kept. */
export const keptFinishedJobs = 20;

function isFinished(job: ImportJob): boolean {
  return job.phase === 'done' || job.phase === 'failed';
}

/** The import jobs of one backend. Callers get copies, so a poll never sees a job change under it. */
export class ImportJobRegistry {
  private readonly jobs = new Map<string, ImportJob>();

  add(job: ImportJob): ImportJob {
    this.jobs.set(job.jobId, job);
    return { ...job };
  }

  update(jobId: string, patch: Partial<Omit<ImportJob, 'jobId'>>): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    const next = { ...job, ...patch };
    this.jobs.set(jobId, next);
    if (isFinished(next)) this.forgetOldFinished();
  }

  get(jobId: string): ImportJob | undefined {
    const job = this.jobs.get(jobId);
    return job && { ...job };
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.values()].filter(isFinished);
    // A Map iterates in insertion order, so the first finished jobs are the oldest.
    for (const job of finished.slice(0, Math.max(0, finished.length - keptFinishedJobs))) this.jobs.delete(job.jobId);
  }
}

/** One registry per open database, i.e. per backend: no module-level state shared between backends. */
export const importJobs = perDatabase(() => new ImportJobRegistry());
