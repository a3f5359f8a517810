import type { ColumnMapping, ImportField } from '../../contract/imports';
import type { LeadSource } from '../../contract/leads';
import { parseCorporateNumber } from '../company/corporateNumber';
import { phoneKey } from '../normalize';
import { parseEmployees } from './employees';
import { industryOf } from './industry';
import { readLeadSource } from './leadSource';
import { fieldMaxLength, rowReasons, tooLongReason } from './reasons';
import { joinPersonName } from '../personName';

/** A data row's cells by field, trimmed; a field the mapping leaves out is absent. */
export type RowCells = Partial<Record<ImportField, string>>;

/** What a valid row contributes: text fields are null when the cell was empty. */
export interface ImportedLead {
  companyName: string;
  companyReading: string | null;
  /** A valid 法人番号 (13 digits), or null. */
  corporateNumber: string | null;
  /** The company's main number (代表電話), from a column that says so. */
  companyPhone: string | null;
  /** The person's reading (フリガナ): the full-reading column, or the family and given readings joined. */
  nameReading: string | null;
  lastName: string | null;
  firstName: string | null;
  fullName: string;
  phone: string | null;
  email: string | null;
  title: string | null;
  department: string | null;
  industry: string | null;
  employees: number | null;
  source: LeadSource | null;
  /** The file's words for a source Koma does not know (source is then 'other'). */
  sourceDetail: string | null;
  website: string | null;
  address: string | null;
  notes: string | null;
}

export type RowCheck = { ok: true; lead: ImportedLead } | { ok: false; reasons: string[] };

export function cellsOf(values: readonly string[], mapping: ColumnMapping): RowCells {
  const cells: RowCells = {};
  for (const [field, column] of Object.entries(mapping) as [ImportField, number | null | undefined][]) {
    if (column !== null && column !== undefined) cells[field] = (values[column] ?? '').trim();
  }
  return cells;
}

/** A row whose cells are all blank: Excel writes ",,,," lines for formatted but empty rows. */
export function isBlankRow(values: readonly string[]): boolean {
  return values.every((value) => value.trim().length === 0);
}

// Deliberately loose: one @, something before it, a dotted domain after it, no spaces. Stricter
// checks reject real addresses; this catches the typos that matter (missing @, "taro@", spaces).
const emailShape = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

function textOf(value: string | undefined): string | null {
  return value && value.length > 0 ? value : null;
}

/**
 * Turns a row's cells into lead fields, or into every reason it cannot be imported (all of them at
 * once, so the user fixes the file in one pass). Emails and phones are NFKC-folded because
 * Japanese files often carry full-width "＠" and digits; names keep the spelling the file used.
 */
export function validateRow(cells: RowCells): RowCheck {
  const reasons: string[] = [];
  for (const [field, value] of Object.entries(cells) as [ImportField, string][]) {
    if (value !== undefined && value.length > fieldMaxLength[field]) reasons.push(tooLongReason(field));
  }
  const companyName = textOf(cells.companyName);
  if (!companyName) reasons.push(rowReasons.missingCompany);

  const lastName = textOf(cells.lastName);
  const firstName = textOf(cells.firstName);
  const fullName = textOf(cells.fullName) ?? joinPersonName(lastName, firstName);
  if (fullName.length === 0) reasons.push(rowReasons.missingName);

  const employees = parseEmployees(cells.employees);
  if (!employees.ok) reasons.push(rowReasons.employeesNotNumber);

  const email = textOf(cells.email?.normalize('NFKC').trim());
  if (email && !emailShape.test(email)) reasons.push(rowReasons.emailMalformed);

  const phone = textOf(cells.phone?.normalize('NFKC').trim());
  const companyPhone = textOf(cells.companyPhone?.normalize('NFKC').trim());
  if ((phone && phoneKey(phone) === null) || (companyPhone && phoneKey(companyPhone) === null)) reasons.push(rowReasons.phoneTooShort);

  const corporateNumber = parseCorporateNumber(cells.corporateNumber);
  if (!corporateNumber.ok) reasons.push(rowReasons.corporateNumberInvalid);

  const readingParts = [textOf(cells.lastNameReading), textOf(cells.firstNameReading)].filter(Boolean);
  const nameReading = textOf(cells.nameReading) ?? (readingParts.length > 0 ? readingParts.join(' ') : null);

  if (reasons.length > 0 || !companyName || !employees.ok || !corporateNumber.ok) return { ok: false, reasons };
  const source = readLeadSource(cells.source);
  return {
    ok: true,
    lead: {
      companyName,
      companyReading: textOf(cells.companyReading),
      corporateNumber: corporateNumber.value,
      companyPhone,
      nameReading,
      lastName,
      firstName,
      fullName,
      phone,
      email,
      title: textOf(cells.title),
      department: textOf(cells.department),
      industry: industryOf(cells.industry),
      employees: employees.value,
      source: source?.source ?? null,
      sourceDetail: source?.detail ?? null,
      website: textOf(cells.website),
      address: textOf(cells.address),
      notes: textOf(cells.notes),
    },
  };
}
