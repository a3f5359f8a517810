import { searchKey } from '../../../../shared/domain/normalize';
import { queueView } from '../queue/freshness';
import type { FeatureHandlers } from '../../core/registry';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { callListQueries, likePattern, queueKeyOf, toCallListRow } from './queries';

export const callListHandlers: FeatureHandlers = {
  'callList.page': (input, ctx) => {
    const queries = callListQueries(ctx.db);
    const now = ctx.clock.now();
    const filter = { pattern: likePattern(searchKey(input.search)), source: input.source };
    // One snapshot for page and count (a read: deferred, nothing to lock); leads the clock has
    // moved are re-placed by the writer, head of the queue first (queueView: while it works, a page
    // within the placed head is answered at once), the daily re-score runs in the background.
    return ctx.db.transaction(() => {
      const rules = readSetting(ctx.db, settingSpecs.queueRules);
      const calendar = readSetting(ctx.db, settingSpecs.calendar);
      const view = queueView(ctx.db, now);
      const records =
        view.kind === 'fresh' ? queries.page(filter, input.limit, input.offset, input.cursor) : queries.pageWhilePlacing(filter, input.limit, input.offset, input.cursor, view);
      const first = records[0];
      const last = records.at(-1);
      const page = {
        offset: input.offset,
        rows: records.map((r) => toCallListRow(r, rules, calendar, now)),
        firstKey: first ? queueKeyOf(first) : null,
        lastKey: last ? queueKeyOf(last) : null,
      };
      if (!input.count) return page;
      const { total, capped } = view.kind === 'fresh' ? queries.count(filter) : queries.countWhilePlacing(filter, view, rules, calendar, now);
      return { ...page, total, totalCapped: capped };
    }).deferred();
  },
};
