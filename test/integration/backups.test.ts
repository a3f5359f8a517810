import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { backupDir, keepDays, listBackups } from '../../electron/backend/db/backups';
import { manualClock } from '../../shared/domain/clock';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, nextTurn, type TempBackend } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';

let temp: TempBackend;
const day = 86_400_000;
const leadCount = (t: TempBackend) => (t.backend.context.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;

beforeEach(() => {
  temp = createTempBackend();
  seedLeads(temp.backend, [{ id: 'a', company: '株式会社サクラテック', name: '山田 太郎' }]);
});
afterEach(() => temp.close());

describe('backups', () => {
  it('makes an online backup that checks out, and keeps the newest of each of the last seven days', async () => {
    // Two on the first day, then one a day for nine more days: ten days in all.
    await temp.call('backup.create', {});
    temp.clock.advance(3_600_000);
    for (let i = 0; i < 10; i++) {
      await temp.call('backup.create', {});
      temp.clock.advance(day);
    }
    const { backups } = await temp.call('backup.list', {});
    expect(new Set(backups.map((b) => b.createdAt.slice(0, 10))).size).toBe(keepDays);
    expect(backups).toHaveLength(keepDays);
    expect(readdirSync(backupDir(temp.dataDir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('a backup made after the clock was set back is kept, not rotated away as an older one of its day', async () => {
    temp.clock.advance(3_600_000);
    await temp.call('backup.create', {});
    temp.clock.advance(-1_800_000);
    const made = await temp.call('backup.create', {});
    expect((await temp.call('backup.list', {})).backups.map((b) => b.name)).toContain(made.name);
  });

  it('a backend with automatic backups makes today\'s soon after start, once', async () => {
    const { dataDir } = temp;
    temp.close({ keepData: true });
    const started = () => createBackend({ dataDir, resourcesDir: dataDir, mode: 'browser', databaseKey: testDatabaseKey, version: 'test', clock: manualClock(new Date('2025-04-07T00:00:00.000Z')), autoBackup: true, firstBackupDelayMs: 0 });
    for (let round = 0; round < 2; round++) {
      const backend = started();
      for (let i = 0; i < 1000 && listBackups(dataDir).length === 0; i++) await nextTurn();
      await nextTurn();
      backend.close();
    }
    expect(listBackups(dataDir).map((b) => b.createdAt)).toEqual(['2025-04-07T00:00:00.000Z']);
    temp = createTempBackend({ dataDir });
  });

  it('restores a backup online, keeps a safety copy of what it replaced, and the app works on', async () => {
    const { name } = await temp.call('backup.create', {});
    seedLeads(temp.backend, [{ id: 'b', company: '北斗物流株式会社', name: '佐藤 花子' }]);
    expect(leadCount(temp)).toBe(2);
    temp.clock.advance(60_000);

    const restored = await temp.call('backup.restore', { name, confirmed: true });
    expect(restored.safetyBackup.name).toMatch(/-prerestore\.sqlite3$/);
    expect(leadCount(temp)).toBe(1);
    expect((await temp.call('callList.page', {})).rows.map((r) => r.id)).toEqual(['a']);
    // The restore itself can be undone from the safety copy.
    await temp.call('backup.restore', { name: restored.safetyBackup.name, confirmed: true });
    expect(leadCount(temp)).toBe(2);
  });

  it.each([
    ['without the confirmation', { name: 'koma-20250407-000000.sqlite3' }, 'invalid_input'],
    ['a path instead of a name', { name: '../koma.sqlite3', confirmed: true }, 'invalid_input'],
    ['a backup that does not exist', { name: 'koma-20990101-000000.sqlite3', confirmed: true }, 'conflict'],
  ])('refuses a restore %s and changes nothing', async (_case, payload, code) => {
    expect((await temp.callError('backup.restore', payload)).code).toBe(code);
    expect(leadCount(temp)).toBe(1);
  });

  it('refuses a damaged backup', async () => {
    const { name } = await temp.call('backup.create', {});
    writeFileSync(join(backupDir(temp.dataDir), name), 'not a database at all');
    const error = await temp.callError('backup.restore', { name, confirmed: true });
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toContain('damaged');
    expect(leadCount(temp)).toBe(1);
  });

  it('replaces a damaged database at start with the newest good backup and says so', async () => {
    await temp.call('backup.create', {});
    const { dataDir } = temp;
    temp.close({ keepData: true });
    const path = join(dataDir, 'koma.sqlite3');
    // Scribble over the middle of the file, as a failing disk would.
    const { openSync, writeSync, closeSync, statSync } = await import('node:fs');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.max(4096, statSync(path).size - 8192));
    writeSync(fd, Buffer.alloc(100, 0xff), 0, 100, 0);
    closeSync(fd);

    temp = createTempBackend({ dataDir });
    const info = await temp.call('app.info', {});
    expect(info.recovery?.restoredFrom).toMatch(/^koma-.*\.sqlite3$/);
    expect(existsSync(info.recovery!.damagedFileKeptAt)).toBe(true);
    expect(leadCount(temp)).toBe(1);
  });
});
