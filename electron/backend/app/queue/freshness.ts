import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { MaintenanceNeeded } from '../../core/maintenance';

const statements = perDatabase((db: Db) => ({
  // One probe of the partial index leads_queue_changes.
  anyDue: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM leads WHERE queue_changes_at <= ? LIMIT 1'),
}));

/**
 * A read of the queue is exact only if no lead's place is overdue for re-classification; when one
 * is, the writer re-places them first (MaintenanceNeeded) and the read runs again.
 */
export function assertQueueFresh(db: Db, now: Date): void {
  if (statements(db).anyDue.get(now.toISOString())) throw new MaintenanceNeeded('requeue');
}
