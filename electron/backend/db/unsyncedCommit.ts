import type { Db } from './open';

/**
 * Runs `write` (one transaction of its own) with a commit that does not wait for the disk
 * (`synchronous = NORMAL`, this transaction only): for work whose loss to a power cut is undone or
 * redone anyway — an import's chunk, a chunk of re-placing the queue. The WAL is written in order, so
 * the next FULL commit (a call logged) makes it durable too; every other write keeps FULL. Inside a
 * caller's transaction the caller's commit decides (SQLite cannot change it mid-transaction).
 */
export function withUnsyncedCommit<T>(db: Db, write: () => T): T {
  if (db.inTransaction) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
