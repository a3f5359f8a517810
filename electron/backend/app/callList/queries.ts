import type { CallListRow, LeadSource, LeadStatus } from '../../../../shared/contract/leads';
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
}

/**
 * Today's callable leads: not excluded, not qualified, not do-not-call, and recycled ones only once
 * their recontact date has come. The search key is pre-folded at write time (see leadSearchText),
 * so the query only has to LIKE against one column.
 */
const callableWhere = `
  l.do_not_call = 0
  AND (l.status IN ('new', 'working', 'callback') OR (l.status = 'recycled' AND l.recycle_until <= @now))
  AND (@pattern IS NULL OR l.search_text LIKE @pattern ESCAPE '\\')`;

/** Exported so a test can assert its query plan walks leads_by_score. */
export const callListPageSql = `
    SELECT l.id, l.company_id, c.name AS company_name, l.full_name, l.title, l.phone, l.email, l.source, l.status, l.score
    FROM leads l JOIN companies c ON c.id = l.company_id
    WHERE ${callableWhere}
    ORDER BY l.score DESC, l.created_at, l.id
    LIMIT @limit OFFSET @offset`;

export const callListQueries = perDatabase((db: Db) => {
  const page = db.prepare<{ now: string; pattern: string | null; limit: number; offset: number }, CallListRecord>(callListPageSql);
  const count = db.prepare<{ now: string; pattern: string | null }, { total: number }>(`
    SELECT count(*) AS total FROM leads l WHERE ${callableWhere}`);

  return {
    page(params: { now: string; pattern: string | null; limit: number; offset: number }): CallListRow[] {
      return page.all(params).map(toRow);
    },
    count(params: { now: string; pattern: string | null }): number {
      return count.get(params)?.total ?? 0;
    },
  };
});

function toRow(r: CallListRecord): CallListRow {
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
  };
}

/** LIKE pattern for a search term, with LIKE's own wildcards escaped. */
export function likePattern(key: string): string | null {
  if (key.length === 0) return null;
  return `%${key.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
