import type { FieldRep } from '../../../../shared/contract/handoff';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { FeatureHandlers } from '../../core/registry';

const statements = perDatabase((db: Db) => ({
  all: db.prepare<[], { id: string; name: string; email: string | null; crm_user_id: string | null; active: number }>(
    'SELECT id, name, email, crm_user_id, active FROM field_reps ORDER BY active DESC, name',
  ),
  upsert: db.prepare(
    `INSERT INTO field_reps (id, name, email, crm_user_id, active) VALUES (@id, @name, @email, @crmUserId, @active)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, crm_user_id = excluded.crm_user_id, active = excluded.active`,
  ),
}));

function listReps(db: Db): FieldRep[] {
  return statements(db)
    .all.all()
    .map((r) => ({ id: r.id, name: r.name, email: r.email, crmUserId: r.crm_user_id, active: r.active === 1 }));
}

/** Field reps are never deleted (handoffs point at them); they are deactivated instead. */
export const fieldRepHandlers: FeatureHandlers = {
  'fieldReps.list': (_input, ctx) => ({ reps: listReps(ctx.db) }),
  'fieldReps.save': (input, ctx) =>
    ctx.db.transaction(() => {
      for (const rep of input.reps) {
        statements(ctx.db).upsert.run({ id: rep.id ?? ctx.ids.next(), name: rep.name, email: rep.email, crmUserId: rep.crmUserId, active: rep.active ? 1 : 0 });
      }
      return { reps: listReps(ctx.db) };
    })(),
};
