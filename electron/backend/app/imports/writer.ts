import type { CsvEncoding, InvalidRow } from '../../../../shared/contract/imports';
import type { IdGenerator } from '../../../../shared/domain/clock';
import type { ImportedLead } from '../../../../shared/domain/import/validateRow';
import { companyNameKey, emailKey, leadSearchText, phoneKey } from '../../../../shared/domain/normalize';
import type { ScoringRules } from '../../../../shared/contract/scoringRules';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { rescoreLeads } from '../scoring/rescore';

export interface ImportWrite {
  importId: string;
  fileName: string;
  encoding: CsvEncoding;
  totalRows: number;
  leads: readonly ImportedLead[];
  invalid: readonly InvalidRow[];
  now: string;
  ids: IdGenerator;
  /** Imported and updated leads are scored with these in the same transaction, so they enter the queue in their place. */
  scoringRules: ScoringRules;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
}

interface CompanyRef {
  id: string;
  name: string;
}

interface ExistingLead {
  id: string;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
  source: string;
}

/**
 * The lookups a row needs, each by an index (a test asserts the plans), so an import costs the
 * same per row whether the store holds a hundred leads or a million. Exported for that test.
 */
export const importLookups = {
  companyByKey: 'SELECT id, name FROM companies WHERE name_key = ?',
  leadByPhone: `SELECT id, title, department, email, phone, source FROM leads
    WHERE phone_key = @key AND company_id = @companyId ORDER BY created_at, id LIMIT 1`,
  leadByEmail: `SELECT id, title, department, email, phone, source FROM leads
    WHERE company_id = @companyId AND email_key = @key ORDER BY created_at, id LIMIT 1`,
  leadByName: `SELECT id, title, department, email, phone, source FROM leads
    WHERE company_id = @companyId AND full_name = @key ORDER BY created_at, id LIMIT 1`,
} as const;

const statements = perDatabase((db: Db) => ({
  companyByKey: db.prepare<[string], CompanyRef>(importLookups.companyByKey),
  insertCompany: db.prepare(`
    INSERT INTO companies (id, name, name_key, website, industry, employees, address, created_at, updated_at)
    VALUES (@id, @name, @nameKey, @website, @industry, @employees, @address, @now, @now)`),
  // A cell left empty keeps what the store knows; a filled one replaces it.
  updateCompany: db.prepare(`
    UPDATE companies SET
      website = coalesce(@website, website), industry = coalesce(@industry, industry),
      employees = coalesce(@employees, employees), address = coalesce(@address, address), updated_at = @now
    WHERE id = @id`),
  leadByPhone: db.prepare<{ key: string; companyId: string }, ExistingLead>(importLookups.leadByPhone),
  leadByEmail: db.prepare<{ key: string; companyId: string }, ExistingLead>(importLookups.leadByEmail),
  leadByName: db.prepare<{ key: string; companyId: string }, ExistingLead>(importLookups.leadByName),
  insertLead: db.prepare(`
    INSERT INTO leads (id, company_id, last_name, first_name, full_name, title, department, email, email_key,
      phone, phone_key, source, search_text, import_id, created_at, updated_at)
    VALUES (@id, @companyId, @lastName, @firstName, @fullName, @title, @department, @email, @emailKey,
      @phone, @phoneKey, @source, @searchText, @importId, @now, @now)`),
  updateLead: db.prepare(`
    UPDATE leads SET last_name = @lastName, first_name = @firstName, full_name = @fullName, title = @title,
      department = @department, email = @email, email_key = @emailKey, phone = @phone, phone_key = @phoneKey,
      source = @source, search_text = @searchText, updated_at = @now, version = version + 1
    WHERE id = @id`),
  insertImport: db.prepare(`
    INSERT INTO imports (id, file_name, encoding, total_rows, inserted, updated, invalid, report, created_at)
    VALUES (@id, @fileName, @encoding, @totalRows, 0, 0, @invalid, @report, @now)`),
  countImport: db.prepare('UPDATE imports SET inserted = @inserted, updated = @updated WHERE id = @id'),
}));

/**
 * Writes an import in one transaction: every valid row lands, or none does. A row updates the lead
 * it matches at the same company — same phone, else same email, else (with neither) the same name —
 * and inserts one otherwise; since earlier rows are already written when a later row looks, a
 * person listed twice in one file collapses into one lead. Every valid row counts as exactly one
 * insert or one update, so inserted + updated + invalid = the file's data rows.
 */
export function writeImport(db: Db, write: ImportWrite): WriteCounts {
  const s = statements(db);
  return db.transaction((): WriteCounts => {
    s.insertImport.run({
      id: write.importId,
      fileName: write.fileName,
      encoding: write.encoding,
      totalRows: write.totalRows,
      invalid: write.invalid.length,
      report: JSON.stringify({ invalid: write.invalid }),
      now: write.now,
    });
    const companies = new Map<string, CompanyRef>();
    const counts: WriteCounts = { inserted: 0, updated: 0 };
    const touched = new Set<string>();

    for (const lead of write.leads) {
      const company = companyFor(lead, companies);
      const keys = { phoneKey: phoneKey(lead.phone), emailKey: emailKey(lead.email) };
      const existing = findLead(company.id, lead, keys);
      if (existing) {
        const merged = {
          title: lead.title ?? existing.title,
          department: lead.department ?? existing.department,
          email: lead.email ?? existing.email,
          phone: lead.phone ?? existing.phone,
          source: lead.source ?? existing.source,
        };
        s.updateLead.run({
          id: existing.id,
          lastName: lead.lastName,
          firstName: lead.firstName,
          fullName: lead.fullName,
          ...merged,
          emailKey: emailKey(merged.email),
          phoneKey: phoneKey(merged.phone),
          searchText: leadSearchText({ companyName: company.name, fullName: lead.fullName, phone: merged.phone, email: merged.email }),
          now: write.now,
        });
        touched.add(existing.id);
        counts.updated++;
      } else {
        const id = write.ids.next();
        touched.add(id);
        s.insertLead.run({
          id,
          companyId: company.id,
          lastName: lead.lastName,
          firstName: lead.firstName,
          fullName: lead.fullName,
          title: lead.title,
          department: lead.department,
          email: lead.email,
          emailKey: keys.emailKey,
          phone: lead.phone,
          phoneKey: keys.phoneKey,
          source: lead.source ?? 'other',
          searchText: leadSearchText({ companyName: company.name, fullName: lead.fullName, phone: lead.phone, email: lead.email }),
          importId: write.importId,
          now: write.now,
        });
        counts.inserted++;
      }
    }
    s.countImport.run({ id: write.importId, ...counts });
    rescoreLeads(db, [...touched], write.scoringRules, new Date(write.now));
    return counts;
  })();

  function companyFor(lead: ImportedLead, companies: Map<string, CompanyRef>): CompanyRef {
    const nameKey = companyNameKey(lead.companyName);
    const fields = { website: lead.website, industry: lead.industry, employees: lead.employees, address: lead.address, now: write.now };
    let company = companies.get(nameKey) ?? s.companyByKey.get(nameKey);
    if (company) {
      const hasCompanyFields = [lead.website, lead.industry, lead.employees, lead.address].some((value) => value !== null);
      if (hasCompanyFields) s.updateCompany.run({ id: company.id, ...fields });
    } else {
      company = { id: write.ids.next(), name: lead.companyName };
      s.insertCompany.run({ id: company.id, name: company.name, nameKey, ...fields });
    }
    companies.set(nameKey, company);
    return company;
  }

  function findLead(companyId: string, lead: ImportedLead, keys: { phoneKey: string | null; emailKey: string | null }): ExistingLead | undefined {
    if (keys.phoneKey) {
      const byPhone = s.leadByPhone.get({ key: keys.phoneKey, companyId });
      if (byPhone) return byPhone;
    }
    if (keys.emailKey) return s.leadByEmail.get({ key: keys.emailKey, companyId });
    if (keys.phoneKey) return undefined;
    return s.leadByName.get({ key: lead.fullName, companyId });
  }
}
