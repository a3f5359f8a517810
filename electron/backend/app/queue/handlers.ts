import { isWithinCallingHours } from '../../../../shared/domain/queue/callingHours';
import type { LeadSource } from '../../../../shared/contract/leads';
import type { Db } from '../../db/open';
import type { BackendContext, ReadContext } from '../../core/context';
import { perDatabase } from '../../db/perDatabase';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { MaintenanceNeeded } from '../../core/maintenance';
import { beyondView, queueView, queueViewOrNull, stillDue, wholeListKnown, type QueueView } from './freshness';
import { requeueStep } from './requeueJob';

/** Walks the queue index in order; the caller stops at the first lead it may call now. Exported for the query-plan test. */
export const nextLeadSql = `SELECT id, time_zone, queue_bucket AS bucket, queue_sort AS sort, queue_changes_at FROM leads WHERE queue_bucket > 0 AND (@source IS NULL OR source = @source)
  ORDER BY queue_bucket, queue_sort, id`;

const statements = perDatabase((db: Db) => ({
  inOrder: db.prepare<{ source: string | null }, { id: string; time_zone: string; bucket: number; sort: number; queue_changes_at: string | null }>(nextLeadSql),
}));

/**
 * The next lead to call: first in queue order whose calling hours are open now, not the one just
 * left. Leads the clock has moved must be re-placed first, head of the queue first
 * (requeueJob.ts): a read asks the writer for the next chunk (`fresh: 'ask'`, see queueView)
 * until its answer lies within the placed head; a write that picks the next lead places chunks
 * itself (`fresh: 'requeue'`) — a write must never be run twice for a maintenance job. Either way
 * the answer is the one a full re-placing would give, without waiting for the whole backlog. The
 * daily re-score runs in the background.
 */
export function nextLeadId(ctx: BackendContext | ReadContext, excludeLeadId: string | null, source: LeadSource | null, fresh: 'ask' | 'requeue'): string | null {
  const pick = () => {
    const now = ctx.clock.now();
    const rules = readSetting(ctx.db, settingSpecs.queueRules);
    const calendar = readSetting(ctx.db, settingSpecs.calendar);
    // Every row is judged at the same instant: once per zone is enough (a closed day walks the list).
    const openIn = new Map<string, boolean>();
    const isOpen = (zone: string) => openIn.get(zone) ?? openIn.set(zone, isWithinCallingHours(now, zone, rules, calendar)).get(zone)!;
    const walk = (view: QueueView): { id: string | null } | 'beyond' => {
      for (const row of statements(ctx.db).inOrder.iterate({ source })) {
        if (beyondView(view, row)) return 'beyond';
        if (stillDue(view, row.queue_changes_at)) continue;
        if (row.id !== excludeLeadId && isOpen(row.time_zone)) return { id: row.id };
      }
      // The end of the stored list: a lead still due may yet land after it.
      return wholeListKnown(view) ? { id: null } : 'beyond';
    };
    for (;;) {
      const view = fresh === 'requeue' ? queueViewOrNull(ctx.db, now) : queueView(ctx.db, now);
      const found = view ? walk(view) : 'beyond';
      if (found !== 'beyond') return found.id;
      if (fresh === 'ask') throw new MaintenanceNeeded('requeue');
      requeueStep(ctx.db, rules, now);
    }
  };
  // A read takes one snapshot (deferred: nothing to lock); a write takes the write lock.
  return fresh === 'requeue' ? ctx.db.transaction(pick)() : ctx.db.transaction(pick).deferred();
}

export const queueHandlers: FeatureHandlers = {
  'queue.next': (input, ctx) => ({ leadId: nextLeadId(ctx, input.excludeLeadId, input.source, 'ask') }),
};
