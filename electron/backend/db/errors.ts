import { KomaError, type ErrorCode } from '../../../shared/contract';

/**
 * What went wrong in the store, in the words a rep can act on. SQLite reports faults by result code
 * (https://www.sqlite.org/rescode.html): the primary code is the part before the first "_" after
 * "SQLITE_", extended codes add a suffix (SQLITE_IOERR_WRITE). Node's own file errors (a backup or a
 * key file) carry errno names. Classified once, here, like Signal Desktop's ts/sql/errors.ts, so no
 * handler ever says "failed" without saying why and whether the rep's work is safe.
 */
export type StoreFaultKind = Extract<ErrorCode, 'disk_full' | 'store_busy' | 'store_io' | 'store_damaged' | 'key_refused'>;

export const storeFaultMessages: Record<StoreFaultKind, string> = {
  disk_full: 'The disk is full — free some space and try again; everything you saved before is safe.',
  store_busy: 'Koma’s data is busy with another task — try again in a moment; everything you saved before is safe.',
  store_io: 'Koma could not read or write its data file (the disk or folder refused) — check the disk and try again; everything you saved before is safe.',
  store_damaged: 'Koma’s data file is damaged — restart Koma to restore it from the newest backup.',
  key_refused: 'Koma’s data cannot be unlocked with this key — the key store was reset or the file belongs to another key.',
};

// Result codes per https://www.sqlite.org/rescode.html; errno names per Node's fs errors.
const byPrimaryCode: Record<string, StoreFaultKind> = {
  SQLITE_FULL: 'disk_full',
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  SQLITE_BUSY: 'store_busy',
  SQLITE_LOCKED: 'store_busy',
  SQLITE_IOERR: 'store_io',
  SQLITE_CANTOPEN: 'store_io',
  SQLITE_READONLY: 'store_io',
  SQLITE_PERM: 'store_io',
  EIO: 'store_io',
  EACCES: 'store_io',
  EPERM: 'store_io',
  EROFS: 'store_io',
  SQLITE_CORRUPT: 'store_damaged',
  SQLITE_NOTADB: 'store_damaged',
  SQLITE_AUTH: 'key_refused',
};

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** The kind of store fault behind an error, or null when it is not one (a bug: logged as internal). */
export function classifyStoreError(error: unknown): StoreFaultKind | null {
  const code = codeOf(error);
  if (!code) return null;
  // SQLITE_IOERR_NOMEM and the like share their primary code's meaning; SQLITE_IOERR_* of a full
  // disk still says "full" in some VFS paths, so the full-disk check looks at the whole code first.
  if (/^SQLITE_IOERR_(WRITE|FSYNC|TRUNCATE)$/.test(code) && /full|ENOSPC/i.test(String((error as Error).message))) return 'disk_full';
  const primary = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  return byPrimaryCode[primary] ?? null;
}

/** The error as the contract carries it: a store fault becomes its plain KomaError, anything else stays. */
export function toStoreFault(error: unknown): KomaError | null {
  const kind = classifyStoreError(error);
  return kind ? new KomaError(kind, storeFaultMessages[kind]) : null;
}
