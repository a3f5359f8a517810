import type { LeadStatus } from '../../../../shared/contract/leads';
import { searchKey } from '../../../../shared/domain/normalize';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { likePattern } from '../callList/queries';
import type { FeatureHandlers } from '../../core/registry';

const statements = perDatabase((db: Db) => ({
  // Every lead, whatever its status — the call list only holds the callable ones. Newest activity first.
  search: db.prepare<
    { pattern: string | null; status: string | null; limit: number },
    {
      id: string;
      full_name: string;
      name_reading: string | null;
      title: string | null;
      phone: string | null;
      status: string;
      company_name: string;
      company_reading: string | null;
      last_contact_at: string | null;
    }
  >(
    `SELECT l.id, l.full_name, l.name_reading, l.title, l.phone, l.status, c.name AS company_name, c.name_reading AS company_reading, l.last_contact_at
     FROM leads l JOIN companies c ON c.id = l.company_id
     WHERE (@pattern IS NULL OR l.search_text LIKE @pattern ESCAPE '\\')
       AND (@status IS NULL OR l.status = @status)
       -- An import still writing keeps its new leads to itself (imports/chunks.ts): all or nothing.
       AND (l.import_id IS NULL OR l.import_id NOT IN (SELECT id FROM imports WHERE state = 'writing'))
     ORDER BY l.updated_at DESC, l.id LIMIT @limit`,
  ),
}));

/** Every lead is findable: search across all leads (recycled, excluded, handed off…), with a status filter. */
export const leadSearchHandlers: FeatureHandlers = {
  'leads.search': (input, ctx) => ({
    rows: statements(ctx.db)
      .search.all({ pattern: likePattern(searchKey(input.search)), status: input.status, limit: input.limit })
      .map((r) => ({
        id: r.id,
        fullName: r.full_name,
        nameReading: r.name_reading,
        title: r.title,
        phone: r.phone,
        status: r.status as LeadStatus,
        companyName: r.company_name,
        companyReading: r.company_reading,
        lastContactAt: r.last_contact_at,
      })),
  }),
};
