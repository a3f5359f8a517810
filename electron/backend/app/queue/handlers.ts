import { rescoreIfDayChanged } from '../behaviour/dailyRescore';
import { isWithinCallingHours } from '../../../../shared/domain/queue/callingHours';
import type { LeadSource } from '../../../../shared/contract/leads';
import type { Db } from '../../db/open';
import type { BackendContext } from '../context';
import { perDatabase } from '../../db/perDatabase';
import type { FeatureHandlers } from '../registry';
import { readSetting, settingSpecs } from '../settings/store';
import { requeueDue } from './requeue';

/** Walks the queue index in order; the caller stops at the first lead it may call now. Exported for the query-plan test. */
export const nextLeadSql = `SELECT id, time_zone FROM leads WHERE queue_bucket > 0 AND (@source IS NULL OR source = @source)
  ORDER BY queue_bucket, queue_sort, id`;

const statements = perDatabase((db: Db) => ({
  inOrder: db.prepare<{ source: string | null }, { id: string; time_zone: string }>(nextLeadSql),
}));

/** The next lead to call: first in queue order whose calling hours are open now, not the one just left. */
export function nextLeadId(ctx: BackendContext, excludeLeadId: string | null, source: LeadSource | null): string | null {
  return ctx.db.transaction(() => {
    const now = ctx.clock.now();
    const rules = readSetting(ctx.db, settingSpecs.queueRules);
    rescoreIfDayChanged(ctx);
    requeueDue(ctx.db, rules, now);
    const s = statements(ctx.db);
    let leadId: string | null = null;
    for (const row of s.inOrder.iterate({ source })) {
      if (row.id !== excludeLeadId && isWithinCallingHours(now, row.time_zone, rules.callingHours)) {
        leadId = row.id;
        break;
      }
    }
    return leadId;
  })();
}

export const queueHandlers: FeatureHandlers = {
  'queue.next': (input, ctx) => ({ leadId: nextLeadId(ctx, input.excludeLeadId, input.source) }),
};
