import type { Migration } from './types';

/**
 * Imports write in chunks (app/imports/chunks.ts), each its own short transaction, so a call being
 * logged never waits for a whole import. To stay all or nothing for the rep, an import is
 * 'writing' until its last chunk commits (its new leads hidden, undone at the next start if Koma
 * stops), then 'publishing' while its new leads take their places in the queue, then 'done'.
 * `import_undo` journals what a writing import changed: the old values of the companies and leads it
 * updated, and the companies and outbox rows it inserted (its leads and duplicate pairs carry its id).
 */
export const importChunks: Migration = {
  name: '0012-import-chunks',
  up(db) {
    db.exec(`
      ALTER TABLE imports ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('writing', 'publishing', 'done'));
      CREATE TABLE import_undo (
        import_id TEXT NOT NULL REFERENCES imports(id),
        entity TEXT NOT NULL CHECK (entity IN ('company', 'lead', 'outbox')),
        row_id TEXT NOT NULL,
        -- The row's values before the import changed it; NULL for a row the import inserted.
        old TEXT,
        PRIMARY KEY (import_id, entity, row_id)
      ) STRICT;
      -- The sync engine holds back an outbox row while a writing import has it journaled.
      CREATE INDEX import_undo_row ON import_undo(entity, row_id);
    `);
  },
};
