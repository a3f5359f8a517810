import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { CrmAnswer } from '../types';

const statements = perDatabase((db: Db) => ({
  update: db.prepare<{ id: string; state: string | null; reason: string | null; now: string }>(
    `UPDATE handoffs SET field_state = @state, field_reason = @reason, updated_at = @now
     WHERE id = @id AND (field_state IS NOT @state OR field_reason IS NOT @reason)`,
  ),
}));

/**
 * Field sales' answers (accepted, meeting held, rejected with a reason) onto the handoffs they
 * answer. Only field sales writes these fields, so there is nothing local to protect. Call in a
 * transaction; returns how many handoffs changed.
 */
export function mergeAnswers(db: Db, answers: readonly CrmAnswer[], now: Date): number {
  let changed = 0;
  for (const a of answers) {
    changed += statements(db).update.run({ id: a.handoffId, state: a.fieldState, reason: a.fieldState === null ? null : a.fieldReason, now: now.toISOString() }).changes;
  }
  return changed;
}
