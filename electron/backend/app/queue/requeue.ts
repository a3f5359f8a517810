import type { LeadSource, LeadStatus } from '../../../../shared/contract/leads';
import type { BusinessCalendar } from '../../../../shared/contract/calendar';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import { classifyLead, type QueueLead } from '../../../../shared/domain/queue/classify';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { dropFrontier } from './frontier';

export interface QueueRow {
  id: string;
  status: string;
  source: string;
  score: number;
  behaviour_score: number;
  attempts: number;
  do_not_call: number;
  created_at: string;
  next_call_at: string | null;
  recycle_until: string | null;
  time_zone: string;
}

export const queueColumns = 'id, status, source, score, behaviour_score, attempts, do_not_call, created_at, next_call_at, recycle_until, time_zone';

const statements = perDatabase((db: Db) => ({
  due: db.prepare<[string], QueueRow>(`SELECT ${queueColumns} FROM leads WHERE queue_changes_at <= ?`),
  one: db.prepare<[string], QueueRow>(`SELECT ${queueColumns} FROM leads WHERE id = ?`),
  update: db.prepare<[number, number, string, string | null, string]>(
    'UPDATE leads SET queue_bucket = ?, queue_sort = ?, queue_reason = ?, queue_changes_at = ? WHERE id = ?',
  ),
  invalidateAll: db.prepare("UPDATE leads SET queue_changes_at = '1970-01-01T00:00:00.000Z'"),
}));

/** A stored lead as the queue classifies it; any row with these columns will do. */
export function toQueueLead(r: Omit<QueueRow, 'id'>): QueueLead {
  return {
    status: r.status as LeadStatus,
    source: r.source as LeadSource,
    score: r.score,
    behaviourScore: r.behaviour_score,
    attempts: r.attempts,
    doNotCall: r.do_not_call === 1,
    createdAt: r.created_at,
    nextCallAt: r.next_call_at,
    recycleUntil: r.recycle_until,
    timeZone: r.time_zone,
  };
}

/** Classifies one lead and stores its place. */
export function store(db: Db, row: QueueRow, rules: QueueRules, calendar: BusinessCalendar, now: Date): void {
  const entry = classifyLead(toQueueLead(row), rules, now, calendar);
  statements(db).update.run(entry.bucket, entry.sortKey, JSON.stringify(entry.reason), entry.changesAt, row.id);
}

/**
 * Re-classifies, all at once, the leads whose place in the queue the clock has changed since it was
 * stored (a cooldown ended, a recycle date came, a speed-to-lead window closed) and new,
 * unclassified ones. Cheap when nothing is due: one index probe. Call inside a write transaction.
 * For work that already holds the writer for long (the daily re-score, new rules); a read that finds
 * leads due has them re-placed in chunks instead, head of the queue first (requeueJob.ts).
 */
export function requeueDue(db: Db, rules: QueueRules, now: Date): number {
  const due = statements(db).due.all(now.toISOString());
  if (due.length === 0) return 0;
  const calendar = readSetting(db, settingSpecs.calendar);
  for (const row of due) store(db, row, rules, calendar, now);
  // A chunked re-placing under way has nothing left to do: its record would only be stale.
  dropFrontier(db);
  return due.length;
}

/** Re-classifies one lead after a write changed it. Call inside that write's transaction. */
export function requeueLead(db: Db, leadId: string, rules: QueueRules, now: Date): void {
  const row = statements(db).one.get(leadId);
  if (row) store(db, row, rules, readSetting(db, settingSpecs.calendar), now);
}

/** After the rules change every lead's place may change: mark all for re-classification. */
export function requeueAll(db: Db, rules: QueueRules, now: Date): number {
  statements(db).invalidateAll.run();
  return requeueDue(db, rules, now);
}
