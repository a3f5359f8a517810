import type { SlotTarget } from '../../../../shared/contract/slots';
import { enqueue } from '../../core/outbox';
import type { BackendContext } from '../../core/context';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

interface SlotRow {
  id: string;
  starts_at: string;
  ends_at: string;
  kind: string;
  target: string | null;
}

const statements = perDatabase((db: Db) => ({
  at: db.prepare<[string], SlotRow>('SELECT id, starts_at, ends_at, kind, target FROM slots WHERE starts_at = ?'),
}));

const isCallBlock = (row: SlotRow | undefined): row is SlotRow => row?.kind === 'call_block';

/**
 * Runs a change of the week plan and queues, in the same transaction, what the CRM must learn from
 * it: a call block (コマ) that appeared or changed is upserted as an Event by its slot id; one that
 * went away — cleared, moved (cleared here and planned there), or turned into another kind — is
 * deleted. Other kinds of slot stay on the rep's laptop. Call inside the plan change's transaction.
 */
export function withSlotEvents<T>(ctx: BackendContext, startsAt: readonly string[], change: () => T): T {
  const s = statements(ctx.db);
  const before = new Map(startsAt.map((at) => [at, s.at.get(at)]));
  const result = change();
  const changedAt = ctx.clock.now().toISOString();
  for (const at of startsAt) {
    const prev = before.get(at);
    const cur = s.at.get(at);
    if (isCallBlock(prev) && (!isCallBlock(cur) || cur.id !== prev.id)) enqueue(ctx, 'slot', prev.id, 'delete', { id: prev.id, changedAt });
    if (isCallBlock(cur) && (!isCallBlock(prev) || prev.id !== cur.id || prev.target !== cur.target || prev.ends_at !== cur.ends_at)) {
      const target = cur.target ? (JSON.parse(cur.target) as SlotTarget) : null;
      enqueue(ctx, 'slot', cur.id, 'upsert', { id: cur.id, startsAt: cur.starts_at, endsAt: cur.ends_at, targetDials: target?.dials ?? null, changedAt });
    }
  }
  return result;
}
