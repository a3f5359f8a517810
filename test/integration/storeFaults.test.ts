import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storeFaultMessages } from '../../electron/backend/db/errors';
import { FolderInUseError } from '../../electron/backend/db/folderLock';
import { KeyFileMissingError, keyFileName, loadOrCreateKeyFile } from '../../electron/backend/db/keyFile';
import { bundleForNode, repoRoot } from '../helpers/bundle';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';

let temp: TempBackend | null = null;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  temp?.close();
  temp = null;
});

let holdFolder: string;
beforeAll(async () => {
  holdFolder = await bundleForNode('test/processes/holdFolder.ts');
}, 60_000);

/** Starts a second Koma process on the folder and resolves with its first line: "ready" or "refused: …". */
function secondKoma(dataDir: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [holdFolder], {
    env: { ...process.env, KOMA_DATA_DIR: dataDir, KOMA_DATABASE_KEY: testDatabaseKey, NODE_PATH: join(repoRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, line }));
    child.once('error', reject);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

describe('one Koma per data folder', () => {
  it('refuses a second backend in this process, in plain words', () => {
    temp = createTempBackend();
    expect(() => createTempBackend({ dataDir: temp!.dataDir })).toThrow(FolderInUseError);
    expect(() => createTempBackend({ dataDir: temp!.dataDir })).toThrow(/Koma is already running on this folder/);
  });

  it('refuses a second process while the first runs, and lets the folder go when the first is killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koma-lock-'));
    try {
      const first = await secondKoma(dataDir);
      expect(first.line).toBe('ready');
      const second = await secondKoma(dataDir);
      expect(second.line).toMatch(/^refused: Koma is already running on this folder/);
      await exited(second.child);
      expect(second.child.exitCode).toBe(3);
      // In this process too, while the other holds it.
      expect(() => createTempBackend({ dataDir })).toThrow(FolderInUseError);
      // SIGKILL leaves no stale lock: the OS drops it with the process.
      first.child.kill('SIGKILL');
      await exited(first.child);
      temp = createTempBackend({ dataDir });
      const third = await secondKoma(dataDir);
      expect(third.line).toMatch(/^refused: /);
    } finally {
      temp?.close({ keepData: true });
      temp = null;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('write transactions', () => {
  it('begin IMMEDIATE: the write lock is taken before the first statement, not at the first write', () => {
    temp = createTempBackend();
    const db = temp.backend.context.db;
    const other = new Database(join(temp.dataDir, 'koma.sqlite3'), { timeout: 0 });
    try {
      other.pragma(`cipher = 'sqlcipher'`);
      other.pragma('legacy = 4');
      other.pragma(`key = "x'${testDatabaseKey}'"`);
      let otherWrite: string | null = null;
      db.transaction(() => {
        // Only a read so far; a deferred transaction would not hold the write lock yet.
        db.prepare('SELECT count(*) FROM leads').get();
        try {
          other.exec('BEGIN IMMEDIATE');
          other.exec('ROLLBACK');
          otherWrite = 'got the lock';
        } catch (error) {
          otherWrite = (error as { code: string }).code;
        }
      })();
      expect(otherWrite).toBe('SQLITE_BUSY');
    } finally {
      other.close();
    }
  });
});

describe('a full disk', () => {
  it('answers in plain words and loses nothing that was acknowledged', async () => {
    temp = createTempBackend({ logError: () => undefined });
    const ids = seedLeads(temp.backend, Array.from({ length: 40 }, (_, i) => ({ company: `株式会社テスト${i}`, name: `山田 ${i}`, phone: `03-1000-${String(i).padStart(4, '0')}` })));
    const db = temp.backend.context.db;
    // SQLite itself answers SQLITE_FULL once the file would grow past max_page_count
    // (https://www.sqlite.org/pragma.html#pragma_max_page_count): a disk that fills up, for real.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const acknowledged: string[] = [];
    let refusal: { code: string; message: string } | null = null;
    const long = '通話メモ'.repeat(400);
    for (const leadId of ids) {
      const result = await temp.send('calls.log', { leadId, startedAt: '2025-04-07T00:00:00.000Z', endedAt: '2025-04-07T00:03:00.000Z', outcome: 'no_answer', notes: long });
      if (result.ok) acknowledged.push((result.value as { callId: string }).callId);
      else {
        refusal = result.error;
        break;
      }
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refusal).toEqual({ code: 'disk_full', message: storeFaultMessages.disk_full });
    // Space comes back: the store works again and every acknowledged call is there after a restart.
    db.pragma('max_page_count = 1073741823');
    temp.close({ keepData: true });
    temp = createTempBackend({ dataDir: temp.dataDir });
    const stored = temp.backend.context.db.prepare<[], { id: string }>('SELECT id FROM calls').all().map((r) => r.id);
    expect(stored.sort()).toEqual([...acknowledged].sort());
    expect(temp.backend.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('the key file', () => {
  it('is made for a new folder, and reported missing (never replaced) for a folder with a store', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koma-key-'));
    try {
      const key = loadOrCreateKeyFile(dataDir);
      expect(existsSync(join(dataDir, keyFileName))).toBe(true);
      temp = createTempBackend({ dataDir });
      temp.close({ keepData: true });
      temp = null;
      expect(loadOrCreateKeyFile(dataDir)).toBe(key);
      rmSync(join(dataDir, keyFileName));
      expect(() => loadOrCreateKeyFile(dataDir)).toThrow(KeyFileMissingError);
      expect(() => loadOrCreateKeyFile(dataDir)).toThrow(/key file is missing: .*koma\.key/);
      expect(existsSync(join(dataDir, keyFileName))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
