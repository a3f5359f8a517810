import { z } from 'zod';
import { KomaError } from '../../../shared/contract';
import type { SyncConflict } from '../../../shared/contract/sync';
import type { BackendContext } from '../core/context';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';
import { discardUnsynced, unsyncedIds } from './outbox';
import { crmRaw } from './pull/leadFields';
import { applyCrmLead, findLocalLead, setBase } from './pull/mergeLeads';
import { rescoreLeads } from '../core/rescore';
import { readSetting, settingSpecs } from '../core/settingsStore';
import type { CrmLead, LeadMapped } from './types';

interface ConflictRow {
  id: string;
  lead_id: string;
  crm_id: string;
  local: string;
  crm: string;
  created_at: string;
  lead_name: string;
  company_name: string;
}

const stored = z.object({
  lead: z.custom<CrmLead>((v) => typeof v === 'object' && v !== null && 'crmId' in v),
  raw: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
  changed: z.array(z.string()),
});

const statements = perDatabase((db: Db) => ({
  open: db.prepare<[], ConflictRow>(
    `SELECT k.id, k.lead_id, k.crm_id, k.local, k.crm, k.created_at, l.full_name AS lead_name, c.name AS company_name
     FROM sync_conflicts k JOIN leads l ON l.id = k.lead_id JOIN companies c ON c.id = l.company_id
     WHERE k.state = 'open' ORDER BY k.created_at, k.id`,
  ),
  one: db.prepare<[string], ConflictRow>(
    `SELECT k.id, k.lead_id, k.crm_id, k.local, k.crm, k.created_at, l.full_name AS lead_name, c.name AS company_name
     FROM sync_conflicts k JOIN leads l ON l.id = k.lead_id JOIN companies c ON c.id = l.company_id
     WHERE k.id = ? AND k.state = 'open'`,
  ),
  count: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sync_conflicts WHERE state = 'open'"),
  resolve: db.prepare<{ id: string; state: string; now: string }>(
    "UPDATE sync_conflicts SET state = @state, resolved_at = @now, updated_at = @now WHERE id = @id AND state = 'open'",
  ),
}));

function shown(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function listConflicts(db: Db): SyncConflict[] {
  return statements(db)
    .open.all()
    .map((r) => {
      const local = JSON.parse(r.local) as Record<string, unknown>;
      const crm = stored.parse(JSON.parse(r.crm));
      return {
        id: r.id,
        leadId: r.lead_id,
        leadName: r.lead_name,
        companyName: r.company_name,
        crmId: r.crm_id,
        createdAt: r.created_at,
        fields: crm.changed.map((field) => ({ field, local: shown(local[field]), crm: shown(crm.raw[field]) })),
      };
    });
}

export function openConflictCount(db: Db): number {
  return statements(db).count.get()!.n;
}

/**
 * The rep's choice. Keep local: Koma's unsent change goes out as it is and will overwrite the
 * CRM's value. Take the CRM's: its version is written onto the lead and Koma's unsent changes to
 * that lead are dropped. Refused while those changes are being sent (`inFlight`).
 */
export function resolveConflict(ctx: BackendContext, id: string, keep: 'local' | 'crm', settings: LeadMapped, inFlight: ReadonlySet<string>): boolean {
  return ctx.db.transaction(() => {
    const row = statements(ctx.db).one.get(id);
    if (!row) throw new KomaError('not_found', 'This conflict was already resolved; reload the list.');
    const crm = stored.parse(JSON.parse(row.crm));
    const now = ctx.clock.now();
    const at = now.toISOString();
    if (keep === 'crm') {
      if (unsyncedIds(ctx.db, 'lead', row.lead_id).some((rowId) => inFlight.has(rowId))) {
        throw new KomaError('conflict', 'Koma is sending this lead to the CRM right now; try again in a moment.');
      }
      applyCrmLead(ctx, crm.lead, findLocalLead(ctx.db, row.lead_id), settings, at);
      discardUnsynced(ctx.db, 'lead', row.lead_id, `conflict:${row.id}`, now);
      rescoreLeads(ctx.db, [row.lead_id], readSetting(ctx.db, settingSpecs.scoringRules), now);
    } else {
      setBase(ctx.db, row.lead_id, crmRaw(crm.lead, settings), settings, at, false);
    }
    return statements(ctx.db).resolve.run({ id, state: keep === 'crm' ? 'took_crm' : 'kept_local', now: at }).changes === 1;
  })();
}
