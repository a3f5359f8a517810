import { KomaError } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

/** A lead as stored, the columns the call flow reads and writes. */
export interface LeadRecord {
  id: string;
  company_id: string;
  full_name: string;
  name_reading: string | null;
  title: string | null;
  department: string | null;
  phone: string | null;
  email: string | null;
  source: string;
  source_detail: string | null;
  stage: string;
  status: string;
  attribute_score: number;
  behaviour_score: number;
  score: number;
  attempts: number;
  last_contact_at: string | null;
  next_call_at: string | null;
  recycle_reason: string | null;
  recycle_until: string | null;
  exclude_reason: string | null;
  do_not_call: number;
  time_zone: string;
  crm_id: string | null;
  created_at: string;
  version: number;
  notes: string;
}

const statements = perDatabase((db: Db) => ({
  byId: db.prepare<[string], LeadRecord>(
    `SELECT id, company_id, full_name, name_reading, title, department, phone, email, source, source_detail, stage, status, attribute_score,
            behaviour_score, score, attempts, last_contact_at, next_call_at, recycle_reason, recycle_until,
            exclude_reason, do_not_call, time_zone, crm_id, created_at, version, notes
     FROM leads WHERE id = ?`,
  ),
}));

export function findLead(db: Db, leadId: string): LeadRecord | undefined {
  return statements(db).byId.get(leadId);
}

export function requireLead(db: Db, leadId: string): LeadRecord {
  const lead = findLead(db, leadId);
  if (!lead) throw new KomaError('not_found', `No lead with id ${leadId}. It may have been removed; reload the call list.`);
  return lead;
}
