import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, listBackups, removeInterruptedBackups } from '../../electron/backend/db/backups';
import { walProblem } from '../../electron/backend/db/walCheck';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

const opened: TempBackend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close({ keepData: true });
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dataDir?: string): TempBackend {
  const t = createTempBackend(dataDir ? { dataDir } : {});
  opened.push(t);
  return t;
}

/**
 * What a power cut leaves: the store, its write-ahead log and the "open" marker as they are while
 * Koma runs (copied from a live backend, so nothing was checkpointed), plus the backups folder.
 */
function crashCopy(source: TempBackend): string {
  const dir = mkdtempSync(join(tmpdir(), 'koma-crashed-'));
  dirs.push(dir);
  for (const name of ['koma.sqlite3', 'koma.sqlite3-wal', 'koma.open']) copyFileSync(join(source.dataDir, name), join(dir, name));
  if (existsSync(backupDir(source.dataDir))) cpSync(backupDir(source.dataDir), backupDir(dir), { recursive: true });
  return dir;
}

/** Flips 64 bytes inside the page of a frame in the middle of the log, as a failing disk would. */
function damageWal(dir: string): void {
  const path = join(dir, 'koma.sqlite3-wal');
  const pageSize = 4096;
  const frames = Math.floor((statSync(path).size - 32) / (24 + pageSize));
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, 32 + Math.floor(frames / 3) * (24 + pageSize) + 24 + 512);
  closeSync(fd);
}

async function logThirtyCalls(t: TempBackend): Promise<string[]> {
  const ids = seedLeads(t.backend, Array.from({ length: 30 }, (_, i) => ({ company: `株式会社ミナト${i}`, name: `佐藤 ${i}`, phone: `03-2000-${String(i).padStart(4, '0')}` })));
  const calls: string[] = [];
  for (const leadId of ids) {
    const { callId } = await t.call('calls.log', { leadId, startedAt: '2025-04-06T23:50:00.000Z', endedAt: '2025-04-06T23:53:00.000Z', outcome: 'no_answer' });
    calls.push(callId);
  }
  return calls;
}

const storedCalls = (t: TempBackend) => t.backend.context.db.prepare<[], { id: string }>('SELECT id FROM calls').all().map((r) => r.id).sort();

describe('a write-ahead log SQLite cannot fully replay', () => {
  it('is detected, the newer backup holding every call is used, and the notice survives restarts until dismissed', async () => {
    const live = open();
    const calls = await logThirtyCalls(live);
    const backup = await live.call('backup.create', {});
    const dir = crashCopy(live);
    damageWal(dir);
    expect(walProblem(join(dir, 'koma.sqlite3'))).toMatch(/committed transaction/);

    const restarted = open(dir);
    const info = await restarted.call('app.info', {});
    expect(info.recovery).toMatchObject({ restoredFrom: backup.name, missingFrom: backup.createdAt, problem: expect.stringMatching(/write-ahead log is damaged/) });
    expect(Date.parse(info.recovery!.missingUntil!)).toBeGreaterThan(0);
    expect(existsSync(`${info.recovery!.damagedFileKeptAt}-wal`)).toBe(true);
    // Nothing acknowledged before the backup is lost: all 30 calls, with their outbox rows.
    expect(storedCalls(restarted)).toEqual([...calls].sort());

    // The notice stays through a restart (and a second one) until the rep dismisses it.
    restarted.close({ keepData: true });
    opened.splice(opened.indexOf(restarted), 1);
    const again = open(dir);
    expect((await again.call('app.info', {})).recovery?.restoredFrom).toBe(backup.name);
    expect((await again.call('backup.list', {})).recovery?.restoredFrom).toBe(backup.name);
    expect(await again.call('recovery.dismiss', {})).toEqual({ dismissed: true });
    again.close({ keepData: true });
    opened.splice(opened.indexOf(again), 1);
    expect((await open(dir).call('app.info', {})).recovery ?? null).toBeNull();
  });

  it('without a backup says so: nothing was restored, and everything up to the last write is missing', async () => {
    const live = open();
    await logThirtyCalls(live);
    const dir = crashCopy(live);
    damageWal(dir);
    const info = await open(dir).call('app.info', {});
    expect(info.recovery).toMatchObject({ restoredFrom: null, missingFrom: null });
  });

  it('a torn last transaction (never acknowledged) is a normal crash, not damage', async () => {
    const live = open();
    await logThirtyCalls(live);
    const dir = crashCopy(live);
    const path = join(dir, 'koma.sqlite3-wal');
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, size - 1000);
    closeSync(fd);
    expect(walProblem(join(dir, 'koma.sqlite3'))).toBeNull();
    expect((await open(dir).call('app.info', {})).recovery ?? null).toBeNull();
  });
});

describe('interrupted backups', () => {
  it('leave no .partial behind: the backup thread removes them before it starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koma-partial-'));
    dirs.push(dir);
    mkdirSync(backupDir(dir), { recursive: true });
    writeFileSync(join(backupDir(dir), 'koma-20250407-010000.sqlite3.partial'), 'half');
    writeFileSync(join(backupDir(dir), 'koma-20250407-010000.sqlite3.migrating'), 'half');
    writeFileSync(join(backupDir(dir), 'koma-20250406-010000.sqlite3'), 'whole');
    expect(removeInterruptedBackups(dir).sort()).toEqual(['koma-20250407-010000.sqlite3.migrating', 'koma-20250407-010000.sqlite3.partial']);
    expect(readdirSync(backupDir(dir))).toEqual(['koma-20250406-010000.sqlite3']);
    expect(listBackups(dir).map((b) => b.name)).toEqual(['koma-20250406-010000.sqlite3']);
  });
});
