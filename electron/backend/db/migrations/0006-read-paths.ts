import type { Migration } from './types';

/**
 * Indexes for the reads that scan many leads, so they read small, cached index pages instead of
 * decrypting table pages at random: counting a search over today's list, and joining a month of
 * calls or exits to their lead's source for the KPIs.
 */
export const readPaths: Migration = {
  name: '0006-read-paths',
  up(db) {
    db.exec(`
      CREATE INDEX leads_listed_search ON leads(search_text, source) WHERE queue_bucket > 0;
      CREATE INDEX leads_source ON leads(id, source);
    `);
  },
};
