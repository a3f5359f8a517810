import type { Backend } from '../../electron/backend/backend';
import { companyNameKey, emailKey, leadSearchText, phoneKey } from '../../shared/domain/normalize';

export interface LeadSeed {
  id?: string;
  company: string;
  name: string;
  phone?: string;
  email?: string;
  crmId?: string;
  title?: string;
  source?: string;
  score?: number;
  status?: string;
  recycleUntil?: string;
  nextCallAt?: string;
  doNotCall?: boolean;
  timeZone?: string;
  createdAt?: string;
}

/**
 * Writes leads straight to the store, for tests about reading and working the list rather than
 * importing it. They arrive unclassified, as imported leads do, and join the queue on the next read.
 */
export function seedLeads(backend: Backend, leads: readonly LeadSeed[]): string[] {
  const { db, clock } = backend.context;
  const at = clock.now().toISOString();
  const company = db.prepare(
    'INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name_key) DO NOTHING',
  );
  const companyId = db.prepare<[string], { id: string }>('SELECT id FROM companies WHERE name_key = ?');
  const lead = db.prepare(
    `INSERT INTO leads (id, company_id, full_name, title, phone, phone_key, email, email_key, crm_id, source, score, attribute_score, status, recycle_until,
                        next_call_at, do_not_call, time_zone, search_text, created_at, updated_at)
     VALUES (@id, @companyId, @name, @title, @phone, @phoneKey, @email, @emailKey, @crmId, @source, @score, @score, @status, @recycleUntil, @nextCallAt,
             @doNotCall, @timeZone, @searchText, @createdAt, @at)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    leads.forEach((l, i) => {
      const key = companyNameKey(l.company);
      company.run(`c-${key}`, l.company, key, at, at);
      const id = l.id ?? `l-${String(i).padStart(6, '0')}`;
      lead.run({
        id,
        companyId: companyId.get(key)!.id,
        name: l.name,
        title: l.title ?? null,
        phone: l.phone ?? null,
        phoneKey: phoneKey(l.phone),
        email: l.email ?? null,
        emailKey: emailKey(l.email),
        crmId: l.crmId ?? null,
        source: l.source ?? 'other',
        score: l.score ?? 0,
        status: l.status ?? 'new',
        recycleUntil: l.recycleUntil ?? null,
        nextCallAt: l.nextCallAt ?? null,
        doNotCall: l.doNotCall ? 1 : 0,
        timeZone: l.timeZone ?? 'Asia/Tokyo',
        searchText: leadSearchText({ companyName: l.company, fullName: l.name, phone: l.phone ?? null }),
        createdAt: l.createdAt ?? at,
        at,
      });
      ids.push(id);
    });
  })();
  return ids;
}
