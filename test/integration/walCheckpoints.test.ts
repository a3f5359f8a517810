import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCheckpointer, type Checkpointer } from '../../electron/backend/db/checkpoints';
import { openDatabase, type Db } from '../../electron/backend/db/open';
import { testDatabaseKey } from '../helpers/testKey';

/**
 * The threads' writer leaves checkpoints to a reader (db/checkpoints.ts). Shown on a real encrypted
 * store by the WAL file itself: once the checkpointer has copied every frame, the writer's next
 * transaction starts the WAL over instead of growing it — and without the checkpointer it grows.
 */
let dir: string;
let db: Db | null = null;
let checkpointer: Checkpointer | null = null;
afterEach(() => {
  checkpointer?.close();
  checkpointer = null;
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

function store(): { db: Db; wal: () => number } {
  dir = mkdtempSync(join(tmpdir(), 'koma-wal-'));
  const path = join(dir, 'koma.sqlite3');
  db = openDatabase(path, testDatabaseKey);
  // As the threads' writer, with its backstop out of reach of this test.
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { db, wal: () => statSync(`${path}-wal`).size };
}

/** About 1,500 pages of notes (a long day of call notes), in one transaction. */
const writeNotes = (db: Db, round: number) =>
  db.transaction(() => {
    const insert = db.prepare('INSERT INTO notes (id, body) VALUES (?, ?)');
    for (let i = 0; i < 1_500; i++) insert.run(round * 10_000 + i, `折り返し希望。担当の髙橋様は来週火曜まで出張。${'議事メモ'.repeat(700)}`);
  })();

describe('WAL checkpoints on a connection of their own', () => {
  it('copies every frame while the writer goes on, so the WAL starts over instead of growing', async () => {
    const { db, wal } = store();
    writeNotes(db, 1);
    const afterOne = wal();
    checkpointer = startCheckpointer(join(dir, 'koma.sqlite3'), testDatabaseKey, () => undefined, 10);
    // Waits on the checkpointer's own account of the WAL, not on a time window.
    await vi.waitFor(() => {
      const last = checkpointer!.last;
      expect(last && last.log > 0 && last.checkpointed === last.log).toBe(true);
    }, { timeout: 60_000, interval: 20 });
    writeNotes(db, 2);
    expect(wal()).toBeLessThanOrEqual(afterOne * 1.05);
    expect((db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(3_000);
  });

  it('without it the WAL only grows (the writer checkpoints nothing below its backstop)', () => {
    const { db, wal } = store();
    writeNotes(db, 1);
    const afterOne = wal();
    writeNotes(db, 2);
    expect(wal()).toBeGreaterThan(afterOne * 1.8);
  });
});
