import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseKeyError, isPlainDatabaseFile, unlock, type DatabaseKey } from './encryption';
import { migrate } from './migrate';
import { migrations } from './migrations';
import type { Recovery } from './recoveryNotice';
import { walProblem } from './walCheck';
import { backupPace, copyStore, type CopyPace } from './pacedCopy';
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

/** Is this file a whole SQLite database, readable with the key, that a Koma of this version can open? */
export function checkDatabaseFile(path: string, key: DatabaseKey | null): { ok: true; version: number } | { ok: false; problem: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (key) unlock(db, key);
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
 * A copy made from a read-only connection is the backup thread's, beside the writer: it rests
 * between chunks. From the writer's own connection (the single-connection backend, a restore's
 * safety copy) resting would only hold every other request longer.
 */
const paceFor = (db: Db): CopyPace | null => (db.readonly ? backupPace : null);

/**
 * An online backup (one consistent, compact file, encrypted with the store's own key: pacedCopy.ts),
 * written under a temporary name and renamed only once it checks out, so a backup in the list is
 * whole. On the backup thread the copy is paced (`paceFor`) so calls logged meanwhile do not wait
 * behind its writes.
 */
export function createBackup(db: Db, dataDir: string, at: Date, key: DatabaseKey | null, suffix = '', pace: CopyPace | null = paceFor(db)): BackupInfo {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  // Never overwrite a backup: two in the same second take the next free second.
  let when = at.getTime();
  while (existsSync(join(dir, `koma-${stamp(new Date(when))}${suffix}.sqlite3`))) when += 1000;
  const name = `koma-${stamp(new Date(when))}${suffix}.sqlite3`;
  const partial = join(dir, `${name}.partial`);
  rmSync(partial, { force: true });
  try {
    copyStore(db.name, partial, key, pace);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const check = checkDatabaseFile(partial, key);
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new Error(`The backup did not check out: ${check.problem}`);
  }
  renameSync(partial, join(dir, name));
  rotateBackups(dataDir, name);
  return { name, createdAt: createdAtOf(name)!, sizeBytes: statSync(join(dir, name)).size };
}

/**
 * A backup interrupted by a crash or a full disk leaves its `.partial` (or a restore its
 * `.migrating`) copy behind: never a backup (the list ignores them) but space taken for nothing.
 * Removed when the backup thread starts, before it can begin a new one.
 */
export function removeInterruptedBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const leftovers = readdirSync(dir).filter((name) => /\.sqlite3\.(partial|migrating)$/.test(name));
  for (const name of leftovers) rmSync(join(dir, name), { force: true });
  return leftovers;
}

/** Safety copies taken before a restore, kept apart from the daily rotation. */
export const keepSafetyCopies = 3;

/**
 * Keeps the newest daily backup of each of the last `keepDays` days that have one, and the newest
 * few safety copies (a restore's own backup must never rotate away the one being restored).
 */
export function rotateBackups(dataDir: string, keep?: string): void {
  const seenDays = new Set<string>();
  let safetyCopies = 0;
  for (const backup of listBackups(dataDir)) {
    // The backup just made stays, even when a clock set back gave it an older name than others of its day.
    const remove = () => backup.name !== keep && rmSync(join(backupDir(dataDir), backup.name), { force: true });
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
export function ensureDailyBackup(db: Db, dataDir: string, at: Date, key: DatabaseKey | null): BackupInfo | null {
  const today = at.toISOString().slice(0, 10);
  if (listBackups(dataDir).some((b) => b.createdAt.startsWith(today) && !pattern.exec(b.name)?.[3])) return null;
  return createBackup(db, dataDir, at, key);
}

/**
 * Restores a backup into the open database, online: the backup is checked first, the current data
 * is itself backed up ("-prerestore") so a restore can be undone, then every table is replaced by
 * the backup's rows in one transaction (an encrypted store cannot take SQLite's page-level backup
 * API). A backup from an older Koma is first brought to this schema on a temporary copy.
 */
export function restoreBackup(db: Db, dataDir: string, name: string, at: Date, key: DatabaseKey | null): { safetyBackup: BackupInfo } {
  const path = join(backupDir(dataDir), name);
  if (!pattern.test(name) || !existsSync(path)) throw new Error(`No backup named ${name}`);
  const check = checkDatabaseFile(path, key);
  if (!check.ok) throw new Error(`The backup ${name} is damaged (${check.problem}); choose another.`);
  const safetyBackup = createBackup(db, dataDir, at, key, '-prerestore');
  let source = path;
  const migrated = join(backupDir(dataDir), `${name}.migrating`);
  if (check.version < migrations.length) {
    rmSync(migrated, { force: true });
    const old = new Database(path, { readonly: true });
    try {
      if (key) unlock(old, key);
      old.prepare('VACUUM INTO ?').run(migrated);
    } finally {
      old.close();
    }
    const copy = new Database(migrated);
    try {
      if (key) unlock(copy, key);
      migrate(copy);
    } finally {
      copy.close();
    }
    source = migrated;
  }
  try {
    copyAllTables(db, source, key);
  } finally {
    rmSync(migrated, { force: true });
  }
  return { safetyBackup };
}

function copyAllTables(db: Db, source: string, key: DatabaseKey | null): void {
  const attach = key ? `ATTACH DATABASE ? AS backup KEY "x'${key}'"` : 'ATTACH DATABASE ? AS backup';
  db.prepare(attach).run(source);
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((t) => `"${t.name.replace(/"/g, '""')}"`);
    db.transaction(() => {
      // Rows arrive in table order, not dependency order: foreign keys are checked at commit.
      db.pragma('defer_foreign_keys = ON');
      for (const table of tables) db.exec(`DELETE FROM main.${table}`);
      for (const table of tables) db.exec(`INSERT INTO main.${table} SELECT * FROM backup.${table}`);
      if (db.prepare("SELECT 1 FROM backup.sqlite_master WHERE name = 'sqlite_sequence'").get()) {
        db.exec('DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence');
      }
    })();
  } finally {
    db.exec('DETACH DATABASE backup');
  }
}

/**
 * At start, before any connection opens the store: a write-ahead log SQLite could not fully replay
 * (walCheck.ts) is damage, always checked (it reads the log's frame headers, milliseconds); the
 * full quick_check, which reads the whole store (seconds on a year's data), runs only after an
 * unclean shutdown or when opening failed. A damaged store is moved aside (with its WAL) and the
 * newest good backup takes its place. Returns what happened, for the UI to tell the rep honestly
 * (was a backup used, and which period's work is missing); null when all was well.
 */
export function recoverIfDamaged(
  databasePath: string,
  dataDir: string,
  at: Date,
  key: DatabaseKey | null,
  options: { fullCheck: boolean } = { fullCheck: true },
): Recovery | null {
  if (!existsSync(databasePath)) return null;
  let problem = walProblem(databasePath);
  if (!problem && options.fullCheck) {
    // A plain file is a store from before encryption: openDatabase encrypts it, it is not damage.
    const check = checkDatabaseFile(databasePath, isPlainDatabaseFile(databasePath) ? null : key);
    if (check.ok || check.problem.startsWith('written by a newer Koma')) return null;
    // A key that opens no file at all is the wrong key, not damage: openDatabase says so and nothing
    // is moved. A key that opens a backup but not the store means the store's first page is damaged.
    if (check.problem === new DatabaseKeyError().message && !listBackups(dataDir).some((b) => checkDatabaseFile(join(backupDir(dataDir), b.name), key).ok)) return null;
    problem = check.problem;
  }
  if (!problem) return null;
  const good = listBackups(dataDir).find((b) => checkDatabaseFile(join(backupDir(dataDir), b.name), key).ok);
  // The last moment work reached the disk: the log's last write, or the file's.
  const lastWrite = Math.max(...['', '-wal'].filter((ext) => existsSync(databasePath + ext)).map((ext) => statSync(databasePath + ext).mtimeMs));
  const keptAt = `${databasePath}.damaged-${stamp(at)}`;
  for (const ext of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + ext)) renameSync(databasePath + ext, keptAt + ext);
  }
  if (good) {
    const source = new Database(join(backupDir(dataDir), good.name), { readonly: true });
    try {
      if (key) unlock(source, key);
      source.prepare('VACUUM INTO ?').run(databasePath);
    } finally {
      source.close();
    }
  }
  return {
    restoredFrom: good?.name ?? null,
    damagedFileKeptAt: keptAt,
    problem,
    detectedAt: at.toISOString(),
    missingFrom: good?.createdAt ?? null,
    missingUntil: new Date(lastWrite).toISOString(),
  };
}
