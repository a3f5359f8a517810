import { KomaError } from '../../../../shared/contract';
import { prepChecklistSchema } from '../../../../shared/contract/callFlow';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import type { FeatureHandlers } from '../../core/registry';

const statements = perDatabase((db: Db) => ({
  notes: db.prepare('UPDATE companies SET prep_notes = ?, prep_notes_saved_at = ?, updated_at = ? WHERE id = ?'),
  checklist: db.prepare<[string], { prep_checklist: string }>('SELECT prep_checklist FROM companies WHERE id = ?'),
  saveChecklist: db.prepare('UPDATE companies SET prep_checklist = ?, updated_at = ? WHERE id = ?'),
}));

const noCompany = (id: string) => new KomaError('not_found', `No company with id ${id}; reload the lead.`);

/** Prep notes and checklist belong to the company: every lead there shares them. */
export const prepHandlers: FeatureHandlers = {
  'prep.saveNotes': (input, ctx) => {
    const savedAt = ctx.clock.now().toISOString();
    const changes = ctx.db.transaction(() => statements(ctx.db).notes.run(input.notes, savedAt, savedAt, input.companyId).changes)();
    if (changes === 0) throw noCompany(input.companyId);
    return { savedAt };
  },

  'prep.setChecklist': (input, ctx) =>
    ctx.db.transaction(() => {
      const row = statements(ctx.db).checklist.get(input.companyId);
      if (!row) throw noCompany(input.companyId);
      const current = prepChecklistSchema.partial().parse(JSON.parse(row.prep_checklist));
      const checklist = prepChecklistSchema.parse({ website_read: false, news_checked: false, previous_contact_read: false, ...current, [input.item]: input.checked });
      statements(ctx.db).saveChecklist.run(JSON.stringify(checklist), ctx.clock.now().toISOString(), input.companyId);
      return { checklist };
    })(),
};
