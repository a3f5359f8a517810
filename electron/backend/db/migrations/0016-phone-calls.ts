import type { Migration } from './types';

/**
 * Calls as the phone system recorded them (a call Task MiiTel or Zoom Phone wrote to Salesforce, a
 * row of a call-history CSV), each matched to the Koma call it is, or waiting for the rep. Keyed by
 * where it came from and the source's own id, so pulling or importing it again adds nothing; a Koma
 * call carries at most one. The Koma call itself is never changed: its duration, recording link
 * and summary are read from here beside it.
 */
export const phoneCalls: Migration = {
  name: '0016-phone-calls',
  up(db) {
    db.exec(`
      CREATE TABLE phone_calls (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('salesforce', 'miitel', 'zoom')),
        external_id TEXT NOT NULL,
        lead_id TEXT REFERENCES leads(id),
        -- The CRM record the Task names (a Lead, or the Contact it was converted to).
        crm_who_id TEXT,
        phone_key TEXT,
        started_at TEXT NOT NULL,
        duration_sec INTEGER CHECK (duration_sec IS NULL OR duration_sec >= 0),
        direction TEXT CHECK (direction IS NULL OR direction IN ('outbound', 'inbound')),
        result TEXT,
        recording_url TEXT,
        summary TEXT NOT NULL DEFAULT '',
        call_id TEXT REFERENCES calls(id),
        state TEXT NOT NULL CHECK (state IN ('matched', 'unmatched', 'dismissed')),
        matched_by TEXT CHECK (matched_by IS NULL OR matched_by IN ('auto', 'rep')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((state = 'matched') = (call_id IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX phone_calls_source ON phone_calls(source, external_id);
      CREATE UNIQUE INDEX phone_calls_call ON phone_calls(call_id) WHERE call_id IS NOT NULL;
      CREATE INDEX phone_calls_lead ON phone_calls(lead_id, started_at);
      CREATE INDEX phone_calls_state ON phone_calls(state, started_at);
    `);
  },
};
