import { searchCountCap, type CallListCursor, type CallListRow, type LeadSource, type LeadStatus, type QueueKey, type QueueReasonView } from '../../../../shared/contract/leads';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import type { BusinessCalendar } from '../../../../shared/contract/calendar';
import { isWithinCallingHours } from '../../../../shared/domain/queue/callingHours';
import { classifyLead, leadAge } from '../../../../shared/domain/queue/classify';
import { MaintenanceNeeded } from '../../core/maintenance';
import { beyondView, wholeListKnown, type QueueView } from '../queue/freshness';
import { queueColumns, toQueueLead, type QueueRow } from '../queue/requeue';
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

function pageSql(range: string, direction: 'ASC' | 'DESC', where = listedWhere): string {
  return `
    SELECT ${listColumns}
    FROM leads l JOIN companies c ON c.id = l.company_id
    WHERE ${where}${range}
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
 * While the writer re-places a backlog of due leads head first (app/queue/requeueJob.ts), a page
 * leaves out the leads still due: their stored place is stale, and their new one lies past the
 * placed head (see queueView). Used only then; the plain statements above stay as they were.
 */
const placedWhere = `${listedWhere} AND (l.queue_changes_at IS NULL OR l.queue_changes_at > @now)`;
const placedPageSql = {
  first: pageSql('', 'ASC', placedWhere),
  after: pageSql(` AND ${key} > ${cursorKey}`, 'ASC', placedWhere),
  from: pageSql(` AND ${key} >= ${cursorKey}`, 'ASC', placedWhere),
  before: pageSql(` AND ${key} < ${cursorKey}`, 'DESC', placedWhere),
  last: pageSql('', 'DESC', placedWhere),
} as const;

/** The leads still due that a filter matches, to classify in memory for the count. */
const dueMatchingSql = `SELECT ${queueColumns} FROM leads l WHERE l.queue_changes_at <= @now
  AND (@source IS NULL OR l.source = @source) AND (@pattern IS NULL OR l.search_text LIKE @pattern ESCAPE '\\')`;

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

type PageParams = ListFilter & { limit: number; bucket?: number; sort?: number; id?: string; now?: string };

export const callListQueries = perDatabase((db: Db) => {
  const prepared = Object.fromEntries(
    Object.entries(callListPageSql).map(([name, sql]) => [name, db.prepare<PageParams, CallListRecord>(sql)]),
  ) as Record<keyof typeof callListPageSql, ReturnType<typeof db.prepare<PageParams, CallListRecord>>>;
  const placed = Object.fromEntries(
    Object.entries(placedPageSql).map(([name, sql]) => [name, db.prepare<PageParams, CallListRecord>(sql)]),
  ) as Record<keyof typeof placedPageSql, ReturnType<typeof db.prepare<PageParams, CallListRecord>>>;
  const placedCount = db.prepare<ListFilter & { now: string }, { total: number }>(`SELECT count(*) AS total FROM leads l WHERE ${placedWhere}`);
  const dueMatching = db.prepare<ListFilter & { now: string }, QueueRow>(dueMatchingSql);
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
    /**
     * The same page while a backlog is re-placed (view partial): exact where the view vouches for
     * it; a page reaching past the placed head throws MaintenanceNeeded, so the router has the
     * writer place the next chunk and asks again.
     */
    pageWhilePlacing(filter: ListFilter, limit: number, offset: number, cursor: CallListCursor | undefined, view: QueueView): CallListRecord[] {
      const params = { ...filter, limit, now: view.kind === 'partial' ? view.now : '' };
      const whole = wholeListKnown(view);
      // A jump by position counts every row before it, placed or not: only once the list is whole.
      if (!cursor && offset > 0) throw new MaintenanceNeeded('requeue');
      if (cursor?.kind === 'last') {
        if (!whole) throw new MaintenanceNeeded('requeue');
        return placed.last.all(params).reverse();
      }
      if (cursor?.kind === 'before') {
        if (beyondView(view, cursor.key)) throw new MaintenanceNeeded('requeue');
        return placed.before.all({ ...params, ...cursor.key }).reverse();
      }
      const rows = cursor ? placed[cursor.kind].all({ ...params, ...cursor.key }) : placed.first.all(params);
      const last = rows.at(-1);
      if (!whole && (rows.length < limit || !last || beyondView(view, queueKeyOf(last)))) throw new MaintenanceNeeded('requeue');
      return rows;
    },
    /**
     * The count while a backlog is re-placed: the placed leads counted in SQL, the leads still due
     * classified here as the writer will place them (each either joins the list or leaves it).
     */
    countWhilePlacing(params: ListFilter, view: QueueView, rules: QueueRules, calendar: BusinessCalendar, now: Date): { total: number; capped: boolean } {
      const at = view.kind === 'partial' ? view.now : now.toISOString();
      let total = placedCount.get({ ...params, now: at })?.total ?? 0;
      if (!wholeListKnown(view)) {
        for (const row of dueMatching.iterate({ ...params, now: at })) {
          if (classifyLead(toQueueLead(row), rules, now, calendar).bucket > 0) total++;
          // A search's count is capped: past the cap the rest of the backlog cannot change it.
          if (params.pattern !== null && total > searchCountCap) break;
        }
      }
      if (params.pattern !== null && total > searchCountCap) return { total: searchCountCap, capped: true };
      return { total, capped: false };
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
