import type { CsvEncoding, InvalidRow } from '../../../../shared/contract/imports';
import type { IdGenerator } from '../../../../shared/domain/clock';
import type { ImportedLead } from '../../../../shared/domain/import/validateRow';
import { companyNameKey, emailKey, leadSearchText, personNameKey, phoneKey } from '../../../../shared/domain/normalize';
import type { ScoringRules } from '../../../../shared/contract/scoringRules';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { rescoreLeads } from '../../core/rescore';
import { enqueueAt } from '../../core/outbox';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import { hideInsertedLeads, inImportChunk, markWritten, publishImport, undoImport } from './chunks';
import { decideIdentity, isMobileNumber, type StoredPerson } from '../../../../shared/domain/import/identity';

export interface ImportWrite {
  importId: string;
  fileName: string;
  encoding: CsvEncoding;
  totalRows: number;
  /** Blank rows, counted so that inserted + updated + invalid + skipped = totalRows. */
  skipped: number;
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
  possibleDuplicates: number;
}

interface CompanyRef {
  id: string;
  name: string;
  name_reading: string | null;
  corporate_number: string | null;
  phone: string | null;
}

interface ExistingLead extends StoredPerson {
  last_name: string | null;
  first_name: string | null;
  title: string | null;
  department: string | null;
  phone: string | null;
  source: string;
  source_detail: string | null;
  name_reading: string | null;
  crm_id: string | null;
}

const leadColumns = 'id, last_name, first_name, full_name, name_key, email, email_key, phone, phone_key, title, department, source, source_detail, name_reading, crm_id';

/**
 * The lookups a row needs, each by an index (a test asserts the plans), so an import costs the
 * same per row whether the store holds a hundred leads or a million. Exported for that test.
 */
export const importLookups = {
  companyByNumber: 'SELECT id, name, name_reading, corporate_number, phone FROM companies WHERE corporate_number = ?',
  companyByKey: 'SELECT id, name, name_reading, corporate_number, phone FROM companies WHERE name_key = ?',
  leadsByPhone: `SELECT ${leadColumns} FROM leads WHERE phone_key = @key AND company_id = @companyId ORDER BY created_at, id LIMIT 20`,
  leadByEmail: `SELECT ${leadColumns} FROM leads WHERE company_id = @companyId AND email_key = @key ORDER BY created_at, id LIMIT 1`,
  leadsByName: `SELECT ${leadColumns} FROM leads WHERE company_id = @companyId AND name_key = @key ORDER BY created_at, id LIMIT 20`,
  mobileElsewhere: `SELECT id FROM leads WHERE phone_key = @key AND company_id <> @companyId ORDER BY created_at, id LIMIT 5`,
} as const;

const statements = perDatabase((db: Db) => ({
  companyByNumber: db.prepare<[string], CompanyRef>(importLookups.companyByNumber),
  companyByKey: db.prepare<[string], CompanyRef>(importLookups.companyByKey),
  insertCompany: db.prepare(`
    INSERT INTO companies (id, name, name_key, name_reading, corporate_number, phone, website, industry, employees, address, created_at, updated_at)
    VALUES (@id, @name, @nameKey, @reading, @corporateNumber, @phone, @website, @industry, @employees, @address, @now, @now)`),
  // A cell left empty keeps what the store knows; a filled one replaces it.
  updateCompany: db.prepare(`
    UPDATE companies SET
      website = coalesce(@website, website), industry = coalesce(@industry, industry),
      employees = coalesce(@employees, employees), address = coalesce(@address, address),
      name_reading = coalesce(@reading, name_reading), corporate_number = coalesce(corporate_number, @corporateNumber),
      phone = coalesce(@phone, phone), updated_at = @now
    WHERE id = @id`),
  setSwitchboard: db.prepare('UPDATE companies SET phone = coalesce(phone, @phone), updated_at = @now WHERE id = @id'),
  // A switchboard number stays the lead's number to dial, but no longer identifies the person.
  forgetPhoneKey: db.prepare('UPDATE leads SET phone_key = NULL WHERE company_id = @companyId AND phone_key = @key'),
  leadsByPhone: db.prepare<{ key: string; companyId: string }, ExistingLead>(importLookups.leadsByPhone),
  leadByEmail: db.prepare<{ key: string; companyId: string }, ExistingLead>(importLookups.leadByEmail),
  leadsByName: db.prepare<{ key: string; companyId: string }, ExistingLead>(importLookups.leadsByName),
  mobileElsewhere: db.prepare<{ key: string; companyId: string }, { id: string }>(importLookups.mobileElsewhere),
  insertLead: db.prepare(`
    INSERT INTO leads (id, company_id, last_name, first_name, full_name, name_key, name_reading, title, department, email, email_key,
      phone, phone_key, source, source_detail, search_text, import_id, notes, created_at, updated_at)
    VALUES (@id, @companyId, @lastName, @firstName, @fullName, @nameKey, @nameReading, @title, @department, @email, @emailKey,
      @phone, @phoneKey, @source, @sourceDetail, @searchText, @importId, @notes, @now, @now)`),
  // A re-import fills empty notes only: what the rep wrote about the person is never overwritten.
  fillNotes: db.prepare("UPDATE leads SET notes = @notes WHERE id = @id AND notes = ''"),
  updateLead: db.prepare(`
    UPDATE leads SET last_name = @lastName, first_name = @firstName, full_name = @fullName, name_key = @nameKey,
      name_reading = @nameReading, title = @title, department = @department, email = @email, email_key = @emailKey,
      phone = @phone, phone_key = @phoneKey, source = @source, source_detail = @sourceDetail, search_text = @searchText, updated_at = @now, version = version + 1
    WHERE id = @id`),
  insertDuplicate: db.prepare(`
    INSERT INTO lead_duplicates (id, lead_a, lead_b, reason, import_id, created_at)
    VALUES (@id, @a, @b, @reason, @importId, @now) ON CONFLICT (lead_a, lead_b) DO NOTHING`),
  insertImport: db.prepare(`
    INSERT INTO imports (id, file_name, encoding, total_rows, inserted, updated, invalid, skipped, report, created_at, state)
    VALUES (@id, @fileName, @encoding, @totalRows, 0, 0, @invalid, @skipped, @report, @now, 'writing')`),
  countImport: db.prepare('UPDATE imports SET inserted = @inserted, updated = @updated WHERE id = @id'),
}));

/** How an import's write is cut: rows per transaction, and what runs between two of them. */
export interface ImportChunking {
  /** At most this many rows per transaction (default 250). */
  rows?: number;
  /**
   * A chunk also ends once it has written for this long (default 20 ms), so how long a call logged
   * meanwhile waits does not grow with a busy machine or a slow disk; the commit comes on top.
   */
  budgetMs?: number;
  /** Between chunks: lets the writer answer other requests (a call being logged). */
  pause?: () => Promise<void>;
  /** Rows written so far, after each chunk. */
  onProgress?: (written: number) => void;
  /** Queue rules and clock for publishing the import's new leads into the queue. */
  queueRules: QueueRules;
  now: () => Date;
}

const defaultChunkRows = 250;
const defaultChunkBudgetMs = 20;

/**
 * Writes an import in chunks (chunks.ts): every valid row lands, or none does. Companies are found
 * by 法人番号 when the row has one, else by the folded name (legal forms spelled out, see
 * companyNameKey). People are found by the rules of identity.ts: same email at the company, or the
 * same name where nothing contradicts it; a phone number alone never merges two different names —
 * a number shared by different people is the company's switchboard (代表電話). Rows that may be the
 * same person but are not certain are inserted and paired in lead_duplicates for the rep to
 * review. Since earlier rows are already written when a later row looks, a person listed twice in
 * one file is one lead. Every valid row counts as exactly one insert or one update.
 */
export async function writeImport(db: Db, write: ImportWrite, chunking: ImportChunking): Promise<WriteCounts> {
  const s = statements(db);
  const rows = Math.max(1, chunking.rows ?? defaultChunkRows);
  const budgetMs = chunking.budgetMs ?? defaultChunkBudgetMs;
  const pause = chunking.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  db.transaction(() => {
    s.insertImport.run({
      id: write.importId,
      fileName: write.fileName,
      encoding: write.encoding,
      totalRows: write.totalRows,
      invalid: write.invalid.length,
      skipped: write.skipped,
      report: JSON.stringify({ invalid: write.invalid }),
      now: write.now,
    });
  })();
  const counts: WriteCounts = { inserted: 0, updated: 0, possibleDuplicates: 0 };
  const inserted: string[] = [];
  try {
    for (let at = 0; at < write.leads.length; ) {
      at = inImportChunk(db, write.importId, () => {
        const touched = new Set<string>();
        const insertedHere: string[] = [];
        const started = performance.now();
        const end = Math.min(write.leads.length, at + rows);
        let next = at;
        // At least one row a chunk, however slow the machine: the import always moves on.
        do writeRow(write.leads[next++]!, touched, insertedHere);
        while (next < end && performance.now() - started < budgetMs);
        rescoreLeads(db, [...touched], write.scoringRules, new Date(write.now));
        hideInsertedLeads(db, insertedHere);
        inserted.push(...insertedHere);
        return next;
      });
      chunking.onProgress?.(at);
      await pause();
    }
    markWritten(db, write.importId, () => s.countImport.run({ id: write.importId, inserted: counts.inserted, updated: counts.updated }));
  } catch (error) {
    try {
      undoImport(db, write.importId);
    } catch {
      // Still 'writing': the next start undoes it (finishInterruptedImports). The first error is the one to report.
    }
    throw error;
  }
  await publishImport(db, write.importId, inserted, chunking.queueRules, chunking.now, { rows: rows * 4, budgetMs, pause });
  return counts;

  function writeRow(lead: ImportedLead, touched: Set<string>, insertedHere: string[]): void {
    const company = companyFor(lead);
    const rowPhoneKey = phoneKey(lead.phone);
    const switchboardKey = phoneKey(company.phone);
    // A number known as the company's switchboard never identifies a person.
    const personalPhoneKey = rowPhoneKey !== null && rowPhoneKey === switchboardKey ? null : rowPhoneKey;
    const row = { nameKey: personNameKey(lead.fullName), emailKey: emailKey(lead.email), phoneKey: personalPhoneKey };
    const decision = decideIdentity(row, {
      byEmail: row.emailKey ? (s.leadByEmail.get({ key: row.emailKey, companyId: company.id }) ?? null) : null,
      byPhone: row.phoneKey ? s.leadsByPhone.all({ key: row.phoneKey, companyId: company.id }) : [],
      byName: s.leadsByName.all({ key: row.nameKey, companyId: company.id }),
    });

    if (decision.switchboard && lead.phone && rowPhoneKey) {
      s.setSwitchboard.run({ id: company.id, phone: lead.phone, now: write.now });
      s.forgetPhoneKey.run({ companyId: company.id, key: rowPhoneKey });
      company.phone = company.phone ?? lead.phone;
      row.phoneKey = null;
    }

    let leadId: string;
    if (decision.kind === 'same') {
      leadId = updateLead(decision.lead, lead, company, row.phoneKey);
      counts.updated++;
    } else {
      leadId = insertLead(lead, company, row.phoneKey);
      insertedHere.push(leadId);
      counts.inserted++;
    }
    touched.add(leadId);
    for (const other of decision.kind === 'new' ? decision.possibleDuplicates : []) {
      if (recordDuplicate(leadId, other, 'same_name_other_email')) counts.possibleDuplicates++;
    }
    if (row.phoneKey && isMobileNumber(row.phoneKey)) {
      for (const other of s.mobileElsewhere.all({ key: row.phoneKey, companyId: company.id })) {
        if (recordDuplicate(leadId, other.id, 'same_mobile_other_company')) counts.possibleDuplicates++;
      }
    }
  }

  function recordDuplicate(one: string, other: string, reason: 'same_name_other_email' | 'same_mobile_other_company'): boolean {
    if (one === other) return false;
    const [a, b] = one < other ? [one, other] : [other, one];
    return s.insertDuplicate.run({ id: write.ids.next(), a, b, reason, importId: write.importId, now: write.now }).changes > 0;
  }

  function companyFor(lead: ImportedLead): CompanyRef {
    const fields = {
      website: lead.website,
      industry: lead.industry,
      employees: lead.employees,
      address: lead.address,
      reading: lead.companyReading,
      phone: lead.companyPhone,
      now: write.now,
    };
    const nameKey = companyNameKey(lead.companyName);
    const byNumber = lead.corporateNumber ? s.companyByNumber.get(lead.corporateNumber) : undefined;
    const byName = byNumber ? undefined : s.companyByKey.get(nameKey);
    // Two companies may share a name; their 法人番号 tells them apart.
    const sameNameOtherNumber = byName?.corporate_number && lead.corporateNumber && byName.corporate_number !== lead.corporateNumber;
    const found = byNumber ?? (sameNameOtherNumber ? undefined : byName);
    if (found) {
      s.updateCompany.run({ id: found.id, corporateNumber: lead.corporateNumber, ...fields });
      return { ...found, phone: found.phone ?? lead.companyPhone, corporate_number: found.corporate_number ?? lead.corporateNumber };
    }
    const company: CompanyRef = {
      id: write.ids.next(),
      name: lead.companyName,
      name_reading: lead.companyReading,
      corporate_number: lead.corporateNumber,
      phone: lead.companyPhone,
    };
    s.insertCompany.run({
      id: company.id,
      name: company.name,
      nameKey: sameNameOtherNumber ? `${nameKey}#${lead.corporateNumber}` : nameKey,
      corporateNumber: lead.corporateNumber,
      ...fields,
    });
    return company;
  }

  function searchText(company: CompanyRef, fields: { fullName: string; nameReading: string | null; phone: string | null; email: string | null }) {
    return leadSearchText({ companyName: company.name, companyReading: company.name_reading, ...fields });
  }

  function updateLead(existing: ExistingLead, lead: ImportedLead, company: CompanyRef, phoneKeyToStore: string | null): string {
    // Never overwrite a person's name with another person's: the file's spelling replaces the
    // stored one only when both are the same name (width, spacing).
    const sameName = existing.name_key === personNameKey(lead.fullName);
    const merged = {
      fullName: sameName ? lead.fullName : existing.full_name,
      nameReading: lead.nameReading ?? existing.name_reading,
      title: lead.title ?? existing.title,
      department: lead.department ?? existing.department,
      email: lead.email ?? existing.email,
      phone: lead.phone ?? existing.phone,
      source: lead.source ?? existing.source,
      // The detail goes with the source it explains: a file that names a source replaces both.
      sourceDetail: lead.source ? lead.sourceDetail : existing.source_detail,
    };
    const names = sameName ? { lastName: lead.lastName, firstName: lead.firstName } : { lastName: existing.last_name, firstName: existing.first_name };
    const phoneKeyMerged = lead.phone ? phoneKeyToStore : existing.phone_key;
    s.updateLead.run({
      id: existing.id,
      ...names,
      ...merged,
      nameKey: personNameKey(merged.fullName),
      emailKey: emailKey(merged.email),
      phoneKey: phoneKeyMerged,
      searchText: searchText(company, merged),
      now: write.now,
    });
    if (lead.notes) s.fillNotes.run({ id: existing.id, notes: lead.notes });
    queueDetailsForCrm(existing, { ...names, ...merged });
    return existing.id;
  }

  /**
   * A lead the CRM already has (it has a CRM id) whose person details the file changed: the change
   * goes to the CRM like any edit, its outbox row in this same transaction. Nothing is queued when
   * the file says what Koma already knew, so re-importing a list causes no traffic.
   */
  function queueDetailsForCrm(
    existing: ExistingLead,
    next: { lastName: string | null; firstName: string | null; fullName: string; nameReading: string | null; title: string | null; email: string | null; phone: string | null },
  ): void {
    if (existing.crm_id === null) return;
    const before = {
      lastName: existing.last_name,
      firstName: existing.first_name,
      fullName: existing.full_name,
      nameReading: existing.name_reading,
      title: existing.title,
      email: existing.email,
      phone: existing.phone,
    };
    if ((Object.keys(before) as (keyof typeof before)[]).every((k) => before[k] === next[k])) return;
    enqueueAt(db, write.ids, write.now, 'lead', existing.id, 'details', {
      leadId: existing.id,
      crmId: existing.crm_id,
      lastName: next.lastName,
      firstName: next.firstName,
      fullName: next.fullName,
      nameReading: next.nameReading,
      title: next.title,
      email: next.email,
      phone: next.phone,
      changedAt: write.now,
    });
  }

  function insertLead(lead: ImportedLead, company: CompanyRef, phoneKeyToStore: string | null): string {
    const id = write.ids.next();
    s.insertLead.run({
      id,
      companyId: company.id,
      lastName: lead.lastName,
      firstName: lead.firstName,
      fullName: lead.fullName,
      nameKey: personNameKey(lead.fullName),
      nameReading: lead.nameReading,
      title: lead.title,
      department: lead.department,
      email: lead.email,
      emailKey: emailKey(lead.email),
      phone: lead.phone,
      phoneKey: phoneKeyToStore,
      source: lead.source ?? 'other',
      sourceDetail: lead.sourceDetail,
      searchText: searchText(company, lead),
      importId: write.importId,
      notes: lead.notes ?? '',
      now: write.now,
    });
    return id;
  }
}

