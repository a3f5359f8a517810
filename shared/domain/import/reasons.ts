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
} as const;

export type RowReason = (typeof rowReasons)[keyof typeof rowReasons];
