import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { unlock, type DatabaseKey } from './encryption';

/**
 * How a copy shares the disk: it writes `chunkRows` rows at a time, flushes them to the disk, and
 * then rests `restRatio` times as long as the chunk took, so a call's commit never waits behind
 * more than one chunk's writes. Null copies without resting (a restore's safety copy, on the
 * writer, where resting would only hold the writer longer).
 */
export interface CopyPace {
  chunkRows: number;
  restRatio: number;
}

/** The backup thread's pace: the copy takes about twice as long as it would flat out. */
export const backupPace: CopyPace = { chunkRows: 2_000, restRatio: 1 };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function rest(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface SchemaRow {
  type: string;
  name: string;
  sql: string;
}

/**
 * Copies the store at `sourcePath` into a new database at `destination`, encrypted with the same
 * key: one consistent snapshot (every read in one read transaction on the store's WAL, which the
 * writer keeps writing beside), compact (each table's rows written in rowid order into a fresh
 * file, each index built once its table is full), and written in chunks that are flushed and then
 * rested between, so the copy never fills the disk's queue ahead of a call's commit.
 *
 * Why not VACUUM INTO (used before): it writes the whole store in one statement, and each call's
 * FULL commit waited for its fsync behind those writes (p95 771 ms in the year's bench). Why not
 * SQLite's online backup API: the driver opens its destination without a key, and SQLite3 Multiple
 * Ciphers refuses a backup between an encrypted and a plain database
 * (sqlite3mcIsBackupSupported, "backup is not supported with incompatible source and target
 * databases"); and a copy by that API restarts whenever another connection writes the store
 * (https://www.sqlite.org/c3ref/backup_finish.html, sqlite3_backup_step), which the writer does
 * all day: with calls logged every few seconds a year's store might never finish.
 */
export function copyStore(sourcePath: string, destination: string, key: DatabaseKey | null, pace: CopyPace | null): void {
  const dest = new Database(destination);
  let fd: number | null = null;
  try {
    if (key) unlock(dest, key);
    // The file is a temporary name until it checks out: no journal, no sync per commit (the copy
    // syncs what it wrote itself, chunk by chunk), no foreign keys while tables fill in any order.
    dest.pragma('journal_mode = OFF');
    dest.pragma('synchronous = OFF');
    dest.pragma('foreign_keys = OFF');
    // A small cache: pages go to the file as the copy proceeds, not all at the end.
    dest.pragma('cache_size = -4096');
    // Reading the store can meet a lock for a moment (the WAL's index being rebuilt): wait, as every connection does.
    dest.pragma('busy_timeout = 5000');
    dest.prepare(key ? `ATTACH DATABASE ? AS store KEY "x'${key}'"` : 'ATTACH DATABASE ? AS store').run(sourcePath);
    fd = openSync(destination, 'r+');
    const flush = () => fdatasyncSync(fd!);

    // One transaction over the whole copy: its first read fixes the snapshot every later read sees.
    dest.exec('BEGIN');
    const schema = dest
      .prepare<[], SchemaRow>("SELECT type, name, sql FROM store.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
      .all();
    const version = dest.prepare('PRAGMA store.user_version').pluck().get() as number;
    for (const table of schema.filter((s) => s.type === 'table')) dest.exec(table.sql);
    for (const table of schema.filter((s) => s.type === 'table')) copyTable(dest, table, pace, flush);
    const sequence = dest.prepare("SELECT 1 FROM store.sqlite_master WHERE name = 'sqlite_sequence'").get();
    if (sequence) dest.exec('DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM store.sqlite_sequence');
    // Indexes built once their tables are full are built compact; each is one statement, flushed
    // and rested after like a chunk.
    for (const other of schema.filter((s) => s.type !== 'table')) {
      const started = performance.now();
      dest.exec(other.sql);
      flush();
      if (pace) rest((performance.now() - started) * pace.restRatio);
    }
    dest.exec('COMMIT');
    dest.pragma(`user_version = ${Number(version)}`);
    dest.exec('DETACH DATABASE store');
    flush();
  } finally {
    if (fd !== null) closeSync(fd);
    dest.close();
  }
}

function copyTable(dest: Database.Database, table: SchemaRow, pace: CopyPace | null, flush: () => void): void {
  const name = quote(table.name);
  if (!pace || /\bWITHOUT\s+ROWID\b/i.test(table.sql)) {
    dest.exec(`INSERT INTO main.${name} SELECT * FROM store.${name}`);
    return;
  }
  // The rowid that ends the next chunk: null when fewer rows than a chunk are left.
  const chunkEnd = dest.prepare<[number | bigint, number], number | bigint>(`SELECT rowid FROM store.${name} WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ?`).pluck().safeIntegers(true);
  const copyUpTo = dest.prepare<[number | bigint, number | bigint]>(`INSERT INTO main.${name} SELECT * FROM store.${name} WHERE rowid > ? AND rowid <= ? ORDER BY rowid`);
  const copyRest = dest.prepare<[number | bigint]>(`INSERT INTO main.${name} SELECT * FROM store.${name} WHERE rowid > ? ORDER BY rowid`);
  const first = dest.prepare(`SELECT min(rowid) FROM store.${name}`).pluck().safeIntegers(true).get() as bigint | null;
  if (first === null) return;
  let after: number | bigint = first - 1n;
  for (;;) {
    const started = performance.now();
    const end = chunkEnd.get(after, pace.chunkRows - 1);
    if (end === undefined) copyRest.run(after);
    else copyUpTo.run(after, end);
    flush();
    rest((performance.now() - started) * pace.restRatio);
    if (end === undefined) return;
    after = end;
  }
}
