import { rescoreIfDayChanged } from '../behaviour/dailyRescore';
import { searchKey } from '../../../../shared/domain/normalize';
import { requeueDue } from '../queue/requeue';
import type { FeatureHandlers } from '../registry';
import { readSetting, settingSpecs } from '../settings/store';
import { callListQueries, likePattern, toCallListRow } from './queries';

export const callListHandlers: FeatureHandlers = {
  'callList.page': (input, ctx) => {
    const queries = callListQueries(ctx.db);
    const now = ctx.clock.now();
    const filter = { pattern: likePattern(searchKey(input.search)), source: input.source };
    // One transaction: leads the clock has moved are re-placed first, then count and page read
    // the same snapshot.
    return ctx.db.transaction(() => {
      const rules = readSetting(ctx.db, settingSpecs.queueRules);
      rescoreIfDayChanged(ctx);
      requeueDue(ctx.db, rules, now);
      const { total, capped } = queries.count(filter);
      return {
        total,
        totalCapped: capped,
        offset: input.offset,
        rows: queries.page({ ...filter, limit: input.limit, offset: input.offset }).map((r) => toCallListRow(r, rules, now)),
      };
    })();
  },
};
