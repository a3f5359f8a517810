import Database from 'better-sqlite3-multiple-ciphers';
import { encryptInPlace, isPlainDatabaseFile, unlock, type DatabaseKey } from './encryption';
import { assertKnownVersion, migrate } from './migrate';

export type Db = Database.Database;

declare const readonlyBrand: unique symbol;
/** A reader thread's connection: opened read-only; SQLite refuses any write on it. */
export type ReadonlyDb = Db & { readonly [readonlyBrand]: true };

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
    writeTransactionsImmediate(db);
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
  db.pragma(`cache_size = -${readerCacheKib}`);
}

/**
 * Page cache per connection, in KiB. Readers answer the list and searches: they keep the hot tables.
 * The writer thread's connection touches a few pages per write (index probes, the rows it changes),
 * and the backup thread's copy streams every page once, so a big cache would only hold memory: with
 * four connections in the threaded backend, the caches are most of its RSS (docs/performance.md).
 */
export const readerCacheKib = 32_768;
export const writerCacheKib = 8_192;
export const backupCacheKib = 2_048;

/** Sets the connection's page cache (KiB); it grows only as pages are used. */
export function setCacheSize(db: Db | ReadonlyDb, kib: number): void {
  db.pragma(`cache_size = -${Math.max(64, Math.floor(kib))}`);
}

/**
 * Every `db.transaction(fn)()` on a store connection begins with BEGIN IMMEDIATE: a deferred
 * transaction that reads first and writes later can hit SQLITE_BUSY at its first write *without*
 * the busy timeout helping (SQLite cannot wait there without risking a deadlock,
 * https://www.sqlite.org/lang_transaction.html), so with a second connection (a reader worker, the
 * backup worker) a write could fail halfway. Taking the write lock up front makes a busy store wait
 * at BEGIN, where the busy timeout applies. Done once here so no call site can forget it;
 * `.deferred` stays available for the rare read-only transaction.
 */
export function writeTransactionsImmediate(db: Db): void {
  const original = db.transaction.bind(db);
  const immediate = ((fn: (...args: never[]) => unknown) => {
    const tx = original(fn);
    const run = (...args: never[]) => tx.immediate(...args);
    return Object.assign(run, { default: tx.immediate, deferred: tx.deferred, immediate: tx.immediate, exclusive: tx.exclusive });
  }) as Db['transaction'];
  Object.defineProperty(db, 'transaction', { value: immediate, configurable: true });
}

/**
 * A reader thread's connection: read-only at the file level, so SQLite itself refuses a write from
 * a handler declared as a read. WAL lets it read a consistent snapshot while the writer commits.
 * Opened only after the writer has recovered and migrated the store.
 */
export function openReader(path: string, key: DatabaseKey | null, cacheKib = readerCacheKib): ReadonlyDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    if (key) unlock(db, key);
    db.pragma('busy_timeout = 5000');
    setCacheSize(db as ReadonlyDb, cacheKib);
    return db as ReadonlyDb;
  } catch (error) {
    db.close();
    throw error;
  }
}
