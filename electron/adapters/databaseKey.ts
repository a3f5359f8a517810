import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';

export type KeyProtection = 'os_keychain' | 'plaintext_fallback';

/**
 * The database key, wrapped with Electron's safeStorage (the OS keychain: Keychain on macOS,
 * DPAPI on Windows, the secret service on Linux) in a file in userData. Created on first run.
 * On Linux without a keyring safeStorage falls back to a hard-coded password ("basic_text"):
 * the key is then effectively plain, which the app tells the rep.
 */
export function loadDatabaseKey(safeStorage: SafeStorage, userData: string, platform: NodeJS.Platform): { key: string; protection: KeyProtection } {
  const path = join(userData, 'koma.key.safe');
  const protection: KeyProtection =
    platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text' ? 'plaintext_fallback' : 'os_keychain';
  if (existsSync(path)) return { key: safeStorage.decryptString(readFileSync(path)), protection };
  // The store exists but its wrapped key does not: say so, never make a new key that cannot open it.
  if (isEncryptedStore(join(userData, 'koma.sqlite3'))) {
    throw new Error(`Koma's key file is missing: ${path}. Your data is encrypted with it, so Koma cannot open it and did not make a new key. Put the file back and start Koma again.`);
  }
  if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS keychain is not available, so Koma cannot protect its database key. Unlock your keychain and start Koma again.');
  const key = randomBytes(32).toString('hex');
  writeFileSync(`${path}.partial`, safeStorage.encryptString(key), { mode: 0o600 });
  renameSync(`${path}.partial`, path);
  return { key, protection };
}

/** A store whose first bytes are not SQLite's plain header was encrypted with a key (a plain one from before encryption needs none yet). */
function isEncryptedStore(path: string): boolean {
  if (!existsSync(path) || statSync(path).size < 16) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') !== 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}
