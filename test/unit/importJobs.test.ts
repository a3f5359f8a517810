import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../shared/contract/imports';
import { ImportJobRegistry, keptFinishedJobs } from '../../electron/backend/app/imports/jobs';

const job = (jobId: string): ImportJob => ({ jobId, phase: 'decoding', processed: 0, total: 0 });

describe('ImportJobRegistry', () => {
  it('hands out copies, so a caller cannot change a job', () => {
    const registry = new ImportJobRegistry();
    const added = registry.add(job('a'));
    added.phase = 'failed';
    const seen = registry.get('a')!;
    seen.processed = 99;
    expect(registry.get('a')).toEqual(job('a'));
  });

  it('applies updates and ignores unknown ids', () => {
    const registry = new ImportJobRegistry();
    registry.add(job('a'));
    registry.update('a', { phase: 'parsing', processed: 5, total: 10 });
    registry.update('missing', { phase: 'done' });
    expect(registry.get('a')).toEqual({ jobId: 'a', phase: 'parsing', processed: 5, total: 10 });
    expect(registry.get('missing')).toBeUndefined();
  });

  it('keeps running jobs and only the most recent finished ones', () => {
    const registry = new ImportJobRegistry();
    registry.add(job('running'));
    const finished = Array.from({ length: keptFinishedJobs + 3 }, (_, i) => `done-${i}`);
    for (const id of finished) {
      registry.add(job(id));
      registry.update(id, { phase: id.endsWith('1') ? 'failed' : 'done' });
    }
    expect(registry.get('running')?.phase).toBe('decoding');
    expect(finished.filter((id) => registry.get(id) !== undefined)).toEqual(finished.slice(3));
  });
});
