import { closeSync, copyFileSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

/** A 256-bit database key as 64 hex digits; SQLCipher takes it raw, with no passphrase derivation. */
export type DatabaseKey = string;

export class DatabaseKeyError extends Error {
  constructor() {
    super(
      'The database cannot be unlocked with this key: it was encrypted with another key, or the key store was reset. ' +
        'Koma can start fresh and pull your leads from the CRM again; the locked file is kept.',
    );
    this.name = 'DatabaseKeyError';
  }
}

export function isDatabaseKey(key: string): boolean {
  return /^[0-9a-f]{64}$/.test(key);
}

/** A file starting with SQLite's magic header is a plain, unencrypted database. */
export function isPlainDatabaseFile(path: string): boolean {
  if (!existsSync(path) || statSync(path).size < 16) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

/** SQLCipher v4 compatible settings, the key given raw. Must be the first thing done on a connection. */
export function unlock(db: Database.Database, key: DatabaseKey): void {
  if (!isDatabaseKey(key)) throw new Error('A database key is 64 lowercase hex digits');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`legacy = 4`);
  db.pragma(`key = "x'${key}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    throw new DatabaseKeyError();
  }
}

/**
 * Encrypts an existing plain database in place (a database from before encryption, or one a test
 * made). A copy is kept until the encrypted file has been opened and checked, so a crash in the
 * middle loses nothing; the copy is then removed, since a plain copy is what encryption prevents.
 */
export function encryptInPlace(db: Database.Database, path: string, key: DatabaseKey): void {
  const copy = `${path}.before-encryption`;
  db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(path, copy);
  // Rekeying needs a rollback journal; WAL is set again by the caller's pragmas.
  db.pragma('journal_mode = DELETE');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`legacy = 4`);
  db.pragma(`rekey = "x'${key}'"`);
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new Error(`Encrypting the database failed its check (${String(check)}); the plain copy is kept at ${copy}`);
  rmSync(copy, { force: true });
}
