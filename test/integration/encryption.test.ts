import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../electron/backend/db/backups';
import { DatabaseKeyError, isPlainDatabaseFile } from '../../electron/backend/db/encryption';
import { keyFileName, loadOrCreateKeyFile } from '../../electron/backend/db/keyFile';
import { openDatabase } from '../../electron/backend/db/open';
import { importSample } from '../helpers/imports';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koma-enc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of the store on disk: the database, its WAL, and the backups. */
function storeFiles(dataDir: string): string[] {
  const files = readdirSync(dataDir).filter((f) => f.startsWith('koma.sqlite3')).map((f) => join(dataDir, f));
  const backups = existsSync(backupDir(dataDir)) ? readdirSync(backupDir(dataDir)).map((f) => join(backupDir(dataDir), f)) : [];
  return [...files, ...backups];
}

// Names from the sample call list (resources/sample-call-list.csv).
const prospectTexts = ['株式会社サクラ製作所', '長谷川', 'kazuya.kimura', '03-0000-1610'];

describe('encryption at rest', () => {
  let temp: TempBackend;
  afterEach(() => temp?.close());

  it('the database, its WAL and its backups are not plain SQLite and hold no prospect data as plain text', async () => {
    temp = createTempBackend();
    await importSample(temp);
    await temp.call('backup.create', {});
    const { rows } = await temp.call('callList.page', { search: '長谷川' });
    expect(rows.length).toBeGreaterThan(0);

    const files = storeFiles(temp.dataDir);
    expect(files.some((f) => f.endsWith('-wal') && statSync(f).size > 0)).toBe(true);
    expect(files.some((f) => f.includes('backups'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(isPlainDatabaseFile(file), file).toBe(false);
      for (const text of prospectTexts) expect(bytes.includes(Buffer.from(text, 'utf8')), `${text} in ${file}`).toBe(false);
    }
    const { dataDir } = temp;
    temp.close({ keepData: true });
    const plain = new Database(join(dataDir, 'koma.sqlite3'));
    expect(() => plain.prepare('SELECT count(*) FROM leads').get()).toThrow(/not a database/);
    plain.close();
    temp = createTempBackend({ dataDir });
  });

  it('a plain database from before is encrypted in place on its first keyed open, keeping its data', () => {
    const path = join(dir, 'koma.sqlite3');
    const before = openDatabase(path, null);
    before.prepare("INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', '株式会社サクラ製作所', 'k', 'x', 'x')").run();
    before.close();
    expect(isPlainDatabaseFile(path)).toBe(true);

    const after = openDatabase(path, testDatabaseKey);
    expect(after.prepare('SELECT name FROM companies').get()).toEqual({ name: '株式会社サクラ製作所' });
    after.pragma('wal_checkpoint(TRUNCATE)');
    after.close();
    expect(isPlainDatabaseFile(path)).toBe(false);
    expect(readFileSync(path).includes(Buffer.from('株式会社サクラ製作所'))).toBe(false);
    expect(existsSync(`${path}.before-encryption`)).toBe(false);
  });

  it('a wrong key is refused with a clear error and the file is left as it was', () => {
    const path = join(dir, 'koma.sqlite3');
    openDatabase(path, testDatabaseKey).close();
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(() => openDatabase(path, 'ab'.repeat(32))).toThrow(DatabaseKeyError);
    expect(() => openDatabase(path, 'ab'.repeat(32))).toThrow(/cannot be unlocked/);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(hash);
  });
});

describe("browser mode's key file", () => {
  it('is created once with owner-only permissions, then reused', () => {
    const key = loadOrCreateKeyFile(dir);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, keyFileName)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(dir)).toBe(key);
  });
});
