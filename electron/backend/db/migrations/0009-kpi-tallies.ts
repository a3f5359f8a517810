import type { Migration } from './types';

/**
 * Daily tallies for the dashboard, kept in the same transaction as each call and each exit from the
 * list (see app/kpi/tallies.ts), so a month and the goal are a few hundred tally rows instead of
 * ~100,000 call rows. Days are local dates in the work week's zone and "conversation" is judged by
 * the KPI settings; `kpi_tally_basis` records both, and tallies built on another basis are rebuilt.
 */
export const kpiTallies: Migration = {
  name: '0009-kpi-tallies',
  up(db) {
    db.exec(`
      CREATE TABLE kpi_tally_basis (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        time_zone TEXT NOT NULL,
        conversation_seconds INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE call_tallies (
        day TEXT NOT NULL,
        source TEXT NOT NULL,
        outcome TEXT NOT NULL,
        conversation INTEGER NOT NULL,
        calls INTEGER NOT NULL,
        PRIMARY KEY (day, source, outcome, conversation)
      ) STRICT;
      -- One row per lead per day it was called: "leads worked" is a distinct count over a range.
      CREATE TABLE lead_work_days (
        day TEXT NOT NULL,
        lead_id TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (day, lead_id)
      ) STRICT;
      -- Calls per half hour (epoch seconds / 1800): the call slots the measured dials were made in.
      CREATE TABLE call_half_hours (
        half_hour INTEGER PRIMARY KEY,
        calls INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE exit_tallies (
        day TEXT NOT NULL,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        exits INTEGER NOT NULL,
        PRIMARY KEY (day, source, kind, reason)
      ) STRICT;
    `);
  },
};
