import type { IdGenerator } from '../../../shared/domain/clock';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';
import type { BackendContext } from './context';

const statements = perDatabase((db: Db) => ({
  insert: db.prepare(
    `INSERT INTO outbox (id, entity, entity_id, op, payload, state, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  ),
}));

export type OutboxEntity = 'call' | 'lead' | 'handoff' | 'hearing' | 'slot' | 'followup';

/**
 * Adds a row for the sync engine. Call it inside the transaction of the write it reports, so the
 * write and its outbox row commit or roll back together. The row id doubles as the idempotency key.
 */
export function enqueue(ctx: BackendContext, entity: OutboxEntity, entityId: string, op: string, payload: unknown): string {
  return enqueueAt(ctx.db, ctx.ids, ctx.clock.now().toISOString(), entity, entityId, op, payload);
}

/** enqueue for writers that are handed a database, ids and a time rather than the context (the import writer). */
export function enqueueAt(db: Db, ids: IdGenerator, at: string, entity: OutboxEntity, entityId: string, op: string, payload: unknown): string {
  const id = ids.next();
  statements(db).insert.run(id, entity, entityId, op, JSON.stringify(payload), at, at);
  return id;
}
