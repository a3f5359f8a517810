import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';
import type { SecretStore } from './types';

const keyBytes = 32;
const ivBytes = 12;
/** Binds the ciphertext to its purpose and format version. */
const aad = Buffer.from('koma-secrets-v1');

const fileSchema = z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), data: z.string() });

export interface FileSecretStoreOptions {
  fileName?: string;
  keyFileName?: string;
  /** A key held elsewhere (the desktop app derives it from the keychain-protected database key); no key file then. */
  key?: Buffer;
}

/**
 * Browser mode's secret store: one AES-256-GCM encrypted file of all secrets, with a random key in
 * a separate 0600 key file beside the data. It keeps secrets out of the database, backups of it
 * and logs, and out of plain sight on disk; it cannot protect from someone who can read both files
 * as the same user — the desktop app's safeStorage store (OS keychain) can. Writes are atomic and
 * serialised, so a crash leaves the previous or the new set, never a torn file.
 */
export function createFileSecretStore(dir: string, options: FileSecretStoreOptions = {}): SecretStore {
  const dataPath = join(dir, options.fileName ?? 'secrets.enc');
  const keyPath = join(dir, options.keyFileName ?? 'secrets.key');
  let queue: Promise<unknown> = Promise.resolve();

  function key(): Buffer {
    if (options.key) {
      if (options.key.length !== keyBytes) throw new Error('A secret store key is 32 bytes');
      return options.key;
    }
    if (existsSync(keyPath)) {
      const existing = readFileSync(keyPath);
      if (existing.length !== keyBytes) throw new Error(`The secret key file ${keyPath} is damaged; sign in again after removing it.`);
      return existing;
    }
    mkdirSync(dir, { recursive: true });
    const fresh = randomBytes(keyBytes);
    writeFileAtomic(keyPath, fresh, 0o600);
    return fresh;
  }

  function readAll(): Record<string, string> {
    if (!existsSync(dataPath)) return {};
    const file = fileSchema.parse(JSON.parse(readFileSync(dataPath, 'utf8')));
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(file.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]);
    return z.record(z.string(), z.string()).parse(JSON.parse(plain.toString('utf8')));
  }

  function writeAll(entries: Record<string, string>): void {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', key(), iv);
    cipher.setAAD(aad);
    const data = Buffer.concat([cipher.update(JSON.stringify(entries), 'utf8'), cipher.final()]);
    const file = { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    writeFileAtomic(dataPath, JSON.stringify(file), 0o600);
    if (process.platform !== 'win32') chmodSync(dataPath, 0o600);
  }

  function serialised<T>(work: () => T): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    get: (name) => serialised(() => readAll()[name] ?? null),
    set: (name, value) =>
      serialised(() => {
        writeAll({ ...readAll(), [name]: value });
      }),
    delete: (name) =>
      serialised(() => {
        const entries = readAll();
        if (!(name in entries)) return;
        delete entries[name];
        writeAll(entries);
      }),
  };
}
