import type { Migration } from './types';

/**
 * Behaviour events become unique per lead, kind and instant, so importing an events file twice,
 * or two overlapping exports, never counts the same visit twice (occurred_at is always written as
 * ISO UTC with milliseconds, one spelling per instant). Rows already doubled keep their first copy.
 * Events name their lead by email: an index on email_key alone finds it in any company.
 */
export const behaviourUnique: Migration = {
  name: '0004-behaviour-unique',
  up(db) {
    db.exec(`
      DELETE FROM behaviour_events WHERE rowid NOT IN (
        SELECT min(rowid) FROM behaviour_events GROUP BY lead_id, kind, occurred_at
      );
      CREATE UNIQUE INDEX behaviour_events_unique ON behaviour_events(lead_id, kind, occurred_at);
      CREATE INDEX leads_email_key ON leads(email_key) WHERE email_key IS NOT NULL;
    `);
  },
};
