import type { Migration } from './types';

/**
 * A re-placing of the queue in chunks (app/queue/requeueJob.ts) records how far it has come, so a
 * read can answer the head of the queue while the tail is still being re-placed: every lead due at
 * `as_of` whose new place is at or before (bucket, sort, lead_id) has been placed. A write that makes
 * another lead due at or before `as_of` (a pull, a re-score, an import's rows) breaks that promise:
 * the triggers mark the record stale in the same transaction, so no read trusts it, and the job plans
 * again.
 */
export const requeueFrontier: Migration = {
  name: '0017-requeue-frontier',
  up(db) {
    db.exec(`
      CREATE TABLE queue_requeue (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        as_of TEXT NOT NULL,
        bucket INTEGER,
        sort REAL,
        lead_id TEXT,
        stale INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TRIGGER leads_requeue_marked AFTER UPDATE OF queue_changes_at ON leads
        WHEN NEW.queue_changes_at <= (SELECT as_of FROM queue_requeue WHERE id = 1)
        BEGIN UPDATE queue_requeue SET stale = 1 WHERE id = 1; END;
      CREATE TRIGGER leads_requeue_inserted AFTER INSERT ON leads
        WHEN NEW.queue_changes_at <= (SELECT as_of FROM queue_requeue WHERE id = 1)
        BEGIN UPDATE queue_requeue SET stale = 1 WHERE id = 1; END;
    `);
  },
};
