import { leadSearchText } from '../../../../shared/domain/normalize';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

interface SearchSource {
  id: string;
  full_name: string;
  name_reading: string | null;
  phone: string | null;
  email: string | null;
  company_name: string;
  company_reading: string | null;
}

const statements = perDatabase((db: Db) => ({
  ofCompany: db.prepare<[string], SearchSource>(`
    SELECT l.id, l.full_name, l.name_reading, l.phone, l.email, c.name AS company_name, c.name_reading AS company_reading
    FROM leads l JOIN companies c ON c.id = l.company_id WHERE l.company_id = ?`),
  set: db.prepare<[string, string]>('UPDATE leads SET search_text = ? WHERE id = ?'),
}));

/**
 * Rebuilds the stored search key of every lead at a company from what the store now says (a
 * reading edited, leads merged). Call inside the write's transaction.
 */
export function refreshCompanySearchText(db: Db, companyId: string): void {
  const s = statements(db);
  for (const lead of s.ofCompany.all(companyId)) {
    s.set.run(
      leadSearchText({
        companyName: lead.company_name,
        companyReading: lead.company_reading,
        fullName: lead.full_name,
        nameReading: lead.name_reading,
        phone: lead.phone,
        email: lead.email,
      }),
      lead.id,
    );
  }
}
