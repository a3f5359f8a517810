import type { OutboxEntity } from '../core/outbox';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';
import type { OutboxItem } from './types';

export interface OutboxRow {
  seq: number;
  id: string;
  entity: string;
  entity_id: string;
  op: string;
  payload: string;
  state: 'pending' | 'done' | 'attention';
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
}

const columns = 'seq, id, entity, entity_id, op, payload, state, attempts, next_attempt_at, last_error, created_at';

/**
 * The outbox as the engine reads and marks it. Every statement here runs inside a transaction
 * opened by the caller: a batch's outcome is written all at once or not at all.
 */
const statements = perDatabase((db: Db) => ({
  // Per record strictly in order: a row waits while an older row of the same record is pending
  // or needs attention, so the CRM never sees a later change before an earlier one.
  eligible: db.prepare<{ now: string; limit: number }, OutboxRow>(
    `SELECT ${columns} FROM outbox o
     WHERE o.state = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.entity = o.entity AND p.entity_id = o.entity_id
                       AND p.seq < o.seq AND p.state IN ('pending', 'attention'))
       -- Queued by an import still writing (journaled for its undo): sent once the import stands.
       AND NOT EXISTS (SELECT 1 FROM import_undo u WHERE u.entity = 'outbox' AND u.row_id = o.id)
     ORDER BY o.seq LIMIT @limit`,
  ),
  // Every op Koma writes carries the record's whole state for that op, so an unsent older row of
  // the same record and op adds nothing once a newer one exists: it is closed as superseded, which
  // also frees the record when the older one was waiting for attention and the rep has since
  // corrected the record itself.
  supersede: db.prepare<{ now: string }>(
    `UPDATE outbox SET state = 'done', done_at = @now, updated_at = @now,
            superseded_by = (SELECT n.id FROM outbox n WHERE n.entity = outbox.entity AND n.entity_id = outbox.entity_id
                             AND n.op = outbox.op AND n.seq > outbox.seq ORDER BY n.seq DESC LIMIT 1)
     WHERE state IN ('pending', 'attention')
       AND EXISTS (SELECT 1 FROM outbox n WHERE n.entity = outbox.entity AND n.entity_id = outbox.entity_id
                   AND n.op = outbox.op AND n.seq > outbox.seq AND n.state = 'pending')`,
  ),
  done: db.prepare<{ id: string; now: string; crmId: string | null }>(
    `UPDATE outbox SET state = 'done', attempts = attempts + 1, done_at = @now, crm_id = @crmId, last_error = NULL,
            next_attempt_at = NULL, updated_at = @now
     WHERE id = @id AND state = 'pending'`,
  ),
  retryLater: db.prepare<{ id: string; now: string; at: string | null; error: string; count: number }>(
    `UPDATE outbox SET attempts = attempts + @count, next_attempt_at = @at, last_error = @error, updated_at = @now
     WHERE id = @id AND state = 'pending'`,
  ),
  attention: db.prepare<{ id: string; now: string; error: string }>(
    `UPDATE outbox SET state = 'attention', attempts = attempts + 1, last_error = @error, next_attempt_at = NULL, updated_at = @now
     WHERE id = @id AND state = 'pending'`,
  ),
  toPending: db.prepare<{ id: string; now: string }>(
    `UPDATE outbox SET state = 'pending', next_attempt_at = NULL, updated_at = @now WHERE id = @id AND state = 'attention'`,
  ),
  attentionIds: db.prepare<[], { id: string }>("SELECT id FROM outbox WHERE state = 'attention' ORDER BY seq"),
  dueNow: db.prepare<{ now: string }>("UPDATE outbox SET next_attempt_at = NULL, updated_at = @now WHERE state = 'pending' AND next_attempt_at IS NOT NULL"),
  byId: db.prepare<[string], OutboxRow>(`SELECT ${columns} FROM outbox WHERE id = ?`),
  setPayload: db.prepare<{ id: string; payload: string; now: string }>(
    `UPDATE outbox SET payload = @payload, state = 'pending', next_attempt_at = NULL, updated_at = @now WHERE id = @id AND state = 'attention'`,
  ),
  list: db.prepare<{ state: string | null; limit: number }, OutboxRow>(
    `SELECT ${columns} FROM outbox WHERE state IN ('pending', 'attention') AND (@state IS NULL OR state = @state) ORDER BY seq LIMIT @limit`,
  ),
  counts: db.prepare<[], { pending: number; attention: number }>(
    `SELECT coalesce(sum(state = 'pending'), 0) AS pending, coalesce(sum(state = 'attention'), 0) AS attention
     FROM outbox WHERE state IN ('pending', 'attention')`,
  ),
  nextDue: db.prepare<[], { at: string | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending'"),
  pendingFor: db.prepare<[string, string], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE entity = ? AND entity_id = ? AND state IN ('pending', 'attention')",
  ),
  pendingIdsFor: db.prepare<[string, string], { id: string }>(
    "SELECT id FROM outbox WHERE entity = ? AND entity_id = ? AND state IN ('pending', 'attention') ORDER BY seq",
  ),
  closeAsSuperseded: db.prepare<{ id: string; now: string; by: string }>(
    `UPDATE outbox SET state = 'done', done_at = @now, superseded_by = @by, updated_at = @now WHERE id = @id AND state IN ('pending', 'attention')`,
  ),
  handoffSynced: db.prepare<{ id: string; now: string; crmId: string | null }>(
    `UPDATE handoffs SET state = 'synced', synced_at = @now, crm_id = coalesce(@crmId, crm_id), last_error = NULL
     WHERE id = @id AND state IN ('queued', 'failed')
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'handoff' AND o.entity_id = handoffs.id AND o.state IN ('pending', 'attention'))`,
  ),
  handoffCrmId: db.prepare<{ id: string; crmId: string }>('UPDATE handoffs SET crm_id = @crmId WHERE id = @id'),
  // Not when the rep has already corrected the handoff: the newer row is what will be sent.
  handoffFailed: db.prepare<{ id: string; error: string; rowId: string }>(
    `UPDATE handoffs SET state = 'failed', last_error = @error WHERE id = @id AND state <> 'draft'
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'handoff' AND o.entity_id = handoffs.id AND o.state = 'pending'
                       AND o.seq > (SELECT seq FROM outbox WHERE id = @rowId))`,
  ),
  handoffRequeued: db.prepare<[string]>("UPDATE handoffs SET state = 'queued', last_error = NULL WHERE id = ? AND state = 'failed'"),
  leadCrmId: db.prepare<{ id: string; crmId: string }>(
    'UPDATE leads SET crm_id = @crmId WHERE id = @id AND crm_id IS NULL AND NOT EXISTS (SELECT 1 FROM leads o WHERE o.crm_id = @crmId)',
  ),
}));

export function toItem(row: OutboxRow): OutboxItem {
  return {
    seq: row.seq,
    id: row.id,
    entity: row.entity as OutboxEntity,
    entityId: row.entity_id,
    op: row.op,
    payload: JSON.parse(row.payload) as unknown,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}

/** Closes superseded rows, then returns the next batch in order. Call in a transaction. */
export function takeBatch(db: Db, now: Date, limit: number): OutboxItem[] {
  const at = now.toISOString();
  const s = statements(db);
  s.supersede.run({ now: at });
  return s.eligible.all({ now: at, limit }).map(toItem);
}

export const outboxWrites = {
  /** The CRM confirmed the item; its record's local state follows. */
  done(db: Db, item: OutboxItem, crmId: string | null, now: Date): void {
    const s = statements(db);
    const at = now.toISOString();
    if (s.done.run({ id: item.id, now: at, crmId }).changes === 0) return;
    if (item.entity === 'handoff') {
      if (crmId) s.handoffCrmId.run({ id: item.entityId, crmId });
      s.handoffSynced.run({ id: item.entityId, now: at, crmId });
    }
    if (item.entity === 'lead' && crmId) s.leadCrmId.run({ id: item.entityId, crmId });
  },
  /** Not confirmed; try again at `at` (null: as soon as the CRM is reachable). */
  retryLater(db: Db, item: OutboxItem, at: Date | null, error: string, now: Date, countAttempt = true): void {
    statements(db).retryLater.run({ id: item.id, now: now.toISOString(), at: at?.toISOString() ?? null, error, count: countAttempt ? 1 : 0 });
  },
  /** The CRM refused it for a reason a person must fix; it waits, visible, with the CRM's message. */
  attention(db: Db, item: OutboxItem, error: string, now: Date): void {
    const s = statements(db);
    if (s.attention.run({ id: item.id, now: now.toISOString(), error }).changes === 0) return;
    if (item.entity === 'handoff') s.handoffFailed.run({ id: item.entityId, error, rowId: item.id });
  },
};

/** A lead's Salesforce Id, once the CRM confirmed a write of it; never one another lead already has. Call in a transaction. */
export function learnLeadCrmId(db: Db, leadId: string, crmId: string): void {
  statements(db).leadCrmId.run({ id: leadId, crmId });
}

/** Items needing attention back in the queue, due now. Call in a transaction. */
export function retryItems(db: Db, ids: readonly string[] | 'all', now: Date): number {
  const s = statements(db);
  const chosen = ids === 'all' ? s.attentionIds.all().map((r) => r.id) : ids;
  let count = 0;
  for (const id of chosen) {
    const row = s.byId.get(id);
    if (!row || s.toPending.run({ id, now: now.toISOString() }).changes === 0) continue;
    if (row.entity === 'handoff') s.handoffRequeued.run(row.entity_id);
    count++;
  }
  return count;
}

/** Every pending retry due now (the rep pressed "sync now"). Call in a transaction. */
export function makeAllDue(db: Db, now: Date): void {
  statements(db).dueNow.run({ now: now.toISOString() });
}

export function findRow(db: Db, id: string): OutboxRow | undefined {
  return statements(db).byId.get(id);
}

/** Replaces an attention item's payload and queues it again. Call in a transaction. */
export function replacePayload(db: Db, row: OutboxRow, payload: unknown, now: Date): void {
  statements(db).setPayload.run({ id: row.id, payload: JSON.stringify(payload), now: now.toISOString() });
  if (row.entity === 'handoff') statements(db).handoffRequeued.run(row.entity_id);
}

export function listRows(db: Db, state: 'pending' | 'attention' | null, limit: number): OutboxRow[] {
  return statements(db).list.all({ state, limit });
}

export function outboxCounts(db: Db): { pending: number; attention: number } {
  return statements(db).counts.get()!;
}

export function nextDueAt(db: Db): string | null {
  return statements(db).nextDue.get()?.at ?? null;
}

/** Whether a record has changes not yet confirmed by the CRM. */
export function hasUnsynced(db: Db, entity: OutboxEntity, entityId: string): boolean {
  return statements(db).pendingFor.get(entity, entityId)!.n > 0;
}

export function unsyncedIds(db: Db, entity: OutboxEntity, entityId: string): string[] {
  return statements(db).pendingIdsFor.all(entity, entityId).map((r) => r.id);
}

/** Closes a record's unsent rows because the rep chose the CRM's version over them. Call in a transaction. */
export function discardUnsynced(db: Db, entity: OutboxEntity, entityId: string, reason: string, now: Date): number {
  const s = statements(db);
  let count = 0;
  for (const id of unsyncedIds(db, entity, entityId)) count += s.closeAsSuperseded.run({ id, now: now.toISOString(), by: reason }).changes;
  return count;
}
