import { companyNameKey, leadSearchText, personNameKey } from '../../../../shared/domain/normalize';
import type { Migration } from './types';

/**
 * Japanese lead data (issue 13): readings (フリガナ) for companies and people, the 法人番号 as the
 * strongest company key, the possible duplicates an import found and the rep's decision on each,
 * and the skipped-row count of an import. Existing keys are rebuilt with the new folds: company
 * name keys spell out legal forms (㈱ = 株式会社), search keys fold kana, kanji variants and long
 * vowels. Where two stored companies now fold to one key, the later keeps its old key, so nothing
 * is merged behind the rep's back.
 */
export const japaneseIdentity: Migration = {
  name: '0007-japanese-identity',
  up(db) {
    db.exec(`
      ALTER TABLE companies ADD COLUMN name_reading TEXT;
      ALTER TABLE companies ADD COLUMN corporate_number TEXT;
      CREATE UNIQUE INDEX companies_corporate_number ON companies(corporate_number) WHERE corporate_number IS NOT NULL;
      ALTER TABLE leads ADD COLUMN name_reading TEXT;
      -- The person's name as compared for identity (personNameKey): same company + same key = same person.
      ALTER TABLE leads ADD COLUMN name_key TEXT;
      ALTER TABLE imports ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE lead_duplicates (
        id TEXT PRIMARY KEY,
        -- The pair in a fixed order (lead_a < lead_b), so a pair is stored once.
        lead_a TEXT NOT NULL REFERENCES leads(id),
        lead_b TEXT NOT NULL REFERENCES leads(id),
        reason TEXT NOT NULL CHECK (reason IN ('same_name_other_email', 'same_mobile_other_company')),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'merged', 'separate')),
        import_id TEXT REFERENCES imports(id),
        created_at TEXT NOT NULL,
        decided_at TEXT,
        CHECK (lead_a < lead_b),
        UNIQUE (lead_a, lead_b)
      ) STRICT;
      CREATE INDEX lead_duplicates_open ON lead_duplicates(created_at) WHERE state = 'open';
      CREATE INDEX lead_duplicates_b ON lead_duplicates(lead_b);
      CREATE INDEX leads_company_name ON leads(company_id, name_key);
    `);

    const companies = db.prepare('SELECT id, name FROM companies ORDER BY created_at, id').all() as { id: string; name: string }[];
    const taken = db.prepare('SELECT 1 FROM companies WHERE name_key = ? AND id <> ?');
    const rekey = db.prepare('UPDATE companies SET name_key = ? WHERE id = ?');
    for (const company of companies) {
      const key = companyNameKey(company.name);
      if (!taken.get(key, company.id)) rekey.run(key, company.id);
    }

    const leads = db
      .prepare('SELECT l.id, l.full_name, l.phone, l.email, c.name AS company_name FROM leads l JOIN companies c ON c.id = l.company_id')
      .all() as { id: string; full_name: string; phone: string | null; email: string | null; company_name: string }[];
    const research = db.prepare('UPDATE leads SET search_text = ?, name_key = ? WHERE id = ?');
    for (const lead of leads) {
      research.run(leadSearchText({ companyName: lead.company_name, fullName: lead.full_name, phone: lead.phone, email: lead.email }), personNameKey(lead.full_name), lead.id);
    }
  },
};
