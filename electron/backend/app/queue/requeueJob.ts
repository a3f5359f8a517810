import { performance } from 'node:perf_hooks';
import type { QueueKey } from '../../../../shared/contract/leads';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import { classifyLead } from '../../../../shared/domain/queue/classify';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { withUnsyncedCommit } from '../../db/unsyncedCommit';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { advanceFrontier, compareKeys, dropFrontier, pastTheList, readFrontier, startFrontier } from './frontier';
import { queueColumns, store, toQueueLead, type QueueRow } from './requeue';

/**
 * How much one chunk re-places: at most `rows` leads and about `budgetMs` of work, then it commits
 * and the writer serves whatever waits (a call logged, a read asking for the next chunk). After a
 * long weekend most of 100,000 leads can be due at once; re-placing them in one transaction held
 * the writer, and every read of the queue waiting on it, for tens of seconds, and chunks of 2,000
 * still made a call wait half a second. The first chunk is as small: a read waits for the plan and
 * one chunk, then for as many more as its answer needs.
 */
export interface RequeueLimit {
  rows: number;
  budgetMs: number;
}
export const requeueChunk = 2_000;
export const defaultRequeueLimit: RequeueLimit = { rows: requeueChunk, budgetMs: 15 };

interface Plan {
  asOf: string;
  /** Every lead due at asOf, in the order of its new place (leads leaving the list last). */
  entries: QueueKey[];
  next: number;
  /** What this plan last wrote as the frontier; the stored one differs if that write rolled back. */
  placedUpTo: QueueKey | null;
}

const plans = new WeakMap<Db, Plan>();

const statements = perDatabase((db: Db) => ({
  anyDue: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM leads WHERE queue_changes_at <= ? LIMIT 1'),
  dueBetween: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM leads WHERE queue_changes_at > ? AND queue_changes_at <= ? LIMIT 1'),
  due: db.prepare<[string], QueueRow>(`SELECT ${queueColumns} FROM leads WHERE queue_changes_at <= ?`),
  one: db.prepare<[string], QueueRow & { queue_changes_at: string | null }>(`SELECT ${queueColumns}, queue_changes_at FROM leads WHERE id = ?`),
}));

const sameKey = (a: QueueKey | null, b: QueueKey | null) => (a === null || b === null ? a === b : compareKeys(a, b) === 0);

/** Classifies every due lead in memory (cheap next to writing them) to know the order to place them in. */
function plan(db: Db, rules: QueueRules, now: Date): Plan {
  const asOf = now.toISOString();
  const calendar = readSetting(db, settingSpecs.calendar);
  const entries: QueueKey[] = [];
  for (const row of statements(db).due.iterate(asOf)) {
    const entry = classifyLead(toQueueLead(row), rules, now, calendar);
    entries.push(entry.bucket === 0 ? { bucket: pastTheList, sort: 0, id: row.id } : { bucket: entry.bucket, sort: entry.sortKey, id: row.id });
  }
  entries.sort(compareKeys);
  return { asOf, entries, next: 0, placedUpTo: null };
}

/**
 * One chunk of re-placing the leads the clock has made due, head of the queue first, in its own
 * transaction (a savepoint inside a caller's). After it, every due lead whose new place is at or
 * before the recorded frontier is placed, so a read can answer the head of the queue while the
 * rest waits (app/queue/freshness.ts). The plan is kept in memory between chunks and made again
 * when the stored frontier no longer agrees with it (another write made leads due: the triggers of
 * migration 0017 mark it stale; or the chunk before rolled back; or the clock made more leads due).
 */
export function requeueStep(db: Db, rules: QueueRules, now: Date, limit: RequeueLimit = defaultRequeueLimit): { placed: number; remaining: number } {
  const step = db.transaction((): { placed: number; remaining: number } => {
    const iso = now.toISOString();
    const s = statements(db);
    const frontier = readFrontier(db);
    let p = plans.get(db);
    // The plan holds while the clock has made no other lead due since it was made: a real clock
    // moves between two chunks, and planning again for every millisecond would never end.
    const holds =
      p && frontier && !frontier.stale && frontier.asOf === p.asOf && p.asOf <= iso && sameKey(frontier.upTo, p.placedUpTo) && (p.asOf === iso || !s.dueBetween.get(p.asOf, iso));
    if (!p || !holds) {
      if (!s.anyDue.get(iso)) {
        if (frontier) dropFrontier(db);
        plans.delete(db);
        return { placed: 0, remaining: 0 };
      }
      p = plan(db, rules, now);
      plans.set(db, p);
      startFrontier(db, p.asOf);
    }
    // Placed as at the plan's instant, so every chunk agrees with the order the plan promised.
    const at = new Date(p.asOf);
    const calendar = readSetting(db, settingSpecs.calendar);
    const last = Math.min(p.entries.length, p.next + limit.rows);
    const started = performance.now();
    let placed = 0;
    let end = p.next;
    while (end < last && (end === p.next || performance.now() - started < limit.budgetMs)) {
      const row = s.one.get(p.entries[end++]!.id);
      // A write re-placed it meanwhile (it is no longer due): its place is already fresh.
      if (!row || row.queue_changes_at === null || row.queue_changes_at > p.asOf) continue;
      store(db, row, rules, calendar, at);
      placed++;
    }
    p.next = end;
    if (end === p.entries.length) {
      dropFrontier(db);
      plans.delete(db);
      return { placed, remaining: 0 };
    }
    const upTo = p.entries[end - 1]!;
    advanceFrontier(db, upTo);
    p.placedUpTo = upTo;
    return { placed, remaining: p.entries.length - end };
  });
  // A chunk lost to a power cut leaves its leads due and its frontier unmoved (one transaction),
  // so the next read places them again: its commit need not wait for the disk.
  return withUnsyncedCommit(db, step);
}

/** The whole backlog, chunk after chunk (the in-process dispatcher, tools). */
export function requeueAllSteps(db: Db, rules: QueueRules, now: Date): number {
  let placed = 0;
  for (;;) {
    const step = requeueStep(db, rules, now);
    placed += step.placed;
    if (step.remaining === 0) return placed;
  }
}
