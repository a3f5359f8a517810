import { searchCountCap, type CallListRow, type LeadSource, type LeadStatus, type QueueReasonView } from '../../../../shared/contract/leads';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import { isWithinCallingHours } from '../../../../shared/domain/queue/callingHours';
import { leadAge } from '../../../../shared/domain/queue/classify';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

interface CallListRecord {
  id: string;
  company_id: string;
  company_name: string;
  full_name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  source: string;
  status: string;
  score: number;
  queue_reason: string;
  last_contact_at: string | null;
  created_at: string;
  time_zone: string;
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

/** Exported so a test can assert its query plan walks the queue index. */
export const callListPageSql = `
    SELECT l.id, l.company_id, c.name AS company_name, l.full_name, l.title, l.phone, l.email, l.source, l.status,
           l.score, l.queue_reason, l.last_contact_at, l.created_at, l.time_zone
    FROM leads l JOIN companies c ON c.id = l.company_id
    WHERE ${listedWhere}
    ORDER BY l.queue_bucket, l.queue_sort, l.id
    LIMIT @limit OFFSET @offset`;

export const callListQueries = perDatabase((db: Db) => {
  const page = db.prepare<ListFilter & { limit: number; offset: number }, CallListRecord>(callListPageSql);
  const count = db.prepare<ListFilter, { total: number }>(`SELECT count(*) AS total FROM leads l WHERE ${listedWhere}`);
  // The search index holds every listed lead's search key: counting matches reads it alone
  // (small, cached pages) instead of decrypting the lead rows at random. Named, because the
  // planner cannot know a LIKE with a leading % is cheaper there.
  const cappedCount = db.prepare<ListFilter & { cap: number }, { total: number }>(
    `SELECT count(*) AS total FROM (SELECT 1 FROM leads l INDEXED BY leads_listed_search WHERE ${listedWhere} LIMIT @cap)`,
  );
  return {
    page: (params: ListFilter & { limit: number; offset: number }) => page.all(params),
    /** Exact without a search term (an index count); capped with one, see searchCountCap. */
    count: (params: ListFilter): { total: number; capped: boolean } => {
      if (params.pattern === null) return { total: count.get(params)?.total ?? 0, capped: false };
      const total = cappedCount.get({ ...params, cap: searchCountCap + 1 })?.total ?? 0;
      return total > searchCountCap ? { total: searchCountCap, capped: true } : { total, capped: false };
    },
  };
});

export function toCallListRow(r: CallListRecord, rules: QueueRules, now: Date): CallListRow {
  return {
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    fullName: r.full_name,
    title: r.title,
    phone: r.phone,
    email: r.email,
    source: r.source as LeadSource,
    status: r.status as LeadStatus,
    score: r.score,
    reason: JSON.parse(r.queue_reason) as QueueReasonView,
    age: leadAge(r.last_contact_at ?? r.created_at, rules, now),
    withinCallingHours: isWithinCallingHours(now, r.time_zone, rules.callingHours),
  };
}

/** LIKE pattern for a search term, with LIKE's own wildcards escaped. */
export function likePattern(key: string): string | null {
  if (key.length === 0) return null;
  return `%${key.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
