import { searchKey } from '../../../../shared/domain/normalize';
import { assertQueueFresh } from '../queue/freshness';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { callListQueries, likePattern, queueKeyOf, toCallListRow } from './queries';

export const callListHandlers: FeatureHandlers = {
  'callList.page': (input, ctx) => {
    const queries = callListQueries(ctx.db);
    const now = ctx.clock.now();
    const filter = { pattern: likePattern(searchKey(input.search)), source: input.source };
    // One snapshot for page and count (a read: deferred, nothing to lock); leads the clock has
    // moved are re-placed by the writer first (assertQueueFresh), the daily re-score runs in the
    // background.
    return ctx.db.transaction(() => {
      const rules = readSetting(ctx.db, settingSpecs.queueRules);
      const calendar = readSetting(ctx.db, settingSpecs.calendar);
      assertQueueFresh(ctx.db, now);
      const records = queries.page(filter, input.limit, input.offset, input.cursor);
      const first = records[0];
      const last = records.at(-1);
      const page = {
        offset: input.offset,
        rows: records.map((r) => toCallListRow(r, rules, calendar, now)),
        firstKey: first ? queueKeyOf(first) : null,
        lastKey: last ? queueKeyOf(last) : null,
      };
      if (!input.count) return page;
      const { total, capped } = queries.count(filter);
      return { ...page, total, totalCapped: capped };
    }).deferred();
  },
};
