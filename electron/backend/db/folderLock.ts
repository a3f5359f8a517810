import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

export const lockFileName = 'koma.lock';

export class FolderInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(`Koma is already running on this folder (${dataDir}). Switch to that Koma, or close it and start again.`);
    this.name = 'FolderInUseError';
  }
}

export interface FolderLock {
  release(): void;
}

/**
 * One Koma per data folder. Two backends on one store would each think they own the outbox, the
 * backups and the import jobs. The lock is an exclusive lock held by the operating system on a small
 * SQLite file (`locking_mode=EXCLUSIVE` keeps the lock of the first write until the connection
 * closes, https://www.sqlite.org/pragma.html#pragma_locking_mode): it is fcntl on POSIX and
 * LockFileEx on Windows, so it dies with the process — a killed Koma never leaves a stale lock that
 * a PID file would, and no lock is ever judged by age.
 */
export function lockDataFolder(dataDir: string): FolderLock {
  // timeout 0: the second Koma is told at once, never after a wait.
  const db = new Database(join(dataDir, lockFileName), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL) STRICT');
      db.exec('DELETE FROM holder');
      db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    }).exclusive();
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new FolderInUseError(dataDir);
    throw error;
  }
  return { release: () => db.close() };
}
