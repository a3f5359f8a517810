import { rescoreIfDayChanged } from '../behaviour/dailyRescore';
import { searchKey } from '../../../../shared/domain/normalize';
import { requeueDue } from '../queue/requeue';
import type { FeatureHandlers } from '../registry';
import { readSetting, settingSpecs } from '../settings/store';
import { callListQueries, likePattern, queueKeyOf, toCallListRow } from './queries';

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
      const records = queries.page(filter, input.limit, input.offset, input.cursor);
      const first = records[0];
      const last = records.at(-1);
      const page = {
        offset: input.offset,
        rows: records.map((r) => toCallListRow(r, rules, now)),
        firstKey: first ? queueKeyOf(first) : null,
        lastKey: last ? queueKeyOf(last) : null,
      };
      if (!input.count) return page;
      const { total, capped } = queries.count(filter);
      return { ...page, total, totalCapped: capped };
    })();
  },
};
