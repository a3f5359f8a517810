import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDatabaseKey, type DatabaseKey } from './encryption';

export const keyFileName = 'koma.key';

/** A fresh random 256-bit key. */
export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex');
}

/**
 * Browser mode's key: a 0600 file beside the data. Weaker than the desktop app's OS keychain (any
 * process of the same user can read it, and it sits next to the file it unlocks), which the UI says.
 * Created on first run, atomically, so a crash never leaves half a key.
 */
export function loadOrCreateKeyFile(dataDir: string): DatabaseKey {
  const path = join(dataDir, keyFileName);
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (!isDatabaseKey(key)) throw new Error(`${path} is not a Koma key file (64 hex digits expected).`);
    return key;
  }
  const key = newDatabaseKey();
  const partial = `${path}.partial`;
  writeFileSync(partial, `${key}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, path);
  return key;
}
