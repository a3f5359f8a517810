import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens the store with durability set explicitly on every open: better-sqlite3-multiple-ciphers's bundled SQLite
 * falls back to synchronous=NORMAL when a WAL database is reopened, which can lose the last
 * commits on power loss. Nothing the rep saved may be lost, so FULL, always.
 */
export function openDatabase(path: string): Db {
  const db = new Database(path);
  try {
    applyPragmas(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
