import type { QueueKey } from '../../../../shared/contract/leads';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { MaintenanceNeeded } from '../../core/maintenance';
import { compareKeys, pastTheList, readFrontier } from './frontier';

const statements = perDatabase((db: Db) => ({
  // One probe of the partial index leads_queue_changes.
  anyDue: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM leads WHERE queue_changes_at <= ? LIMIT 1'),
  dueBetween: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM leads WHERE queue_changes_at > ? AND queue_changes_at <= ? LIMIT 1'),
}));

/**
 * What a read of the queue may trust. Fresh: no lead is due for re-placing, the stored order is the
 * queue. Partial: the writer is re-placing a backlog head first (requeueJob.ts); the stored order,
 * leaving out the leads still due (`now`), is the queue up to `upTo` — exact there, unknown after.
 */
export type QueueView = { kind: 'fresh' } | { kind: 'partial'; now: string; upTo: QueueKey };

/** Some lead waits to be re-placed (one index probe): the writer's cue to place the backlog. */
export function anyLeadDue(db: Db, now: Date): boolean {
  return statements(db).anyDue.get(now.toISOString()) !== undefined;
}

/** The view, or null when a read can trust nothing until the writer has placed a chunk. */
export function queueViewOrNull(db: Db, now: Date): QueueView | null {
  const iso = now.toISOString();
  if (!statements(db).anyDue.get(iso)) return { kind: 'fresh' };
  const frontier = readFrontier(db);
  if (!frontier || frontier.stale || frontier.upTo === null || frontier.asOf > iso) return null;
  // Leads due since the plan was made are not in it.
  if (frontier.asOf < iso && statements(db).dueBetween.get(frontier.asOf, iso)) return null;
  return { kind: 'partial', now: iso, upTo: frontier.upTo };
}

/**
 * For a read: the view, or MaintenanceNeeded('requeue') — the router has the writer place the next
 * chunk and runs the read again on a fresh snapshot, until the read's answer lies within the placed
 * head. The common case (nothing due) costs one index probe.
 */
export function queueView(db: Db, now: Date): QueueView {
  const view = queueViewOrNull(db, now);
  if (!view) throw new MaintenanceNeeded('requeue');
  return view;
}

/** Every lead bound for the list is placed: the stored order, due leads left out, is the whole list. */
export function wholeListKnown(view: QueueView): boolean {
  return view.kind === 'fresh' || view.upTo.bucket === pastTheList;
}

/** A key past what the view can vouch for. */
export function beyondView(view: QueueView, key: QueueKey): boolean {
  return !wholeListKnown(view) && view.kind === 'partial' && compareKeys(key, view.upTo) > 0;
}

/** A stored row still waiting to be re-placed: its stored place is stale, leave it out. */
export function stillDue(view: QueueView, changesAt: string | null): boolean {
  return view.kind === 'partial' && changesAt !== null && changesAt <= view.now;
}
