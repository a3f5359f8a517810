import Database from 'better-sqlite3-multiple-ciphers';
import { encryptInPlace, isPlainDatabaseFile, unlock, type DatabaseKey } from './encryption';
import { assertKnownVersion, migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens the store with durability set explicitly on every open: the bundled SQLite
 * falls back to synchronous=NORMAL when a WAL database is reopened, which can lose the last
 * commits on power loss. Nothing the rep saved may be lost, so FULL, always.
 */
export function openDatabase(path: string, key: DatabaseKey | null): Db {
  const plain = isPlainDatabaseFile(path);
  const db = new Database(path);
  try {
    // With a key the store is encrypted at rest (SQLCipher-compatible): a lost laptop shows no
    // prospect data. A plain database from before is encrypted in place on its first keyed open.
    if (key && plain) {
      // Refuse a newer store before touching it: encrypting it would already be a change.
      assertKnownVersion(db);
      encryptInPlace(db, path, key);
    }
    else if (key) unlock(db, key);
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
  // Every page read from disk is decrypted: a page cache that holds the hot tables (a year's leads
  // are ~30 MB) keeps the call list and searches from decrypting the same pages again. It grows
  // only as pages are used.
  db.pragma('cache_size = -32768');
}
