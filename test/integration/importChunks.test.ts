import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../shared/contract/imports';
import { startImport } from '../../electron/backend/app/imports/runImport';
import { takeBatch } from '../../electron/backend/sync/outbox';
import { importCsv, waitForImport } from '../helpers/imports';
import { createTempBackend, nextTurn, tableCounts, type TempBackend } from '../helpers/tempBackend';

/**
 * An import writes in chunks, each its own transaction (app/imports/chunks.ts), and is still all or
 * nothing for the rep: one that fails after some chunks committed, or that Koma stops in the middle,
 * leaves the store exactly as it was; while it writes, its new leads are nowhere to be seen.
 */
const header = '会社名,姓,名,役職,電話番号,メール,リードソース';
const yamada = '株式会社見本精機,髙橋,太郎,部長,03-0000-1001,taro@mihon.example.co.jp,セミナー';
const sato = '株式会社見本精機,山﨑,花子,課長,03-0000-1002,hanako@mihon.example.co.jp,展示会';
const first = [header, yamada, sato].join('\r\n');

/** The second file: Yamada's title changes (an update), then 60 people at new companies (inserts). */
function second(failAt?: number): string {
  const rows = [yamada.replace('部長', '本部長')];
  for (let i = 0; i < 60; i++) rows.push(`㈱チャンク商事${i},佐藤,${i === failAt ? '失敗' : `次郎${i}`},担当,03-1111-${String(2000 + i)},,展示会`);
  return [header, ...rows].join('\r\n');
}

function snapshot(temp: TempBackend) {
  const db = temp.backend.context.db;
  return {
    counts: tableCounts(temp.backend),
    leads: db.prepare('SELECT id, full_name, title, email, phone, phone_key, source, search_text, score, notes, updated_at FROM leads ORDER BY id').all(),
    companies: db.prepare('SELECT id, name, website, industry, employees, phone, updated_at FROM companies ORDER BY id').all(),
  };
}

async function startSecond(temp: TempBackend, failAt?: number): Promise<ImportJob> {
  const bytes = Buffer.from(second(failAt));
  // 10 rows a transaction, so several chunks commit before the failure or the stop.
  return startImport(temp.backend.context, { fileName: 'second.csv', load: () => Promise.resolve(bytes) }, 'auto', { chunkRows: 10, logError: () => undefined });
}

let temp: TempBackend;
beforeEach(async () => {
  temp = createTempBackend();
  expect((await importCsv(temp, 'first.csv', first)).phase).toBe('done');
});
afterEach(() => temp?.close());

describe('an import written in chunks', () => {
  it('lands every row and reports progress while writing', async () => {
    let job = await startSecond(temp);
    const progress: number[] = [];
    while (job.phase !== 'done' && job.phase !== 'failed') {
      if (job.phase === 'writing') progress.push(job.processed);
      await nextTurn();
      job = await temp.call('import.status', { jobId: job.jobId });
    }
    expect(job.result).toMatchObject({ inserted: 60, updated: 1 });
    // Progress moved chunk by chunk (10 rows each), never backwards.
    expect(new Set(progress).size).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect((await temp.call('leads.search', { search: '次郎59', status: null, limit: 10 })).rows).toHaveLength(1);
    // Every new lead is in the queue: 2 + 60 callable leads listed.
    expect((await temp.call('callList.page', { limit: 5 })).total).toBe(62);
    expect(temp.backend.context.db.prepare("SELECT count(*) AS n FROM imports WHERE state <> 'done'").get()).toEqual({ n: 0 });
    expect(tableCounts(temp.backend).import_undo).toBe(0);
    // Chunks commit without waiting for the disk; every other write still waits (FULL).
    expect(temp.backend.context.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('a failure after some chunks committed leaves the store exactly as it was', async () => {
    // Yamada is in the CRM: the new title queues a lead/details change in chunk 1, which the undo drops.
    temp.backend.context.db.prepare("UPDATE leads SET crm_id = '00Q000000000001AAA' WHERE email = 'taro@mihon.example.co.jp'").run();
    const before = snapshot(temp);
    // A real SQLite error on the 46th row (chunk 5): chunks 1–4 have committed by then.
    temp.backend.context.db.exec("CREATE TEMP TRIGGER fail_import BEFORE INSERT ON main.leads WHEN NEW.first_name = '失敗' BEGIN SELECT RAISE(ABORT, 'injected'); END");
    let sawCommitted = false;
    let job = await startSecond(temp, 45);
    while (job.phase !== 'done' && job.phase !== 'failed') {
      // While it writes, committed chunks are hidden from the list and the search; Yamada's update is journaled.
      if (job.phase === 'writing' && job.processed >= 20) {
        sawCommitted = true;
        expect(temp.backend.context.db.prepare("SELECT count(*) AS n FROM leads WHERE first_name LIKE '次郎%'").get()).not.toEqual({ n: 0 });
        expect((await temp.call('leads.search', { search: 'チャンク', status: null, limit: 10 })).rows).toEqual([]);
        expect((await temp.call('callList.page', { limit: 5 })).total).toBe(2);
        const db = temp.backend.context.db;
        expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'lead' AND op = 'details'").get()).toEqual({ n: 1 });
        // ...and the sync engine holds it back while the import can still be undone.
        expect(db.transaction(() => takeBatch(db, temp.clock.now(), 200))().filter((item) => item.entity === 'lead')).toEqual([]);
      }
      await nextTurn();
      job = await temp.call('import.status', { jobId: job.jobId });
    }
    expect(sawCommitted).toBe(true);
    expect(job.phase).toBe('failed');
    expect(job.error).toMatch(/nothing was imported/);
    expect(temp.backend.context.db.pragma('synchronous', { simple: true })).toBe(2);
    const after = snapshot(temp);
    expect(after.counts).toEqual(before.counts);
    expect(after.leads).toEqual(before.leads);
    expect(after.companies).toEqual(before.companies);
  });

  it('an import Koma stopped in the middle is undone at the next start', async () => {
    const before = snapshot(temp);
    let job = await startSecond(temp);
    while (!(job.phase === 'writing' && job.processed >= 30)) {
      await nextTurn();
      job = await temp.call('import.status', { jobId: job.jobId });
    }
    // Koma stops between two chunks: three have committed, the import is still 'writing'.
    const dataDir = temp.dataDir;
    temp.close({ keepData: true });
    await nextTurn();
    temp = createTempBackend({ dataDir, idPrefix: 'restarted' });
    const after = snapshot(temp);
    expect(after.counts).toEqual(before.counts);
    expect(after.leads).toEqual(before.leads);
    expect(after.companies).toEqual(before.companies);
    // And a new import of the same file goes through.
    const again = await startSecond(temp);
    expect((await waitForImport(temp, again)).result).toMatchObject({ inserted: 60, updated: 1 });
  });

  it('an import Koma stopped while publishing is finished at the next start: its leads join the list', async () => {
    const job = await waitForImport(temp, await startSecond(temp));
    const db = temp.backend.context.db;
    const importId = job.result!.importId;
    // As a stop between the last chunk and the end of publishing leaves it: state, hidden leads, journal rows.
    db.prepare("UPDATE imports SET state = 'publishing' WHERE id = ?").run(importId);
    db.prepare('UPDATE leads SET queue_bucket = 0, queue_changes_at = NULL WHERE import_id = ?').run(importId);
    db.prepare("INSERT INTO import_undo (import_id, entity, row_id, old) VALUES (?, 'company', 'c-gone', NULL)").run(importId);
    expect((await temp.call('callList.page', { limit: 5 })).total).toBe(2);
    const dataDir = temp.dataDir;
    temp.close({ keepData: true });
    temp = createTempBackend({ dataDir, idPrefix: 'restarted' });
    expect((await temp.call('callList.page', { limit: 5 })).total).toBe(62);
    expect(temp.backend.context.db.prepare('SELECT state FROM imports WHERE id = ?').get(importId)).toEqual({ state: 'done' });
    expect(tableCounts(temp.backend).import_undo).toBe(0);
  });
});
