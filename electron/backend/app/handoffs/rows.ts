import { KomaError } from '../../../../shared/contract';
import { handoffPackageSchema, type FieldRep, type HandoffRow, type HandoffView } from '../../../../shared/contract/handoff';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

interface HandoffRecord {
  id: string;
  lead_id: string;
  lead_name: string;
  company_name: string;
  field_rep_id: string | null;
  rep_name: string | null;
  rep_email: string | null;
  rep_crm_user_id: string | null;
  rep_active: number | null;
  state: string;
  field_state: string | null;
  field_reason: string | null;
  appointment_at: string | null;
  appointment_end: string | null;
  appointment_place: string | null;
  meeting_url: string | null;
  summary: string;
  override_reason: string | null;
  last_error: string | null;
  corrections: number;
  created_at: string;
  updated_at: string;
  synced_at: string | null;
  package: string;
}

const select = `
  SELECT h.*, l.full_name AS lead_name, c.name AS company_name,
         r.name AS rep_name, r.email AS rep_email, r.crm_user_id AS rep_crm_user_id, r.active AS rep_active
  FROM handoffs h
  JOIN leads l ON l.id = h.lead_id
  JOIN companies c ON c.id = l.company_id
  LEFT JOIN field_reps r ON r.id = h.field_rep_id`;

const statements = perDatabase((db: Db) => ({
  one: db.prepare<[string], HandoffRecord>(`${select} WHERE h.id = ?`),
  list: db.prepare<{ state: string | null; fieldState: string | null; pattern: string | null }, HandoffRecord>(
    `${select}
     WHERE (@state IS NULL OR h.state = @state) AND (@fieldState IS NULL OR h.field_state = @fieldState)
       AND (@pattern IS NULL OR l.search_text LIKE @pattern ESCAPE '\\')
     ORDER BY h.created_at DESC, h.id DESC LIMIT 5000`,
  ),
}));

function rep(r: HandoffRecord): FieldRep | null {
  if (!r.field_rep_id || r.rep_name === null) return null;
  return { id: r.field_rep_id, name: r.rep_name, email: r.rep_email, crmUserId: r.rep_crm_user_id, active: r.rep_active === 1 };
}

function toRow(r: HandoffRecord): HandoffRow {
  return {
    id: r.id,
    leadId: r.lead_id,
    leadName: r.lead_name,
    companyName: r.company_name,
    fieldRep: rep(r),
    state: r.state as HandoffRow['state'],
    fieldState: r.field_state as HandoffRow['fieldState'],
    fieldReason: r.field_reason,
    appointmentAt: r.appointment_at,
    appointmentEnd: r.appointment_end,
    place: r.appointment_place,
    meetingUrl: r.meeting_url,
    summary: r.summary,
    overrideReason: r.override_reason,
    lastError: r.last_error,
    corrections: r.corrections,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    syncedAt: r.synced_at,
  };
}

export function findHandoff(db: Db, id: string): HandoffView {
  const r = statements(db).one.get(id);
  if (!r) throw new KomaError('not_found', `No handoff with id ${id}; reload the handoff list.`);
  return { ...toRow(r), package: handoffPackageSchema.parse(JSON.parse(r.package)) };
}

export interface HandoffFilter {
  state: string | null;
  fieldState: string | null;
  pattern: string | null;
}

export function listHandoffRows(db: Db, filter: HandoffFilter): HandoffRow[] {
  return statements(db).list.all(filter).map(toRow);
}

/** With each package, for exports. */
export function listHandoffViews(db: Db, filter: HandoffFilter): HandoffView[] {
  return statements(db)
    .list.all(filter)
    .map((r) => ({ ...toRow(r), package: handoffPackageSchema.parse(JSON.parse(r.package)) }));
}
