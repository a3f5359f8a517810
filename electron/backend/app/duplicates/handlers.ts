import { duplicatesPageSize, type DuplicatePair, type DuplicatePerson } from '../../../../shared/contract/duplicates';
import type { LeadStatus } from '../../../../shared/contract/leads';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { FeatureHandlers } from '../../core/registry';
import { keepSeparate, mergePair } from './merge';

interface PersonRecord {
  id: string;
  full_name: string;
  name_reading: string | null;
  company_name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  crm_id: string | null;
  calls: number;
  hearings: number;
}

const statements = perDatabase((db: Db) => ({
  open: db.prepare<{ limit: number }, { id: string; reason: DuplicatePair['reason']; created_at: string; lead_a: string; lead_b: string }>(
    `SELECT id, reason, created_at, lead_a, lead_b FROM lead_duplicates WHERE state = 'open' ORDER BY created_at, id LIMIT @limit`,
  ),
  count: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM lead_duplicates WHERE state = 'open'`),
  person: db.prepare<[string], PersonRecord>(`
    SELECT l.id, l.full_name, l.name_reading, c.name AS company_name, l.title, l.email, l.phone, l.status, l.crm_id,
           (SELECT count(*) FROM calls WHERE lead_id = l.id) AS calls,
           (SELECT count(*) FROM hearings WHERE lead_id = l.id) AS hearings
    FROM leads l JOIN companies c ON c.id = l.company_id WHERE l.id = ?`),
}));

function person(r: PersonRecord): DuplicatePerson {
  return {
    leadId: r.id,
    fullName: r.full_name,
    nameReading: r.name_reading,
    companyName: r.company_name,
    title: r.title,
    email: r.email,
    phone: r.phone,
    status: r.status as LeadStatus,
    crmId: r.crm_id,
    calls: r.calls,
    hearings: r.hearings,
  };
}

export const duplicateHandlers: FeatureHandlers = {
  'duplicates.list': (_input, ctx) =>
    ctx.db.transaction(() => {
      const s = statements(ctx.db);
      const pairs = s.open.all({ limit: duplicatesPageSize }).flatMap((p) => {
        const a = s.person.get(p.lead_a);
        const b = s.person.get(p.lead_b);
        return a && b ? [{ id: p.id, reason: p.reason, createdAt: p.created_at, a: person(a), b: person(b) }] : [];
      });
      return { total: s.count.get()?.n ?? 0, pairs };
    })(),
  'duplicates.merge': (input, ctx) => ({ keptLeadId: mergePair(ctx, input.duplicateId, input.keepLeadId) }),
  'duplicates.keepSeparate': (input, ctx) => {
    keepSeparate(ctx, input.duplicateId);
    return {};
  },
};
