import type { Migration } from './types';

/**
 * A lead source Koma does not know (a CRM's own picklist value, a campaign name) is kept in the
 * file's words beside source = 'other', so the rep sees "other: …" instead of losing it.
 */
export const leadSourceDetail: Migration = {
  name: '0015-lead-source-detail',
  up(db) {
    db.exec('ALTER TABLE leads ADD COLUMN source_detail TEXT');
  },
};
