import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { manualClock } from '../../shared/domain/clock';
import { backupDir, checkDatabaseFile } from '../../electron/backend/db/backups';
import { unlock } from '../../electron/backend/db/encryption';
import { copyStore } from '../../electron/backend/db/pacedCopy';
import { startThreadedBackend, type ThreadedBackend } from '../../electron/backend/threads/storeThreads';
import { generateDataset } from '../bench/dataset';
import { bundleForNode } from '../helpers/bundle';
import { answer } from '../helpers/answer';
import { createTempBackend } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';

/**
 * The backup's copy (db/pacedCopy.ts): written in chunks with rests between so a call's commit does
 * not wait behind it. What must hold whatever the pace: every row, the schema, the version and the
 * outbox's sequence copied; the file encrypted with the store's key and as compact as VACUUM INTO's;
 * and, with the writer writing throughout, one consistent snapshot, finished (it never restarts)
 * while calls are answered.
 */
const start = new Date('2025-04-07T01:00:00.000Z');
let dataDir: string;
const storePath = () => join(dataDir, 'koma.sqlite3');

function openKeyed(path: string, readonly = true): Database.Database {
  const db = new Database(path, { readonly, fileMustExist: true });
  unlock(db, testDatabaseKey);
  return db;
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'koma-backup-copy-'));
  const seed = createTempBackend({ dataDir, start });
  generateDataset(seed.backend.context.db, { companies: 400, leads: 2_000, calls: 12_000, events: 2_000, hearings: 100, handoffs: 30, weeks: 4, csvRows: 0, outbox: 300 }, start);
  // The outbox's sequence runs ahead of its rows once sent items are gone: the copy keeps it.
  seed.backend.context.db.exec('DELETE FROM outbox WHERE seq > (SELECT max(seq) - 20 FROM outbox)');
  seed.close({ keepData: true });
}, 300_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the paced copy', () => {
  it('copies every row, the schema, the version and the sequence in small chunks, encrypted with the key and compact', () => {
    const out = mkdtempSync(join(tmpdir(), 'koma-copy-out-'));
    try {
      // Chunks of 7 rows: most tables end in a partial chunk, some are empty.
      copyStore(storePath(), join(out, 'paced.sqlite3'), testDatabaseKey, { chunkRows: 7, restRatio: 0 });
      copyStore(storePath(), join(out, 'whole.sqlite3'), testDatabaseKey, null);
      const source = openKeyed(storePath(), false);
      source.prepare('VACUUM INTO ?').run(join(out, 'vacuum.sqlite3'));
      for (const copy of ['paced', 'whole']) {
        const path = join(out, `${copy}.sqlite3`);
        expect(checkDatabaseFile(path, testDatabaseKey)).toEqual({ ok: true, version: source.pragma('user_version', { simple: true }) });
        expect(checkDatabaseFile(path, null).ok).toBe(false);
        source.prepare(`ATTACH DATABASE ? AS copy KEY "x'${testDatabaseKey}'"`).run(path);
        const schema = (db: string) =>
          source.prepare<[], { type: string; name: string; sql: string | null }>(`SELECT type, name, tbl_name, sql FROM ${db}.sqlite_master ORDER BY type, name`).all();
        expect(schema('copy')).toEqual(schema('main'));
        const tables = source.prepare<[], string>("SELECT name FROM main.sqlite_master WHERE type = 'table'").pluck().all();
        expect(tables).toContain('sqlite_sequence');
        for (const table of tables) {
          const count = (db: string) => source.prepare(`SELECT count(*) FROM ${db}."${table}"`).pluck().get();
          const missing = (a: string, b: string) => source.prepare(`SELECT count(*) FROM (SELECT * FROM ${a}."${table}" EXCEPT SELECT * FROM ${b}."${table}")`).pluck().get();
          expect({ table, rows: count('copy'), missing: missing('main', 'copy'), extra: missing('copy', 'main') }).toEqual({ table, rows: count('main'), missing: 0, extra: 0 });
        }
        source.exec('DETACH DATABASE copy');
        // As compact as VACUUM INTO's copy of the same store (within a few pages per table).
        expect(statSync(path).size).toBeLessThanOrEqual(statSync(join(out, 'vacuum.sqlite3')).size * 1.05);
      }
      source.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a backup on the backup thread while calls keep being logged', () => {
  let app: ThreadedBackend;
  const clock = manualClock(start);
  const call = <T>(command: string, input: unknown) => answer<T>(app, command, input);
  beforeAll(async () => {
    const workerScript = await bundleForNode('electron/backend/threads/storeWorker.ts');
    app = await startThreadedBackend({ workerScript, dataDir, resourcesDir: dataDir, version: 'test', mode: 'browser', databaseKey: testDatabaseKey, testClock: clock, logError: () => undefined });
    await app.readersReady;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  }, 120_000);

  it('ends, holds one snapshot of the store, answers the calls while it copies, and restores', async () => {
    const leads = (await call<{ rows: { id: string }[] }>('callList.page', { limit: 200 })).rows.map((r) => r.id);
    // The generated store's tallies are counted by its first call: before the backup, so every
    // snapshot the backup can take holds them.
    await call('calls.log', { leadId: leads[0], startedAt: clock.now().toISOString(), endedAt: clock.now().toISOString(), outcome: 'no_answer' });
    const store = openKeyed(storePath());
    const callsIn = (db: Database.Database) => db.prepare('SELECT count(*) FROM calls').pluck().get() as number;
    const before = callsIn(store);
    let backupDone = false;
    const backup = app.dispatch('backup.create', {}).then((r) => ((backupDone = true), r as Result<{ name: string }>));
    // Calls one after another for as long as the backup runs: a copy that restarted whenever the
    // store was written would never end, and this loop with it.
    const answeredWhileCopying: boolean[] = [];
    for (let i = 0; !backupDone; i++) {
      await call('calls.log', { leadId: leads[i % leads.length], startedAt: clock.now().toISOString(), endedAt: clock.now().toISOString(), outcome: 'no_answer' });
      answeredWhileCopying.push(!backupDone);
    }
    const made = await backup;
    if (!made.ok) throw new Error(made.error.message);
    const after = callsIn(store);
    store.close();
    // Reported, never asserted: speed is the bench's business.
    console.log(`${answeredWhileCopying.length} calls logged one after another during the backup`);
    expect(answeredWhileCopying[0]).toBe(true);

    // One snapshot: each call's tallies were written in its own transaction, so a copy that read
    // the calls and their tallies at different moments would not add up.
    const copy = openKeyed(join(backupDir(dataDir), made.value.name));
    const copied = callsIn(copy);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    expect(copy.prepare('SELECT sum(calls) FROM call_tallies').pluck().get()).toBe(copied);
    expect(copy.prepare('SELECT count(*) FROM lead_exits WHERE call_id IS NOT NULL').pluck().get()).toBe(
      copy.prepare('SELECT count(*) FROM lead_exits x JOIN calls c ON c.id = x.call_id').pluck().get(),
    );
    copy.close();

    await call('backup.restore', { name: made.value.name, confirmed: true });
    expect((await call<{ total: number }>('callList.page', { limit: 1 })).total).toBeGreaterThan(0);
    const restored = openKeyed(storePath());
    expect(callsIn(restored)).toBe(copied);
    restored.close();
    await call('calls.log', { leadId: leads[0], startedAt: clock.now().toISOString(), endedAt: clock.now().toISOString(), outcome: 'no_answer' });
  }, 300_000);
});
