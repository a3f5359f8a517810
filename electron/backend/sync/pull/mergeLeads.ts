import { companyNameKey, emailKey, leadSearchText, personNameKey, phoneKey } from '../../../../shared/domain/normalize';
import type { BackendContext } from '../../core/context';
import { rescoreLeads } from '../../core/rescore';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { leadIdentityColumns, leadIdentityOf, type LeadIdentityRow } from '../lookups';
import { hasUnsynced } from '../outbox';
import type { CrmLead, LeadEcho, LeadMapped } from '../types';
import { crmChanges, crmRaw, komaFields, localRaw, normalise, type KomaLeadFields, type LocalLead, type RawLead } from './leadFields';

interface LocalRow extends LeadIdentityRow {
  recycle_reason: string | null;
  recycle_until: string | null;
  exclude_reason: string | null;
  do_not_call: number;
}

const select = `SELECT ${leadIdentityColumns}, l.recycle_reason, l.recycle_until, l.exclude_reason, l.do_not_call
  FROM leads l JOIN companies c ON c.id = l.company_id`;

/** Classified again on the next read of the call list (the queue's own convention). */
const reclassify = '1970-01-01T00:00:00.000Z';

const statements = perDatabase((db: Db) => ({
  byId: db.prepare<[string], LocalRow>(`${select} WHERE l.id = ?`),
  byCrmId: db.prepare<[string], LocalRow>(`${select} WHERE l.crm_id = ?`),
  crmIdTaken: db.prepare<[string, string], { id: string }>('SELECT id FROM leads WHERE crm_id = ? AND id <> ?'),
  setCrmId: db.prepare<[string, string]>('UPDATE leads SET crm_id = ? WHERE id = ?'),
  company: db.prepare<[string], { id: string }>('SELECT id FROM companies WHERE name_key = ?'),
  // Readings stay in Koma (the connectors map no reading fields): the search key keeps them.
  readings: db.prepare<{ leadId: string; companyId: string }, { lead: string | null; company: string | null }>(
    'SELECT (SELECT name_reading FROM leads WHERE id = @leadId) AS lead, (SELECT name_reading FROM companies WHERE id = @companyId) AS company',
  ),
  insertCompany: db.prepare<{ id: string; name: string; key: string; now: string }>(
    'INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (@id, @name, @key, @now, @now)',
  ),
  insertLead: db.prepare(
    `INSERT INTO leads (id, company_id, last_name, first_name, full_name, name_key, title, email, email_key, phone, phone_key, status,
                        recycle_reason, recycle_until, exclude_reason, excluded_at, do_not_call, search_text, crm_id, created_at, updated_at)
     VALUES (@id, @companyId, @lastName, @firstName, @fullName, @nameKey, @title, @email, @emailKey, @phone, @phoneKey, @status,
             @recycleReason, @recycleUntil, @excludeReason, CASE WHEN @status = 'excluded' THEN @now END, @doNotCall, @searchText, @crmId, @now, @now)`,
  ),
  updateLead: db.prepare(
    `UPDATE leads SET company_id = @companyId, last_name = @lastName, first_name = @firstName, full_name = @fullName, name_key = @nameKey, title = @title,
            email = @email, email_key = @emailKey, phone = @phone, phone_key = @phoneKey, status = @status,
            recycle_reason = @recycleReason, recycle_until = @recycleUntil, exclude_reason = @excludeReason,
            excluded_at = CASE WHEN @status = 'excluded' THEN coalesce(excluded_at, @now) END, do_not_call = @doNotCall,
            search_text = @searchText, crm_id = @crmId, updated_at = @now, version = version + 1, queue_changes_at = '${reclassify}'
     WHERE id = @id`,
  ),
  base: db.prepare<[string], { fields: string }>('SELECT fields FROM sync_lead_base WHERE lead_id = ?'),
  setBase: db.prepare<[string, string, string]>(
    `INSERT INTO sync_lead_base (lead_id, fields, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(lead_id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at`,
  ),
  upsertConflict: db.prepare(
    `INSERT INTO sync_conflicts (id, lead_id, crm_id, local, crm, state, created_at, updated_at)
     VALUES (@id, @leadId, @crmId, @local, @crm, 'open', @now, @now)
     ON CONFLICT(lead_id) WHERE state = 'open' DO UPDATE SET crm_id = excluded.crm_id, local = excluded.local, crm = excluded.crm,
       updated_at = excluded.updated_at`,
  ),
}));

export function toLocal(r: LocalRow): LocalLead {
  return {
    ...leadIdentityOf(r),
    recycleReason: r.recycle_reason,
    recycleUntil: r.recycle_until,
    excludeReason: r.exclude_reason,
    doNotCall: r.do_not_call === 1,
  };
}

export function findLocalLead(db: Db, leadId: string): LocalLead | null {
  const row = statements(db).byId.get(leadId);
  return row ? toLocal(row) : null;
}

function companyFor(ctx: BackendContext, name: string, now: string): string {
  const key = companyNameKey(name);
  const existing = statements(ctx.db).company.get(key);
  if (existing) return existing.id;
  const id = ctx.ids.next();
  statements(ctx.db).insertCompany.run({ id, name, key, now });
  return id;
}

function leadParams(ctx: BackendContext, f: KomaLeadFields, crmId: string, now: string, leadId: string) {
  const companyId = companyFor(ctx, f.companyName, now);
  const readings = statements(ctx.db).readings.get({ leadId, companyId });
  return {
    companyId,
    lastName: f.lastName,
    firstName: f.firstName,
    fullName: f.fullName,
    nameKey: personNameKey(f.fullName),
    title: f.title,
    email: f.email,
    emailKey: emailKey(f.email),
    phone: f.phone,
    phoneKey: phoneKey(f.phone),
    status: f.status,
    recycleReason: f.recycleReason,
    recycleUntil: f.recycleUntil,
    excludeReason: f.excludeReason,
    doNotCall: f.doNotCall ? 1 : 0,
    searchText: leadSearchText({
      companyName: f.companyName,
      companyReading: readings?.company ?? null,
      fullName: f.fullName,
      nameReading: readings?.lead ?? null,
      phone: f.phone,
      email: f.email,
    }),
    crmId,
    now,
  };
}

function readBase(db: Db, leadId: string): RawLead | null {
  const row = statements(db).base.get(leadId);
  return row ? (JSON.parse(row.fields) as RawLead) : null;
}

/** Records what the CRM now holds for a lead (seen by a pull or written by Koma). Call in a transaction. */
export function setBase(db: Db, leadId: string, fields: Record<string, unknown>, settings: LeadMapped, now: string, merge: boolean): void {
  const normalised = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, normalise(k, v, settings)]));
  const next = merge ? { ...(readBase(db, leadId) ?? {}), ...normalised } : normalised;
  statements(db).setBase.run(leadId, JSON.stringify(next), now);
}

/** After a confirmed write of a Lead: what Koma sent is now what the CRM holds. Call in a transaction. */
export function recordEcho(db: Db, echo: LeadEcho, settings: LeadMapped, now: string): void {
  if (statements(db).byId.get(echo.leadId)) setBase(db, echo.leadId, echo.fields, settings, now, true);
}

/** Writes the CRM's version onto a local lead, or inserts it. Call in a transaction. */
export function applyCrmLead(ctx: BackendContext, crm: CrmLead, local: LocalLead | null, settings: LeadMapped, now: string): string {
  const fields = komaFields(crm, local, settings);
  const s = statements(ctx.db);
  const taken = s.crmIdTaken.get(crm.crmId, local?.leadId ?? '');
  // Another local lead already answers to this CRM id: keep that link, never two leads per record.
  const crmId = taken ? (local?.crmId ?? null) : crm.crmId;
  let id: string;
  if (local) {
    id = local.leadId;
    s.updateLead.run({ ...leadParams(ctx, fields, crm.crmId, now, id), crmId, id });
  } else {
    id = ctx.ids.next();
    s.insertLead.run({ ...leadParams(ctx, fields, crm.crmId, now, id), crmId, id });
  }
  setBase(ctx.db, id, crmRaw(crm, settings), settings, now, false);
  return id;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  conflicts: number;
  unchanged: number;
}

/**
 * One page of the rep's CRM leads into the local store, in the caller's transaction. A lead is
 * matched by Koma's own id (a Lead Koma created) or by its CRM id. The CRM's changes — the fields
 * that differ from what Koma last saw or sent — are applied, unless the lead has a change of its
 * own not yet confirmed by the CRM: then nothing is overwritten and a conflict waits for the rep.
 */
export function mergeLeads(ctx: BackendContext, leads: readonly CrmLead[], settings: LeadMapped, now: Date): MergeCounts {
  const at = now.toISOString();
  const s = statements(ctx.db);
  const counts: MergeCounts = { inserted: 0, updated: 0, conflicts: 0, unchanged: 0 };
  const touched: string[] = [];
  for (const crm of leads) {
    const row = (crm.komaId ? s.byId.get(crm.komaId) : undefined) ?? s.byCrmId.get(crm.crmId);
    if (!row) {
      touched.push(applyCrmLead(ctx, crm, null, settings, at));
      counts.inserted++;
      continue;
    }
    const local = toLocal(row);
    if (local.crmId === null && !s.crmIdTaken.get(crm.crmId, local.leadId)) s.setCrmId.run(crm.crmId, local.leadId);
    const theirs = crmRaw(crm, settings);
    const mine = localRaw(local, settings);
    const changed = crmChanges(theirs, readBase(ctx.db, local.leadId), mine).filter((f) => theirs[f] !== mine[f]);
    if (changed.length === 0) {
      setBase(ctx.db, local.leadId, theirs, settings, at, false);
      counts.unchanged++;
    } else if (hasUnsynced(ctx.db, 'lead', local.leadId)) {
      s.upsertConflict.run({
        id: ctx.ids.next(),
        leadId: local.leadId,
        crmId: crm.crmId,
        local: JSON.stringify(mine),
        crm: JSON.stringify({ lead: crm, raw: theirs, changed }),
        now: at,
      });
      counts.conflicts++;
    } else {
      touched.push(applyCrmLead(ctx, crm, local, settings, at));
      counts.updated++;
    }
  }
  if (touched.length > 0) rescoreLeads(ctx.db, touched, readSetting(ctx.db, settingSpecs.scoringRules), now);
  return counts;
}
