import type { ImportField } from '../../contract/imports';

/**
 * Why a row was not imported: stable English sentences, shown as they are and usable as i18n keys
 * by the renderer. One list for the whole import, so the UI has every reason in one place.
 */
export const rowReasons = {
  missingCompany: 'Company name is missing',
  missingName: 'Name is missing (full name, or last and first name)',
  employeesNotNumber: 'Employees is not a number',
  emailMalformed: 'Email address is malformed',
  phoneTooShort: 'Phone number has too few digits',
  malformedQuotes: 'Quotes in this row are malformed',
  unclosedQuote: 'A quoted field is never closed, so the rest of the file was read as one value',
  tooManyCells: 'This row has more values than the header has columns (a comma outside quotes?)',
  corporateNumberInvalid: 'The corporate number (法人番号) is not 13 digits with a valid check digit',
  valueTooLong: 'A value is longer than its field allows',
  replacementCharacter: 'A character in this cell could not be read from Shift_JIS and is shown as �',
} as const;

export type RowReason = (typeof rowReasons)[keyof typeof rowReasons];

/**
 * The longest value each field takes, in characters. Generous for real data (the longest
 * registered Japanese company names are under 100 characters; RFC 5321 caps an address at 254),
 * small enough that a broken file cannot put megabytes into one cell of the store.
 */
export const fieldMaxLength: Readonly<Record<ImportField, number>> = {
  companyName: 200,
  companyReading: 200,
  corporateNumber: 20,
  companyPhone: 40,
  lastName: 100,
  firstName: 100,
  fullName: 200,
  lastNameReading: 100,
  firstNameReading: 100,
  nameReading: 200,
  phone: 40,
  email: 254,
  title: 200,
  department: 200,
  industry: 200,
  employees: 40,
  source: 200,
  website: 2048,
  address: 500,
  notes: 5000,
};

/** The reason for a value over its field's limit: the generic sentence, the field and the limit, parseable by the renderer. */
export function tooLongReason(field: ImportField): string {
  return `${rowReasons.valueTooLong}: ${field} (${fieldMaxLength[field]})`;
}

export function parseTooLongReason(reason: string): { field: ImportField; max: number } | null {
  const match = /^(.*): (\w+) \((\d+)\)$/u.exec(reason);
  if (!match || match[1] !== rowReasons.valueTooLong || !match[2] || !(match[2] in fieldMaxLength)) return null;
  return { field: match[2] as ImportField, max: Number(match[3]) };
}
