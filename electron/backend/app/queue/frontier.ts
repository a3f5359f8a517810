import type { QueueKey } from '../../../../shared/contract/leads';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

/**
 * How far a chunked re-placing of the queue has come (table queue_requeue, migration 0017): every
 * lead due at `asOf` whose new place is at or before `upTo` is placed; the others still sit at
 * their old place and are due. `upTo` null: nothing placed yet. Stale: a write made another lead
 * due meanwhile, so the promise no longer holds (the triggers set it in that write's transaction).
 */
export interface Frontier {
  asOf: string;
  upTo: QueueKey | null;
  stale: boolean;
}

/** Past every listed place: every lead bound for the list is placed (the rest leave it). */
export const pastTheList = 99;

interface FrontierRow {
  as_of: string;
  bucket: number | null;
  sort: number | null;
  lead_id: string | null;
  stale: number;
}

const statements = perDatabase((db: Db) => ({
  get: db.prepare<[], FrontierRow>('SELECT as_of, bucket, sort, lead_id, stale FROM queue_requeue WHERE id = 1'),
  start: db.prepare<[string]>('INSERT OR REPLACE INTO queue_requeue (id, as_of, bucket, sort, lead_id, stale) VALUES (1, ?, NULL, NULL, NULL, 0)'),
  advance: db.prepare<[number, number, string]>('UPDATE queue_requeue SET bucket = ?, sort = ?, lead_id = ? WHERE id = 1'),
  drop: db.prepare('DELETE FROM queue_requeue'),
}));

export function readFrontier(db: Db): Frontier | null {
  const row = statements(db).get.get();
  if (!row) return null;
  const upTo = row.bucket === null || row.sort === null || row.lead_id === null ? null : { bucket: row.bucket, sort: row.sort, id: row.lead_id };
  return { asOf: row.as_of, upTo, stale: row.stale === 1 };
}

export function startFrontier(db: Db, asOf: string): void {
  statements(db).start.run(asOf);
}

export function advanceFrontier(db: Db, upTo: QueueKey): void {
  statements(db).advance.run(upTo.bucket, upTo.sort, upTo.id);
}

export function dropFrontier(db: Db): void {
  statements(db).drop.run();
}

/** Queue order: bucket, then the bucket's key, then id. */
export function compareKeys(a: QueueKey, b: QueueKey): number {
  return a.bucket - b.bucket || a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
