import type { Migration } from './types';

/**
 * Merging two leads the rep confirmed are one person: the lead merged away stays as a row (its CRM
 * id with it, so both CRM records stay known) pointing at the lead it was merged into, and the
 * reviewed pair remembers which lead was kept.
 */
export const leadMerges: Migration = {
  name: '0014-lead-merges',
  up(db) {
    db.exec(`
      ALTER TABLE leads ADD COLUMN merged_into TEXT REFERENCES leads(id);
      ALTER TABLE lead_duplicates ADD COLUMN kept_lead TEXT REFERENCES leads(id);
      CREATE INDEX leads_merged_into ON leads(merged_into) WHERE merged_into IS NOT NULL;
    `);
  },
};
