import Database from 'better-sqlite3-multiple-ciphers';
import type { DatabaseKey } from './encryption';
import { unlock } from './encryption';

/**
 * WAL checkpoints off the writer. By default SQLite checkpoints inside the commit that takes the WAL
 * past 1,000 pages, on the writer's thread: copying those pages into a year's store and syncing it
 * took longer than the writes themselves, and a call logged behind such a commit waited for it (a
 * clock jump's backlog on a 400 MB store: 109 s with them, 34 s without, calls p95 214 → 68 ms at
 * load 4). On the threads a reader checkpoints instead, on a connection of its own, between its
 * reads: a PASSIVE checkpoint never takes the write lock, so the writer goes on appending meanwhile.
 * The writer keeps a checkpoint of its own only as a backstop, when the WAL grows past this many
 * pages (~40 MB) because the reader could not keep up.
 */
export const writerCheckpointPages = 10_000;

/** How often the reader looks at the WAL; a look at a WAL with nothing new to copy costs microseconds. */
export const checkpointEveryMs = 200;

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** The last checkpoint's outcome (null before the first). */
  readonly last: CheckpointResult | null;
  /** Checkpoints now (also run every `checkpointEveryMs`). */
  run(): CheckpointResult | null;
  close(): void;
}

export function startCheckpointer(path: string, key: DatabaseKey | null, logError: (what: string, error: unknown) => void, everyMs = checkpointEveryMs): Checkpointer {
  // Read-write at the file level (a checkpoint writes the database file), but it only ever checkpoints.
  const db = new Database(path, { fileMustExist: true });
  try {
    if (key) unlock(db, key);
    db.pragma('cache_size = -64');
  } catch (error) {
    db.close();
    throw error;
  }
  let last: CheckpointResult | null = null;
  let failed = false;
  const run = (): CheckpointResult | null => {
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      if (row) last = { log: row.log, checkpointed: row.checkpointed };
      failed = false;
    } catch (error) {
      // Logged once per run of failures: a full disk would otherwise fill the log five times a second.
      if (!failed) logError('checkpointing the WAL', error);
      failed = true;
    }
    return last;
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    get last() {
      return last;
    },
    run,
    close() {
      clearInterval(timer);
      db.close();
    },
  };
}
