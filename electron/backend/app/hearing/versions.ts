import { emptyHearing, hearingSchema, type Hearing } from '../../../../shared/contract/hearing';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

interface VersionRecord {
  id: string;
  version: number;
  call_id: string | null;
  author: string;
  data: string;
  created_at: string;
  updated_at: string;
  sealed_at: string | null;
  budget_confirmed: number;
  authority_confirmed: number;
  need_confirmed: number;
  timeline_confirmed: number;
}

const columns = 'id, version, call_id, author, data, created_at, updated_at, sealed_at, budget_confirmed, authority_confirmed, need_confirmed, timeline_confirmed';

const statements = perDatabase((db: Db) => ({
  latest: db.prepare<[string], VersionRecord>(`SELECT ${columns} FROM hearings WHERE lead_id = ? ORDER BY version DESC LIMIT 1`),
  one: db.prepare<[string, number], VersionRecord>(`SELECT ${columns} FROM hearings WHERE lead_id = ? AND version = ?`),
  all: db.prepare<[string], VersionRecord>(`SELECT ${columns} FROM hearings WHERE lead_id = ? ORDER BY version DESC`),
  insert: db.prepare(
    `INSERT INTO hearings (id, lead_id, version, author, data, budget_confirmed, authority_confirmed, need_confirmed, timeline_confirmed, created_at, updated_at)
     VALUES (@id, @leadId, @version, @author, @data, @budget, @authority, @need, @timeline, @at, @at)`,
  ),
  update: db.prepare(
    `UPDATE hearings SET data = @data, author = @author, budget_confirmed = @budget, authority_confirmed = @authority,
            need_confirmed = @need, timeline_confirmed = @timeline, updated_at = @at
     WHERE id = @id`,
  ),
  seal: db.prepare("UPDATE hearings SET sealed_at = ?, call_id = ? WHERE lead_id = ? AND sealed_at IS NULL"),
}));

export interface HearingVersion {
  id: string;
  version: number;
  callId: string | null;
  author: string;
  hearing: Hearing;
  createdAt: string;
  updatedAt: string;
  sealedAt: string | null;
}

function toVersion(r: VersionRecord): HearingVersion {
  const parsed = hearingSchema.safeParse(JSON.parse(r.data));
  return {
    id: r.id,
    version: r.version,
    callId: r.call_id,
    author: r.author,
    hearing: parsed.success ? parsed.data : emptyHearing,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sealedAt: r.sealed_at,
  };
}

export function latestHearing(db: Db, leadId: string): HearingVersion | null {
  const row = statements(db).latest.get(leadId);
  return row ? toVersion(row) : null;
}

export function hearingVersion(db: Db, leadId: string, version: number): HearingVersion | null {
  const row = statements(db).one.get(leadId, version);
  return row ? toVersion(row) : null;
}

export function hearingHistory(db: Db, leadId: string): HearingVersion[] {
  return statements(db).all.all(leadId).map(toVersion);
}

/**
 * Autosave lands in the open version; once the call that heard it is logged the version is sealed
 * and the next save starts a new one. Returns the version number written. Call inside a transaction.
 */
export function saveHearing(db: Db, input: { leadId: string; hearing: Hearing; author: string; at: string; newId: () => string }): number {
  const s = statements(db);
  const latest = s.latest.get(input.leadId);
  const values = {
    data: JSON.stringify(input.hearing),
    author: input.author,
    budget: input.hearing.budget.confirmed ? 1 : 0,
    authority: input.hearing.authority.confirmed ? 1 : 0,
    need: input.hearing.need.confirmed ? 1 : 0,
    timeline: input.hearing.timeline.confirmed ? 1 : 0,
    at: input.at,
  };
  if (latest && latest.sealed_at === null) {
    s.update.run({ ...values, id: latest.id });
    return latest.version;
  }
  const version = (latest?.version ?? 0) + 1;
  s.insert.run({ ...values, id: input.newId(), leadId: input.leadId, version });
  return version;
}

/** Seals the lead's open version with the call it was heard in; true when there was one. Call inside the call's transaction. */
export function sealHearing(db: Db, leadId: string, callId: string, at: string): boolean {
  return statements(db).seal.run(at, callId, leadId).changes > 0;
}
