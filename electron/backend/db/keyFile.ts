import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDatabaseKey, isPlainDatabaseFile, type DatabaseKey } from './encryption';

export const keyFileName = 'koma.key';

export class KeyFileMissingError extends Error {
  constructor(readonly path: string) {
    super(
      `Koma's key file is missing: ${path}. Your data is encrypted with it, so Koma cannot open it without it and did not make a new one. ` +
        'Put the key file back (from where you keep copies of this folder) and start Koma again.',
    );
    this.name = 'KeyFileMissingError';
  }
}

/** A fresh random 256-bit key. */
export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex');
}

/**
 * Browser mode's key: a 0600 file beside the data. A store that exists without its key is reported
 * as such: a fresh key would only make Koma refuse the store as "locked with another key", or worse
 * tempt someone to start over. Weaker than the desktop app's OS keychain (any
 * process of the same user can read it, and it sits next to the file it unlocks), which the UI says.
 * Created on first run, atomically, so a crash never leaves half a key.
 */
export function loadOrCreateKeyFile(dataDir: string, storeFileName = 'koma.sqlite3'): DatabaseKey {
  const path = join(dataDir, keyFileName);
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (!isDatabaseKey(key)) throw new Error(`${path} is not a Koma key file (64 hex digits expected).`);
    return key;
  }
  const store = join(dataDir, storeFileName);
  // A plain store (from before encryption) needs no key yet: its first keyed open encrypts it.
  if (existsSync(store) && !isPlainDatabaseFile(store)) throw new KeyFileMissingError(path);
  const key = newDatabaseKey();
  const partial = `${path}.partial`;
  writeFileSync(partial, `${key}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, path);
  return key;
}
