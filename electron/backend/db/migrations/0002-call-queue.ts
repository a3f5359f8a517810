import type { Migration } from './types';

/**
 * Today's call list as a stored classification: each lead keeps its queue bucket, its sort key
 * within the bucket, the reason shown to the rep, and when the clock alone will change it. The
 * classification itself is shared/domain/queue/classify.ts; the store only indexes its result, so
 * the next lead is an index walk. Every exit from the list gets a row in lead_exits.
 */
export const callQueue: Migration = {
  name: '0002-call-queue',
  up(db) {
    db.exec(`
      ALTER TABLE leads ADD COLUMN queue_bucket INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE leads ADD COLUMN queue_sort REAL NOT NULL DEFAULT 0;
      ALTER TABLE leads ADD COLUMN queue_reason TEXT NOT NULL DEFAULT '{"code":"new"}';
      -- Epoch means "classify me": existing and newly imported leads are classified on the next read.
      ALTER TABLE leads ADD COLUMN queue_changes_at TEXT DEFAULT '1970-01-01T00:00:00.000Z';
      ALTER TABLE leads ADD COLUMN last_outcome TEXT;
      ALTER TABLE companies ADD COLUMN prep_notes_saved_at TEXT;

      UPDATE leads SET queue_changes_at = '1970-01-01T00:00:00.000Z';
      CREATE INDEX leads_queue ON leads(queue_bucket, queue_sort, id) WHERE queue_bucket > 0;
      CREATE INDEX leads_queue_changes ON leads(queue_changes_at) WHERE queue_changes_at IS NOT NULL;

      CREATE TABLE lead_exits (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        kind TEXT NOT NULL CHECK (kind IN ('called', 'recycled', 'excluded', 'qualified', 'skipped', 'restored')),
        reason TEXT,
        note TEXT NOT NULL DEFAULT '',
        call_id TEXT REFERENCES calls(id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lead_exits_lead ON lead_exits(lead_id, at);
      CREATE INDEX lead_exits_at ON lead_exits(at);
    `);
  },
};
