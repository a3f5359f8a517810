import { searchKey } from '../../../../shared/domain/normalize';
import type { FeatureHandlers } from '../registry';
import { callListQueries, likePattern } from './queries';

export const callListHandlers: FeatureHandlers = {
  'callList.page': (input, ctx) => {
    const queries = callListQueries(ctx.db);
    const params = { now: ctx.clock.now().toISOString(), pattern: likePattern(searchKey(input.search)) };
    // One read transaction so the count and the page see the same snapshot.
    return ctx.db.transaction(() => ({
      total: queries.count(params),
      offset: input.offset,
      rows: queries.page({ ...params, limit: input.limit, offset: input.offset }),
    }))();
  },
};
