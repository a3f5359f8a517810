import type { ColumnMapping, ImportField } from '../../contract/imports';
import type { LeadSource } from '../../contract/leads';
import { phoneKey } from '../normalize';
import { parseEmployees } from './employees';
import { leadSourceOf } from './leadSource';
import { rowReasons, type RowReason } from './reasons';

/** A data row's cells by field, trimmed; a field the mapping leaves out is absent. */
export type RowCells = Partial<Record<ImportField, string>>;

/** What a valid row contributes: text fields are null when the cell was empty. */
export interface ImportedLead {
  companyName: string;
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
  website: string | null;
  address: string | null;
}

export type RowCheck = { ok: true; lead: ImportedLead } | { ok: false; reasons: RowReason[] };

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
  const reasons: RowReason[] = [];
  const companyName = textOf(cells.companyName);
  if (!companyName) reasons.push(rowReasons.missingCompany);

  const lastName = textOf(cells.lastName);
  const firstName = textOf(cells.firstName);
  const fullName = textOf(cells.fullName) ?? [lastName, firstName].filter(Boolean).join(' ');
  if (fullName.length === 0) reasons.push(rowReasons.missingName);

  const employees = parseEmployees(cells.employees);
  if (!employees.ok) reasons.push(rowReasons.employeesNotNumber);

  const email = textOf(cells.email?.normalize('NFKC').trim());
  if (email && !emailShape.test(email)) reasons.push(rowReasons.emailMalformed);

  const phone = textOf(cells.phone?.normalize('NFKC').trim());
  if (phone && phoneKey(phone) === null) reasons.push(rowReasons.phoneTooShort);

  if (reasons.length > 0 || !companyName || !employees.ok) return { ok: false, reasons };
  return {
    ok: true,
    lead: {
      companyName,
      lastName,
      firstName,
      fullName,
      phone,
      email,
      title: textOf(cells.title),
      department: textOf(cells.department),
      industry: textOf(cells.industry),
      employees: employees.value,
      source: leadSourceOf(cells.source),
      website: textOf(cells.website),
      address: textOf(cells.address),
    },
  };
}
