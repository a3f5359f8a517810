import type { Migration } from './types';

/**
 * Honest call figures and a note per lead.
 * - A call logged without being timed in Koma was stored as lasting 0 seconds (it started when it
 *   ended), so a desk-phone rep never had a conversation. Its duration is unknown: NULL.
 * - `conversation`: the call counts as a conversation whatever its length — the rep marked it
 *   有効会話, or a BANT hearing was recorded in it (the hearing version sealed with the call).
 * - The dashboard's daily tallies (0009) are rebuilt from the corrected calls on next use.
 * - `leads.notes`: free text about the person (the CSV's 説明 / 備考 / Description column lands here).
 */
export const honestCallsLeadNotes: Migration = {
  name: '0010-honest-calls-lead-notes',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN conversation INTEGER NOT NULL DEFAULT 0 CHECK (conversation IN (0, 1));
      UPDATE calls SET duration_sec = NULL WHERE duration_sec = 0 AND started_at = ended_at;
      UPDATE calls SET conversation = 1
        WHERE outcome NOT IN ('no_answer', 'voicemail', 'busy', 'wrong_number')
          AND id IN (SELECT call_id FROM hearings WHERE call_id IS NOT NULL);
      ALTER TABLE leads ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE leads ADD COLUMN notes_saved_at TEXT;
      -- The dashboard's tallies counted the old durations: forget their basis so they are rebuilt.
      DELETE FROM kpi_tally_basis;
    `);
  },
};
