import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number as Koma shows it everywhere: Japanese numbers in the national format with the
 * area code's own hyphenation (03-1234-5678, 045-111-2222, 0466-12-3456, 0120-123-456), foreign
 * ones in the international format (+1 415 555 0100), however the list typed them (０３…, spaces,
 * brackets, +81). Anything that is not a valid number (内線 only, a note) is shown as typed: the
 * rep's data is never rewritten, only displayed.
 */
export function displayPhone(phone: string): string {
  const typed = phone.trim();
  const parsed = parsePhoneNumberFromString(typed.normalize('NFKC'), 'JP');
  if (!parsed?.isValid()) return typed;
  return parsed.country === 'JP' ? parsed.formatNational() : parsed.formatInternational();
}
