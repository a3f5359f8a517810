import { MaintenanceNeeded } from '../../core/maintenance';
import { isConversation } from '../../../../shared/domain/kpi/figures';
import { localDate } from '../../../../shared/domain/queue/localTime';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { BackendContext } from '../../core/context';
import { readSetting, settingSpecs } from '../../core/settingsStore';

/** What the tallies were counted by: the day's zone and the length that makes a call a conversation. */
export interface TallyBasis {
  timeZone: string;
  conversationSeconds: number;
}

export interface TalliedCall {
  leadId: string;
  source: string;
  startedAt: string;
  durationSec: number | null;
  outcome: string;
  /** Marked 有効会話, or a hearing was recorded in it (calls.conversation). */
  conversation: boolean;
}

export interface TalliedExit {
  source: string;
  kind: string;
  reason: string | null;
  at: string;
}

const halfHourOf = (iso: string) => Math.floor(Date.parse(iso) / 1_800_000);

const statements = perDatabase((db: Db) => ({
  basis: db.prepare<[], { time_zone: string; conversation_seconds: number }>('SELECT time_zone, conversation_seconds FROM kpi_tally_basis WHERE id = 1'),
  setBasis: db.prepare<[string, number]>(
    'INSERT INTO kpi_tally_basis (id, time_zone, conversation_seconds) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET time_zone = excluded.time_zone, conversation_seconds = excluded.conversation_seconds',
  ),
  addCall: db.prepare<[string, string, string, number]>(
    'INSERT INTO call_tallies (day, source, outcome, conversation, calls) VALUES (?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET calls = calls + 1',
  ),
  addLeadDay: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO lead_work_days (day, lead_id, source) VALUES (?, ?, ?)'),
  addLeadMonth: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO lead_work_months (month, lead_id, source) VALUES (?, ?, ?)'),
  monthsFromDays: db.prepare('INSERT OR IGNORE INTO lead_work_months (month, lead_id, source) SELECT substr(day, 1, 7), lead_id, source FROM lead_work_days'),
  addHalfHour: db.prepare<[number]>('INSERT INTO call_half_hours (half_hour, calls) VALUES (?, 1) ON CONFLICT DO UPDATE SET calls = calls + 1'),
  addExit: db.prepare<[string, string, string, string]>(
    'INSERT INTO exit_tallies (day, source, kind, reason, exits) VALUES (?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET exits = exits + 1',
  ),
  subtractCall: db.prepare<[string, string, string, number]>('UPDATE call_tallies SET calls = calls - 1 WHERE day = ? AND source = ? AND outcome = ? AND conversation = ?'),
  subtractExit: db.prepare<[string, string, string, string]>('UPDATE exit_tallies SET exits = exits - 1 WHERE day = ? AND source = ? AND kind = ? AND reason = ?'),
  // A recount writes no empty tally.
  dropEmpty: db.prepare('DELETE FROM call_tallies WHERE calls <= 0'),
  dropEmptyExits: db.prepare('DELETE FROM exit_tallies WHERE exits <= 0'),
  dropLeadDay: db.prepare<[string, string]>('DELETE FROM lead_work_days WHERE day = ? AND lead_id = ?'),
  dropLeadMonth: db.prepare<[string, string]>('DELETE FROM lead_work_months WHERE month = ? AND lead_id = ?'),
  leadCalls: db.prepare<[string], { started_at: string; duration_sec: number | null; outcome: string; conversation: number }>(
    'SELECT started_at, duration_sec, outcome, conversation FROM calls WHERE lead_id = ?',
  ),
  leadExits: db.prepare<[string], { kind: string; reason: string | null; at: string }>('SELECT kind, reason, at FROM lead_exits WHERE lead_id = ?'),
  allCalls: db
    .prepare<[], [string, string, string, number | null, string, number]>(
      'SELECT c.lead_id, l.source, c.started_at, c.duration_sec, c.outcome, c.conversation FROM calls c JOIN leads l INDEXED BY leads_source ON l.id = c.lead_id',
    )
    .raw(),
  allExits: db
    .prepare<[], [string, string, string | null, string]>('SELECT l.source, x.kind, x.reason, x.at FROM lead_exits x JOIN leads l INDEXED BY leads_source ON l.id = x.lead_id')
    .raw(),
}));

function currentBasis(db: Db): TallyBasis {
  return { timeZone: readSetting(db, settingSpecs.workWeek).timeZone, conversationSeconds: readSetting(db, settingSpecs.kpi).conversationSeconds };
}

/**
 * The tallies' basis, rebuilding them first when they were counted on another one (the first open
 * after the migration, a new work-week zone or conversation length). Call inside a transaction.
 */
export function freshTallies(db: Db): TallyBasis & { rebuilt: boolean } {
  const basis = currentBasis(db);
  const stored = statements(db).basis.get();
  const stale = !stored || stored.time_zone !== basis.timeZone || stored.conversation_seconds !== basis.conversationSeconds;
  if (stale) rebuildTallies(db, basis);
  return { ...basis, rebuilt: stale };
}

/**
 * The tallies' basis, fresh: on the writer they are recounted inline when stale; on a reader's
 * read-only connection the writer is asked to recount them first (MaintenanceNeeded).
 */
export function talliesForRead(db: Db): TallyBasis {
  if (!db.readonly) return freshTallies(db);
  const basis = currentBasis(db);
  const stored = statements(db).basis.get();
  if (!stored || stored.time_zone !== basis.timeZone || stored.conversation_seconds !== basis.conversationSeconds) throw new MaintenanceNeeded('tallies');
  return basis;
}

/** Counts one call. Call inside the transaction that inserts it, after the insert (a rebuild then counts it once). */
export function tallyCall(ctx: BackendContext, call: TalliedCall): void {
  const basis = freshTallies(ctx.db);
  if (basis.rebuilt) return;
  const s = statements(ctx.db);
  const day = localDate(new Date(call.startedAt), basis.timeZone);
  s.addCall.run(day, call.source, call.outcome, isConversation(call, basis.conversationSeconds) ? 1 : 0);
  // The month's row is the new day row's (month, lead, source): a day row already there (a second
  // call that day, perhaps after the lead's source changed) was projected when it was added.
  if (s.addLeadDay.run(day, call.leadId, call.source).changes > 0) s.addLeadMonth.run(day.slice(0, 7), call.leadId, call.source);
  s.addHalfHour.run(halfHourOf(call.startedAt));
}

/** Counts one exit from the list. Call inside the transaction that records it, after the insert. */
export function tallyExit(ctx: BackendContext, exit: TalliedExit): void {
  const basis = freshTallies(ctx.db);
  if (basis.rebuilt) return;
  statements(ctx.db).addExit.run(localDate(new Date(exit.at), basis.timeZone), exit.source, exit.kind, exit.reason ?? '');
}

/** A lead's calls and exits as the tallies count them: read before a merge moves them to another lead. */
export interface LeadTallyRows {
  calls: { startedAt: string; durationSec: number | null; outcome: string; conversation: boolean }[];
  exits: { kind: string; reason: string | null; at: string }[];
}

export function leadTallyRows(db: Db, leadId: string): LeadTallyRows {
  const s = statements(db);
  return {
    calls: s.leadCalls.all(leadId).map((c) => ({ startedAt: c.started_at, durationSec: c.duration_sec, outcome: c.outcome, conversation: c.conversation === 1 })),
    exits: s.leadExits.all(leadId),
  };
}

/**
 * A merge moved `rows` (the merged lead's calls and exits) to the kept lead: they now count under
 * the kept lead and its source, as a recount would count them. Call inside the merge's
 * transaction, after the move; with tallies that matched a recount before, they match after.
 */
export function moveLeadTallies(ctx: BackendContext, rows: LeadTallyRows, from: { id: string; source: string }, to: { id: string; source: string }): void {
  const basis = freshTallies(ctx.db);
  if (basis.rebuilt) return;
  const s = statements(ctx.db);
  const otherSource = from.source !== to.source;
  const days = new Set<string>();
  for (const call of rows.calls) {
    const day = localDate(new Date(call.startedAt), basis.timeZone);
    days.add(day);
    if (!otherSource) continue;
    const conversation = isConversation(call, basis.conversationSeconds) ? 1 : 0;
    s.subtractCall.run(day, from.source, call.outcome, conversation);
    s.addCall.run(day, to.source, call.outcome, conversation);
  }
  if (otherSource) {
    for (const exit of rows.exits) {
      const day = localDate(new Date(exit.at), basis.timeZone);
      s.subtractExit.run(day, from.source, exit.kind, exit.reason ?? '');
      s.addExit.run(day, to.source, exit.kind, exit.reason ?? '');
    }
    s.dropEmpty.run();
    s.dropEmptyExits.run();
  }
  // Every day the merged lead was worked was a day of its calls, and all of them moved.
  const months = new Set<string>();
  for (const day of days) {
    s.dropLeadDay.run(day, from.id);
    s.addLeadDay.run(day, to.id, to.source);
    months.add(day.slice(0, 7));
  }
  for (const month of months) {
    s.dropLeadMonth.run(month, from.id);
    s.addLeadMonth.run(month, to.id, to.source);
  }
}

/**
 * Every tally counted again from the calls and exits themselves: after a change of basis, and on
 * demand (`kpi.rebuildTallies`). Counted in memory and written in one pass; all or nothing with the
 * caller's transaction.
 */
export function rebuildTallies(db: Db, basis: TallyBasis = currentBasis(db)): { calls: number; exits: number } {
  const s = statements(db);
  db.exec('DELETE FROM call_tallies; DELETE FROM lead_work_days; DELETE FROM lead_work_months; DELETE FROM call_half_hours; DELETE FROM exit_tallies;');
  const calls = new Map<string, number>();
  const leadDays = new Map<string, string>();
  const halfHours = new Map<number, number>();
  // Days repeat: a year of calls falls in ~8,800 UTC hours, and an hour that lies within one local
  // day (every hour, in a zone with a whole-hour offset) is formatted once.
  const hours = new Map<string, string>();
  const dayOf = (iso: string) => {
    if (iso.length !== 24 || !iso.endsWith('Z')) return localDate(new Date(iso), basis.timeZone);
    const hour = iso.slice(0, 13);
    let day = hours.get(hour);
    if (day === undefined) {
      const start = Date.parse(`${hour}:00:00.000Z`);
      const first = localDate(new Date(start), basis.timeZone);
      day = first === localDate(new Date(start + 3_599_999), basis.timeZone) ? first : '';
      hours.set(hour, day);
    }
    return day || localDate(new Date(iso), basis.timeZone);
  };
  let callCount = 0;
  for (const [leadId, source, startedAt, durationSec, outcome, marked] of s.allCalls.iterate()) {
    callCount++;
    const day = dayOf(startedAt);
    const key = `${day}\u0000${source}\u0000${outcome}\u0000${isConversation({ outcome, durationSec, conversation: marked === 1 }, basis.conversationSeconds) ? 1 : 0}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    leadDays.set(`${day}\u0000${leadId}`, source);
    const half = halfHourOf(startedAt);
    halfHours.set(half, (halfHours.get(half) ?? 0) + 1);
  }
  const exits = new Map<string, number>();
  let exitCount = 0;
  for (const [source, kind, reason, at] of s.allExits.iterate()) {
    exitCount++;
    const key = `${dayOf(at)}\u0000${source}\u0000${kind}\u0000${reason ?? ''}`;
    exits.set(key, (exits.get(key) ?? 0) + 1);
  }
  const insertCall = db.prepare<[string, string, string, number, number]>('INSERT INTO call_tallies (day, source, outcome, conversation, calls) VALUES (?, ?, ?, ?, ?)');
  for (const [key, n] of calls) {
    const [day, source, outcome, conversation] = key.split('\u0000') as [string, string, string, string];
    insertCall.run(day, source, outcome, Number(conversation), n);
  }
  for (const [key, source] of leadDays) {
    const [day, leadId] = key.split('\u0000') as [string, string];
    s.addLeadDay.run(day, leadId, source);
  }
  // Each month's rows are its days' (month, lead, source), in one statement (as migration 0019).
  s.monthsFromDays.run();
  const insertHalf = db.prepare<[number, number]>('INSERT INTO call_half_hours (half_hour, calls) VALUES (?, ?)');
  for (const [half, n] of halfHours) insertHalf.run(half, n);
  const insertExit = db.prepare<[string, string, string, string, number]>('INSERT INTO exit_tallies (day, source, kind, reason, exits) VALUES (?, ?, ?, ?, ?)');
  for (const [key, n] of exits) {
    const [day, source, kind, reason] = key.split('\u0000') as [string, string, string, string];
    insertExit.run(day, source, kind, reason, n);
  }
  s.setBasis.run(basis.timeZone, basis.conversationSeconds);
  return { calls: callCount, exits: exitCount };
}
