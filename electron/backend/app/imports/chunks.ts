import type { QueueRules } from '../../../../shared/contract/queueRules';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { requeueLead } from '../queue/requeue';
import { withUnsyncedCommit } from '../../db/unsyncedCommit';

/**
 * An import writes in chunks, each its own short transaction, and the writer answers other requests
 * (a call being logged) between them. It stays all or nothing for the rep:
 * - while it is 'writing', its new leads are hidden: they stay out of the queue (no
 *   `queue_changes_at`, so nothing classifies them) and out of the all-leads search;
 * - every other row it touches is journaled in `import_undo` by temporary triggers that fire only
 *   inside an import chunk (the old values of the companies and leads it updated, the companies and
 *   outbox rows it inserted), so whatever an import writes — today or in a later change to
 *   writer.ts — is undone the same way;
 * - a failed import is undone at once, and one that Koma stopped in the middle (closed, killed) at
 *   the next start, before anything reads the store (`finishInterruptedImports`);
 * - when the last chunk has committed the import is 'publishing': it can no longer be undone, the
 *   outbox rows it queued are released, its new leads take their places in the queue and its
 *   journal is dropped, again in short chunks.
 */

const leadColumns = [
  'last_name', 'first_name', 'full_name', 'name_key', 'name_reading', 'title', 'department', 'email', 'email_key',
  'phone', 'phone_key', 'source', 'source_detail', 'search_text', 'notes', 'attribute_score', 'behaviour_score', 'score', 'updated_at',
] as const;
const companyColumns = ['website', 'industry', 'employees', 'address', 'name_reading', 'corporate_number', 'phone', 'updated_at'] as const;

const oldValues = (columns: readonly string[]) => `json_object(${columns.map((c) => `'${c}', OLD.${c}`).join(', ')})`;
const restored = (columns: readonly string[]) => columns.map((c) => `${c} = json_extract(u.old, '$.${c}')`).join(', ');
const journal = (entity: string, row: string, old: string) =>
  `INSERT OR IGNORE INTO import_undo (import_id, entity, row_id, old) SELECT id, '${entity}', ${row}, ${old} FROM import_active;`;

const epoch = '1970-01-01T00:00:00.000Z';

const statements = perDatabase((db: Db) => {
  // Temporary (this connection only, never in the file): the import whose chunk is running, and the
  // triggers that journal while there is one. Other writes between chunks run with it empty.
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS import_active (id TEXT NOT NULL);
    CREATE TEMP TRIGGER IF NOT EXISTS import_undo_company_insert AFTER INSERT ON main.companies
      WHEN EXISTS (SELECT 1 FROM import_active)
      BEGIN ${journal('company', 'NEW.id', 'NULL')} END;
    CREATE TEMP TRIGGER IF NOT EXISTS import_undo_company_update BEFORE UPDATE ON main.companies
      WHEN EXISTS (SELECT 1 FROM import_active)
      BEGIN ${journal('company', 'OLD.id', oldValues(companyColumns))} END;
    CREATE TEMP TRIGGER IF NOT EXISTS import_undo_lead_update BEFORE UPDATE ON main.leads
      WHEN EXISTS (SELECT 1 FROM import_active) AND OLD.import_id IS NOT (SELECT id FROM import_active)
      BEGIN ${journal('lead', 'OLD.id', oldValues(leadColumns))} END;
    CREATE TEMP TRIGGER IF NOT EXISTS import_undo_outbox_insert AFTER INSERT ON main.outbox
      WHEN EXISTS (SELECT 1 FROM import_active)
      BEGIN ${journal('outbox', 'NEW.id', 'NULL')} END;
  `);
  return {
    activate: db.prepare<[string]>('INSERT INTO import_active (id) VALUES (?)'),
    deactivate: db.prepare('DELETE FROM import_active'),
    hide: db.prepare<[string]>('UPDATE leads SET queue_changes_at = NULL WHERE id IN (SELECT value FROM json_each(?))'),
    setState: db.prepare<[string, string]>('UPDATE imports SET state = ? WHERE id = ?'),
    dropJournal: db.prepare<[string]>('DELETE FROM import_undo WHERE import_id = ?'),
    // The outbox rows it queued are free to go once it stands (the sync engine holds journaled ones).
    releaseOutbox: db.prepare<[string]>("DELETE FROM import_undo WHERE import_id = ? AND entity = 'outbox'"),
    // The rest of a standing import's journal (a row per company it made: 100,000 for a big file) goes a slice at a time.
    dropJournalSlice: db.prepare<[string, number]>('DELETE FROM import_undo WHERE rowid IN (SELECT rowid FROM import_undo WHERE import_id = ? LIMIT ?)'),
    interrupted: db.prepare<[], { id: string; state: 'writing' | 'publishing' }>("SELECT id, state FROM imports WHERE state <> 'done' ORDER BY created_at"),
    // After a stop mid-publish: the import's hidden leads, found without the ids the job held.
    publishRest: db.prepare<[string]>(`UPDATE leads SET queue_changes_at = '${epoch}' WHERE import_id = ? AND queue_changes_at IS NULL`),
    undo: [
      // Leads it updated get their values back, and their places in the queue again.
      `UPDATE leads SET ${restored(leadColumns)}, version = version + 1, queue_changes_at = '${epoch}'
       FROM (SELECT row_id, old FROM import_undo WHERE import_id = @id AND entity = 'lead') AS u WHERE leads.id = u.row_id`,
      // What it queued for the CRM and was not sent yet (a sync is never undone: the CRM has it).
      `DELETE FROM outbox WHERE state = 'pending' AND id IN (SELECT row_id FROM import_undo WHERE import_id = @id AND entity = 'outbox')`,
      'DELETE FROM lead_duplicates WHERE import_id = @id',
      // Its leads were hidden; a behaviour import matching one by email is the only way to reach one.
      'DELETE FROM behaviour_events WHERE lead_id IN (SELECT id FROM leads WHERE import_id = @id)',
      'DELETE FROM leads WHERE import_id = @id',
      `UPDATE companies SET ${restored(companyColumns)}
       FROM (SELECT row_id, old FROM import_undo WHERE import_id = @id AND entity = 'company' AND old IS NOT NULL) AS u WHERE companies.id = u.row_id`,
      `DELETE FROM companies WHERE id IN (SELECT row_id FROM import_undo WHERE import_id = @id AND entity = 'company' AND old IS NULL)
         AND NOT EXISTS (SELECT 1 FROM leads WHERE leads.company_id = companies.id)`,
      'DELETE FROM import_undo WHERE import_id = @id',
      'DELETE FROM imports WHERE id = @id',
    ].map((sql) => db.prepare<{ id: string }>(sql)),
  };
});

/**
 * Runs one chunk of an import as one transaction, journaled for the import's undo. Its commit does
 * not wait for the disk (`synchronous = NORMAL`, this transaction only): a chunk lost to a power cut
 * belongs to an import that is still 'writing', which the next start undoes anyway, and the WAL is
 * written in order, so the next FULL commit (a call, the import's last step) makes the chunks before
 * it durable too. Every other write keeps FULL. Thousands of chunk commits no longer each wait for
 * an fsync, and neither do the calls logged between them.
 */
export function inImportChunk<T>(db: Db, importId: string, write: () => T): T {
  const s = statements(db);
  return withUnsyncedCommit(db, () =>
    db.transaction(() => {
      s.activate.run(importId);
      try {
        return write();
      } finally {
        s.deactivate.run();
      }
    })(),
  );
}

/** Keeps leads the import inserted out of the queue until it is published. Call inside the chunk. */
export function hideInsertedLeads(db: Db, leadIds: readonly string[]): void {
  if (leadIds.length > 0) statements(db).hide.run(JSON.stringify(leadIds));
}

/** Undoes a writing import as if it had never run. One transaction. */
export function undoImport(db: Db, importId: string): void {
  const s = statements(db);
  db.transaction(() => {
    for (const statement of s.undo) statement.run({ id: importId });
  })();
}

/** The last chunk has committed: from here the import stands, and its journal is not needed. */
export function markWritten(db: Db, importId: string, finish: () => void): void {
  const s = statements(db);
  db.transaction(() => {
    finish();
    s.setState.run('publishing', importId);
    s.releaseOutbox.run(importId);
  })();
}

/** Puts the import's new leads in their places in the queue, a chunk at a time, then marks it done. */
export async function publishImport(
  db: Db,
  importId: string,
  inserted: readonly string[],
  rules: QueueRules,
  now: () => Date,
  chunk: { rows: number; budgetMs: number; pause: () => Promise<void> },
): Promise<void> {
  const s = statements(db);
  for (let at = 0; at < inserted.length; ) {
    at = db.transaction(() => {
      const started = performance.now();
      const end = Math.min(inserted.length, at + chunk.rows);
      const when = now();
      let next = at;
      do requeueLead(db, inserted[next++]!, rules, when);
      while (next < end && performance.now() - started < chunk.budgetMs);
      return next;
    })();
    await chunk.pause();
  }
  const slice = Math.max(100, chunk.rows * 4);
  while (s.dropJournalSlice.run(importId, slice).changes > 0) await chunk.pause();
  s.setState.run('done', importId);
}

/**
 * At start, before anything reads the store: an import Koma stopped while it was writing is undone;
 * one stopped while publishing is finished (its leads marked for the queue's next classification).
 */
export function finishInterruptedImports(db: Db): { undone: number; published: number } {
  const s = statements(db);
  const counts = { undone: 0, published: 0 };
  for (const { id, state } of s.interrupted.all()) {
    if (state === 'writing') {
      undoImport(db, id);
      counts.undone++;
    } else {
      db.transaction(() => {
        s.publishRest.run(id);
        s.dropJournal.run(id);
        s.setState.run('done', id);
      })();
      counts.published++;
    }
  }
  return counts;
}
