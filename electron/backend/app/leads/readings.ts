import type { FeatureHandlers } from '../../core/registry';
import { requireLead } from './rows';
import { refreshCompanySearchText } from './searchText';

/**
 * Readings (フリガナ) as the rep corrects them: the person's on the lead, the company's on the
 * company, and every search key at the company rebuilt, all in one transaction. An empty reading
 * is cleared. Readings stay in Koma: the CRM connectors do not map reading fields.
 */
export const readingHandlers: FeatureHandlers = {
  'lead.setReadings': (input, ctx) =>
    ctx.db.transaction(() => {
      const lead = requireLead(ctx.db, input.leadId);
      const now = ctx.clock.now().toISOString();
      ctx.db
        .prepare('UPDATE leads SET name_reading = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(input.nameReading || null, now, lead.id);
      ctx.db.prepare('UPDATE companies SET name_reading = ?, updated_at = ? WHERE id = ?').run(input.companyReading || null, now, lead.company_id);
      refreshCompanySearchText(ctx.db, lead.company_id);
      return {};
    })(),
};
