import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';
import type { BackendContext } from './context';

const statements = perDatabase((db: Db) => ({
  insert: db.prepare(
    `INSERT INTO outbox (id, entity, entity_id, op, payload, state, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  ),
}));

export type OutboxEntity = 'call' | 'lead' | 'handoff' | 'hearing';

/**
 * Adds a row for the sync engine. Call it inside the transaction of the write it reports, so the
 * write and its outbox row commit or roll back together. The row id doubles as the idempotency key.
 */
export function enqueue(ctx: BackendContext, entity: OutboxEntity, entityId: string, op: string, payload: unknown): string {
  const id = ctx.ids.next();
  const at = ctx.clock.now().toISOString();
  statements(ctx.db).insert.run(id, entity, entityId, op, JSON.stringify(payload), at, at);
  return id;
}
