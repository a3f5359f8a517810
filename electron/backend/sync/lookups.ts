import type { LeadStatus } from '../../../shared/contract/leads';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';

/** What a connector needs to know about a lead beyond the outbox payload: its current identity. */
export interface LeadRef {
  leadId: string;
  crmId: string | null;
  firstName: string | null;
  lastName: string | null;
  fullName: string;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
  timeZone: string;
  companyId: string;
  companyName: string;
  status: LeadStatus;
  /** A status or do-not-call change of this lead is not yet confirmed by the CRM. */
  unsynced: boolean;
}

/**
 * A lead's identity as stored, with its company's name: what the send (lead refs) and the pull
 * (matching and merging) both read, by `leadIdentityColumns` on `leads l JOIN companies c`.
 */
export interface LeadIdentityRow {
  id: string;
  crm_id: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
  time_zone: string;
  company_id: string;
  company_name: string;
  status: LeadStatus;
}

export const leadIdentityColumns = `l.id, l.crm_id, l.first_name, l.last_name, l.full_name, l.title, l.department, l.email, l.phone, l.time_zone,
  l.company_id, c.name AS company_name, l.status`;

/** The row as a lead's identity (LeadRef's fields but `unsynced`). */
export function leadIdentityOf(r: LeadIdentityRow): Omit<LeadRef, 'unsynced'> {
  return {
    leadId: r.id,
    crmId: r.crm_id,
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: r.full_name,
    title: r.title,
    department: r.department,
    email: r.email,
    phone: r.phone,
    timeZone: r.time_zone,
    companyId: r.company_id,
    companyName: r.company_name,
    status: r.status,
  };
}

interface LeadRefRow extends LeadIdentityRow {
  unsynced: number;
}

const statements = perDatabase((db: Db) => ({
  refs: db.prepare<[string], LeadRefRow>(
    `SELECT ${leadIdentityColumns},
            EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'lead' AND o.entity_id = l.id AND o.state IN ('pending', 'attention')) AS unsynced
     FROM leads l JOIN companies c ON c.id = l.company_id
     WHERE l.id IN (SELECT value FROM json_each(?))`,
  ),
}));

/**
 * Read at send time rather than from the payload: the lead's CRM id may have been learned since
 * the change was queued (an earlier row created the Lead, or a pull matched it).
 */
export function leadRefs(db: Db, leadIds: readonly string[]): Map<string, LeadRef> {
  const rows = statements(db).refs.all(JSON.stringify([...new Set(leadIds)]));
  return new Map(rows.map((r) => [r.id, { ...leadIdentityOf(r), unsynced: r.unsynced === 1 }]));
}
