import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from './migrations';
import type { Db } from './open';

export interface BackupInfo {
  name: string;
  createdAt: string;
  sizeBytes: number;
}

/** How many days of daily backups are kept (the newest of each day). */
export const keepDays = 7;

const pattern = /^koma-(\d{8})-(\d{6})(-[a-z]+)?\.sqlite3$/;

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function createdAtOf(name: string): string | null {
  const m = pattern.exec(name);
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const createdAt = createdAtOf(name);
      return createdAt ? [{ name, createdAt, sizeBytes: statSync(join(dir, name)).size }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Is this file a whole SQLite database that a Koma of this version can open? */
export function checkDatabaseFile(path: string): { ok: true; version: number } | { ok: false; problem: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { ok: false, problem: String(check) };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) return { ok: false, problem: `written by a newer Koma (schema ${version})` };
    return { ok: true, version };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

/**
 * An online backup with SQLite's backup API (consistent while the rep keeps working), written
 * under a temporary name and renamed only once it checks out, so a backup in the list is whole.
 */
export async function createBackup(db: Db, dataDir: string, at: Date, suffix = ''): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  // Never overwrite a backup: two in the same second take the next free second.
  let when = at.getTime();
  while (existsSync(join(dir, `koma-${stamp(new Date(when))}${suffix}.sqlite3`))) when += 1000;
  const name = `koma-${stamp(new Date(when))}${suffix}.sqlite3`;
  const partial = join(dir, `${name}.partial`);
  rmSync(partial, { force: true });
  await db.backup(partial);
  // The copy inherits WAL mode; a backup should be one self-contained file that opens read-only.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const check = checkDatabaseFile(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new Error(`The backup did not check out: ${check.problem}`);
  }
  renameSync(partial, join(dir, name));
  rotateBackups(dataDir);
  return { name, createdAt: createdAtOf(name)!, sizeBytes: statSync(join(dir, name)).size };
}

/** Safety copies taken before a restore, kept apart from the daily rotation. */
export const keepSafetyCopies = 3;

/**
 * Keeps the newest daily backup of each of the last `keepDays` days that have one, and the newest
 * few safety copies (a restore's own backup must never rotate away the one being restored).
 */
export function rotateBackups(dataDir: string): void {
  const seenDays = new Set<string>();
  let safetyCopies = 0;
  for (const backup of listBackups(dataDir)) {
    const remove = () => rmSync(join(backupDir(dataDir), backup.name), { force: true });
    if (pattern.exec(backup.name)?.[3]) {
      if (++safetyCopies > keepSafetyCopies) remove();
      continue;
    }
    const day = backup.createdAt.slice(0, 10);
    if (seenDays.has(day) || seenDays.size >= keepDays) remove();
    else seenDays.add(day);
  }
}

/** Today's backup, unless there is one already. */
export async function ensureDailyBackup(db: Db, dataDir: string, at: Date): Promise<BackupInfo | null> {
  const today = at.toISOString().slice(0, 10);
  if (listBackups(dataDir).some((b) => b.createdAt.startsWith(today))) return null;
  return createBackup(db, dataDir, at);
}

/**
 * Restores a backup into the open database, online: the backup is checked first, the current data
 * is itself backed up ("-prerestore") so a restore can be undone, then SQLite's backup API copies
 * the backup's pages over the live file. The caller migrates afterwards (a backup may be older).
 */
export async function restoreBackup(db: Db, dataDir: string, name: string, at: Date): Promise<{ safetyBackup: BackupInfo }> {
  const path = join(backupDir(dataDir), name);
  if (!pattern.test(name) || !existsSync(path)) throw new Error(`No backup named ${name}`);
  const check = checkDatabaseFile(path);
  if (!check.ok) throw new Error(`The backup ${name} is damaged (${check.problem}); choose another.`);
  const safetyBackup = await createBackup(db, dataDir, at, '-prerestore');
  const source = new Database(path, { readonly: true });
  try {
    await source.backup(db.name);
  } finally {
    source.close();
  }
  return { safetyBackup };
}

/**
 * At start: a database that fails quick_check is moved aside (with its WAL) and the newest good
 * backup takes its place. Returns what happened, for the UI to tell the rep; null when all was well.
 */
export function recoverIfDamaged(databasePath: string, dataDir: string, at: Date): { restoredFrom: string | null; damagedFileKeptAt: string; problem: string } | null {
  if (!existsSync(databasePath)) return null;
  const check = checkDatabaseFile(databasePath);
  if (check.ok || check.problem.startsWith('written by a newer Koma')) return null;
  const keptAt = `${databasePath}.damaged-${stamp(at)}`;
  for (const ext of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + ext)) renameSync(databasePath + ext, keptAt + ext);
  }
  const good = listBackups(dataDir).find((b) => checkDatabaseFile(join(backupDir(dataDir), b.name)).ok);
  if (good) {
    const source = new Database(join(backupDir(dataDir), good.name), { readonly: true });
    try {
      source.exec(`VACUUM INTO '${databasePath.replace(/'/g, "''")}'`);
    } finally {
      source.close();
    }
  }
  return { restoredFrom: good?.name ?? null, damagedFileKeptAt: keptAt, problem: check.problem };
}
