import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { manualClock } from '../../shared/domain/clock';
import { startThreadedBackend, type ThreadedBackend } from '../../electron/backend/threads/storeThreads';
import { generateCp932Csv, generateDataset } from '../bench/dataset';
import { bundleForNode } from '../helpers/bundle';
import { base64Of, mappingOf } from '../helpers/imports';
import { createTempBackend } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';

/**
 * The backend as the app runs it: the store on worker threads (one writer, readers, a backup
 * thread) behind this thread's validation. What matters is ordering, never milliseconds: a read is
 * answered while a long write runs, and a call is logged while a backup copies the store.
 */
const start = new Date('2025-04-07T01:00:00.000Z');
let workerScript: string;
let dataDir: string;
let app: ThreadedBackend;
const clock = manualClock(start);

async function call<T>(command: string, input: unknown): Promise<T> {
  const result = (await app.dispatch(command, input)) as Result<T>;
  if (!result.ok) throw new Error(`${command}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  workerScript = await bundleForNode('electron/backend/threads/storeWorker.ts');
  dataDir = mkdtempSync(join(tmpdir(), 'koma-threads-'));
  // A store big enough that a backup takes a while: 20,000 leads and 100,000 calls.
  const seed = createTempBackend({ dataDir, start });
  generateDataset(seed.backend.context.db, { companies: 4_000, leads: 20_000, calls: 100_000, events: 20_000, hearings: 500, handoffs: 100, weeks: 4, csvRows: 0, outbox: 200 }, start);
  seed.close({ keepData: true });
  app = await startThreadedBackend({ workerScript, dataDir, resourcesDir: dataDir, version: 'test', mode: 'browser', databaseKey: testDatabaseKey, testClock: clock, logError: () => undefined });
}, 300_000);
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the store on threads', () => {
  it('answers reads and writes through the same contract, refusing bad input on this thread', async () => {
    const page = await call<{ total: number; rows: { id: string }[] }>('callList.page', { limit: 5 });
    expect(page.rows).toHaveLength(5);
    const leadId = page.rows[0]!.id;
    const logged = await call<{ callId: string }>('calls.log', { leadId, startedAt: '2025-04-07T00:55:00.000Z', endedAt: '2025-04-07T00:58:00.000Z', outcome: 'no_answer' });
    // Read after write: the reader's next snapshot holds the writer's commit.
    const detail = await call<{ timeline: { kind: string; id: string }[] }>('lead.get', { leadId });
    expect(detail.timeline.filter((t) => t.kind === 'call').map((t) => t.id)).toContain(logged.callId);
    expect(await app.dispatch('lead.get', { leadId: 'x\uD800' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await app.dispatch('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('a lead whose cooldown the clock ended comes back: the read has the writer re-place it first', async () => {
    const { leadId } = await call<{ leadId: string }>('queue.next', {});
    const name = (await call<{ lead: { fullName: string } }>('lead.get', { leadId })).lead.fullName;
    const listed = async () => (await call<{ rows: { id: string }[] }>('callList.page', { search: name, limit: 500 })).rows.map((r) => r.id);
    expect(await listed()).toContain(leadId);
    await call('calls.log', { leadId, startedAt: clock.now().toISOString(), endedAt: clock.now().toISOString(), outcome: 'busy' });
    expect(await listed()).not.toContain(leadId);
    // Three days on, its cooldown has ended: nothing wrote since, so only the read's request to the
    // writer can have put it back.
    clock.advance(3 * 24 * 3_600_000);
    expect(await listed()).toContain(leadId);
  });

  it('logs a call while a backup copies the store, without waiting for it', async () => {
    const page = await call<{ rows: { id: string }[] }>('callList.page', { limit: 3, offset: 100 });
    let backupDone = false;
    const backup = app.dispatch('backup.create', {}).then((r) => {
      backupDone = true;
      return r;
    });
    const answered: boolean[] = [];
    for (const row of page.rows) {
      const logged = await app.dispatch('calls.log', { leadId: row.id, startedAt: '2025-04-10T00:55:00.000Z', endedAt: '2025-04-10T00:58:00.000Z', outcome: 'voicemail' });
      expect(logged.ok).toBe(true);
      answered.push(backupDone);
    }
    expect((await backup).ok).toBe(true);
    // Every call was acknowledged while the backup was still copying.
    expect(answered).toEqual([false, false, false]);
  });

  it('answers the list while a 200,000-row import writes', async () => {
    const csv = generateCp932Csv(200_000);
    const preview = await call<{ mapping: Record<string, number | null> }>('import.preview', { fileName: 'big.csv', contentBase64: base64Of(csv.subarray(0, 200_000)) });
    const job = await call<{ jobId: string; phase: string }>('import.start', { fileName: 'big.csv', contentBase64: base64Of(csv), mapping: mappingOf(Object.fromEntries(Object.entries(preview.mapping).filter(([, v]) => v !== null)) as never) });
    // Reads go to the readers: the list and a lead are answered while the writer is busy importing.
    let status = await call<{ phase: string }>('import.status', { jobId: job.jobId });
    const readsDuringWrite: string[] = [];
    while (status.phase !== 'done' && status.phase !== 'failed') {
      const reads = await Promise.all([call<{ rows: unknown[] }>('callList.page', { limit: 50 }), call<{ phase: string }>('import.status', { jobId: job.jobId })]);
      expect(reads[0].rows).toHaveLength(50);
      readsDuringWrite.push(reads[1].phase);
      status = reads[1];
    }
    expect(status.phase).toBe('done');
    expect(readsDuringWrite).toContain('writing');
  }, 300_000);
});
