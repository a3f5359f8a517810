import type { Migration } from './types';

/**
 * Hearing versions and handoffs as the field team needs them. A hearing version stays open while
 * the rep is hearing (autosave updates it in place) and is sealed, with its call, when the call is
 * logged; the next edit starts a new version, so history reads "who heard what, in which call".
 * Handoffs get the appointment's end and meeting link, and a count of corrections sent after sync.
 */
export const hearingHandoff: Migration = {
  name: '0003-hearing-handoff',
  up(db) {
    db.exec(`
      ALTER TABLE hearings ADD COLUMN updated_at TEXT;
      ALTER TABLE hearings ADD COLUMN sealed_at TEXT;
      ALTER TABLE hearings ADD COLUMN author TEXT NOT NULL DEFAULT '';
      UPDATE hearings SET updated_at = created_at;
      CREATE INDEX hearings_open ON hearings(lead_id) WHERE sealed_at IS NULL;

      ALTER TABLE handoffs ADD COLUMN appointment_end TEXT;
      ALTER TABLE handoffs ADD COLUMN meeting_url TEXT;
      ALTER TABLE handoffs ADD COLUMN corrections INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE handoffs ADD COLUMN synced_at TEXT;
      CREATE INDEX handoffs_updated ON handoffs(updated_at);
    `);
  },
};
