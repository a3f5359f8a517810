import { isWithinCallingHours } from '../../../../shared/domain/queue/callingHours';
import type { LeadSource } from '../../../../shared/contract/leads';
import type { Db } from '../../db/open';
import type { BackendContext, ReadContext } from '../../core/context';
import { perDatabase } from '../../db/perDatabase';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { assertQueueFresh } from './freshness';
import { requeueDue } from './requeue';

/** Walks the queue index in order; the caller stops at the first lead it may call now. Exported for the query-plan test. */
export const nextLeadSql = `SELECT id, time_zone FROM leads WHERE queue_bucket > 0 AND (@source IS NULL OR source = @source)
  ORDER BY queue_bucket, queue_sort, id`;

const statements = perDatabase((db: Db) => ({
  inOrder: db.prepare<{ source: string | null }, { id: string; time_zone: string }>(nextLeadSql),
}));

/**
 * The next lead to call: first in queue order whose calling hours are open now, not the one just
 * left. Leads the clock has moved must be re-placed first: a read asks the writer for that
 * (`fresh: 'ask'`, see assertQueueFresh), a write that picks the next lead does it itself
 * (`fresh: 'requeue'`) — a write must never be run twice for a maintenance job. The daily re-score
 * runs in the background.
 */
export function nextLeadId(ctx: BackendContext | ReadContext, excludeLeadId: string | null, source: LeadSource | null, fresh: 'ask' | 'requeue'): string | null {
  const pick = () => {
    const now = ctx.clock.now();
    const rules = readSetting(ctx.db, settingSpecs.queueRules);
    const calendar = readSetting(ctx.db, settingSpecs.calendar);
    if (fresh === 'requeue') requeueDue(ctx.db, rules, now);
    else assertQueueFresh(ctx.db, now);
    // Every row is judged at the same instant: once per zone is enough (a closed day walks the list).
    const openIn = new Map<string, boolean>();
    const isOpen = (zone: string) => openIn.get(zone) ?? openIn.set(zone, isWithinCallingHours(now, zone, rules, calendar)).get(zone)!;
    for (const row of statements(ctx.db).inOrder.iterate({ source })) {
      if (row.id !== excludeLeadId && isOpen(row.time_zone)) return row.id;
    }
    return null;
  };
  // A read takes one snapshot (deferred: nothing to lock); a write takes the write lock.
  return fresh === 'requeue' ? ctx.db.transaction(pick)() : ctx.db.transaction(pick).deferred();
}

export const queueHandlers: FeatureHandlers = {
  'queue.next': (input, ctx) => ({ leadId: nextLeadId(ctx, input.excludeLeadId, input.source, 'ask') }),
};
