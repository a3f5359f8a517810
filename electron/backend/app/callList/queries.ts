import { searchCountCap, type CallListCursor, type CallListRow, type LeadSource, type LeadStatus, type QueueKey, type QueueReasonView } from '../../../../shared/contract/leads';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import type { BusinessCalendar } from '../../../../shared/contract/calendar';
import { isWithinCallingHours } from '../../../../shared/domain/queue/callingHours';
import { leadAge } from '../../../../shared/domain/queue/classify';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

interface CallListRecord {
  id: string;
  company_id: string;
  company_name: string;
  company_reading: string | null;
  full_name: string;
  name_reading: string | null;
  title: string | null;
  phone: string | null;
  email: string | null;
  source: string;
  source_detail: string | null;
  status: string;
  score: number;
  queue_reason: string;
  last_contact_at: string | null;
  created_at: string;
  time_zone: string;
  queue_bucket: number;
  queue_sort: number;
}

/**
 * Today's list is every lead with a queue bucket, in bucket order and by the bucket's own key
 * (stored by requeue.ts). The search key is pre-folded at write time (see leadSearchText).
 */
const listedWhere = `l.queue_bucket > 0 AND (@source IS NULL OR l.source = @source)
  AND (@pattern IS NULL OR l.search_text LIKE @pattern ESCAPE '\\')`;

export interface ListFilter {
  pattern: string | null;
  source: string | null;
}

const listColumns = `l.id, l.company_id, c.name AS company_name, c.name_reading AS company_reading, l.full_name, l.name_reading, l.title, l.phone, l.email, l.source, l.source_detail, l.status,
           l.score, l.queue_reason, l.last_contact_at, l.created_at, l.time_zone, l.queue_bucket, l.queue_sort`;

/** The queue order as a row value, so a cursor is one range on the queue index (SQLite row-value comparison). */
const key = '(l.queue_bucket, l.queue_sort, l.id)';
const cursorKey = '(@bucket, @sort, @id)';

function pageSql(range: string, direction: 'ASC' | 'DESC'): string {
  return `
    SELECT ${listColumns}
    FROM leads l JOIN companies c ON c.id = l.company_id
    WHERE ${listedWhere}${range}
    ORDER BY l.queue_bucket ${direction}, l.queue_sort ${direction}, l.id ${direction}
    LIMIT @limit`;
}

/**
 * Keyset pages: each is a range walk of the queue index from a key, so the last page costs what
 * the first does (OFFSET read and threw away every row before it). Exported for the query-plan test.
 */
export const callListPageSql = {
  first: pageSql('', 'ASC'),
  after: pageSql(` AND ${key} > ${cursorKey}`, 'ASC'),
  from: pageSql(` AND ${key} >= ${cursorKey}`, 'ASC'),
  before: pageSql(` AND ${key} < ${cursorKey}`, 'DESC'),
  last: pageSql('', 'DESC'),
} as const;

/**
 * A jump to a position with no neighbouring page known (a scroll bar dragged to the middle): the
 * key at that position, counted through the queue index alone — no lead row is read or decrypted
 * unless a search needs its key. The page itself is then a keyset page from that key.
 */
function seekSql(where: string, index: string): string {
  return `
    SELECT l.queue_bucket AS bucket, l.queue_sort AS sort, l.id
    FROM leads l INDEXED BY ${index}
    WHERE ${where}
    ORDER BY l.queue_bucket, l.queue_sort, l.id
    LIMIT 1 OFFSET @offset`;
}

export const callListSeekSql = {
  /** No search: the covering queue_seek index (migration 0007). */
  plain: seekSql('l.queue_bucket > 0 AND (@source IS NULL OR l.source = @source)', 'leads_queue_seek'),
  /** A search reads each candidate's search key; its list is capped at searchCountCap rows anyway. */
  search: seekSql(listedWhere, 'leads_queue'),
};

type PageParams = ListFilter & { limit: number; bucket?: number; sort?: number; id?: string };

export const callListQueries = perDatabase((db: Db) => {
  const prepared = Object.fromEntries(
    Object.entries(callListPageSql).map(([name, sql]) => [name, db.prepare<PageParams, CallListRecord>(sql)]),
  ) as Record<keyof typeof callListPageSql, ReturnType<typeof db.prepare<PageParams, CallListRecord>>>;
  const seekPlain = db.prepare<{ source: string | null; offset: number }, QueueKey>(callListSeekSql.plain);
  const seekSearch = db.prepare<ListFilter & { offset: number }, QueueKey>(callListSeekSql.search);
  const count = db.prepare<ListFilter, { total: number }>(`SELECT count(*) AS total FROM leads l WHERE ${listedWhere}`);
  // The search index holds every listed lead's search key: counting matches reads it alone
  // (small, cached pages) instead of decrypting the lead rows at random. Named, because the
  // planner cannot know a LIKE with a leading % is cheaper there.
  const cappedCount = db.prepare<ListFilter & { cap: number }, { total: number }>(
    `SELECT count(*) AS total FROM (SELECT 1 FROM leads l INDEXED BY leads_listed_search WHERE ${listedWhere} LIMIT @cap)`,
  );
  return {
    /** One page in queue order from a cursor; without one, from the row at `offset`. */
    page(filter: ListFilter, limit: number, offset: number, cursor: CallListCursor | undefined): CallListRecord[] {
      let at = cursor;
      if (!at && offset > 0) {
        const found = filter.pattern === null ? seekPlain.get({ source: filter.source, offset }) : seekSearch.get({ ...filter, offset });
        if (!found) return [];
        at = { kind: 'from', key: found };
      }
      if (!at) return prepared.first.all({ ...filter, limit });
      if (at.kind === 'last') return prepared.last.all({ ...filter, limit }).reverse();
      const rows = prepared[at.kind].all({ ...filter, limit, ...at.key });
      return at.kind === 'before' ? rows.reverse() : rows;
    },
    /** Exact without a search term (an index count); capped with one, see searchCountCap. */
    count: (params: ListFilter): { total: number; capped: boolean } => {
      if (params.pattern === null) return { total: count.get(params)?.total ?? 0, capped: false };
      const total = cappedCount.get({ ...params, cap: searchCountCap + 1 })?.total ?? 0;
      return total > searchCountCap ? { total: searchCountCap, capped: true } : { total, capped: false };
    },
  };
});

export function queueKeyOf(r: CallListRecord): QueueKey {
  return { bucket: r.queue_bucket, sort: r.queue_sort, id: r.id };
}

export function toCallListRow(r: CallListRecord, rules: QueueRules, calendar: BusinessCalendar, now: Date): CallListRow {
  return {
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    companyReading: r.company_reading,
    fullName: r.full_name,
    nameReading: r.name_reading,
    title: r.title,
    phone: r.phone,
    email: r.email,
    source: r.source as LeadSource,
    sourceDetail: r.source_detail,
    status: r.status as LeadStatus,
    score: r.score,
    reason: JSON.parse(r.queue_reason) as QueueReasonView,
    age: leadAge(r.last_contact_at ?? r.created_at, rules, now),
    withinCallingHours: isWithinCallingHours(now, r.time_zone, rules, calendar),
  };
}

/** LIKE pattern for a search term, with LIKE's own wildcards escaped. */
export function likePattern(key: string): string | null {
  if (key.length === 0) return null;
  return `%${key.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
