import type { Migration } from './types';

/**
 * Follow-up mails after a call (issue 15): what the rep opened in their mail client, from which
 * template, about which call, and the callback it set. Koma never sends the mail; the row is the
 * record the timeline shows and the CRM receives as an email Task.
 */
export const followups: Migration = {
  name: '0018-followups',
  up(db) {
    db.exec(`
      CREATE TABLE followups (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        call_id TEXT REFERENCES calls(id),
        template_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('thanks', 'materials', 'scheduling', 'appointment')),
        recipient TEXT,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('mailto', 'eml')),
        due_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX followups_lead ON followups(lead_id, created_at);
    `);
  },
};
