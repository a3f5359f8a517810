import type { Migration } from './types';

/**
 * Talk scripts and objection cards (docs/talk.md). `talk_sets` keeps every saved version of the
 * team's set (a save or an import is a new row, never an update), so a call's `talk_version` always
 * names what the rep had on screen; version 0, the built-in set, is not stored. `call_objections`
 * holds the cards raised in each call, written in the call's own transaction, with the call's lead
 * and start copied so the dashboard counts a month by one index range.
 */
export const talkScripts: Migration = {
  name: '0013-talk-scripts',
  up(db) {
    db.exec(`
      CREATE TABLE talk_sets (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        content TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('edited', 'imported')),
        saved_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE calls ADD COLUMN talk_version INTEGER;
      CREATE TABLE call_objections (
        call_id TEXT NOT NULL REFERENCES calls(id),
        card_id TEXT NOT NULL,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        started_at TEXT NOT NULL,
        PRIMARY KEY (call_id, card_id)
      ) STRICT;
      CREATE INDEX call_objections_started ON call_objections(started_at);
    `);
  },
};
