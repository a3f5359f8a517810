import type { Migration } from './types';

/**
 * What the sync engine keeps besides the outbox: a small key-value table for its state (pull
 * cursors, the pause after a request limit, API usage, the signed-in org — never a token), the
 * conflicts a pull found against unsynced local edits, each CRM lead's fields as Koma last saw or
 * sent them (the base a pull compares with, to tell a CRM edit from Koma's own unsent change), and on each outbox row when it was
 * confirmed, the CRM's id for it, and which newer row superseded it (a newer full-state change of
 * the same record makes an unsent older one moot).
 */
export const sync: Migration = {
  name: '0005-sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        crm_id TEXT NOT NULL,
        local TEXT NOT NULL,
        crm TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept_local', 'took_crm')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        resolved_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts(lead_id) WHERE state = 'open';

      CREATE TABLE sync_lead_base (
        lead_id TEXT PRIMARY KEY REFERENCES leads(id),
        fields TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE outbox ADD COLUMN done_at TEXT;
      ALTER TABLE outbox ADD COLUMN crm_id TEXT;
      ALTER TABLE outbox ADD COLUMN superseded_by TEXT;
      -- When the next retry is due, for the status line.
      CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE state = 'pending';
    `);
  },
};
