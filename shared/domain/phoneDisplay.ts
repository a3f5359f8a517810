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
  const folded = typed.normalize('NFKC');
  const parsed = parsePhoneNumberFromString(folded, 'JP');
  if (!parsed?.isValid()) return typed;
  if (parsed.country !== 'JP') return parsed.formatInternational();
  // A domestic number the list already grouped (06 0000 3490, (03)1234-5678) keeps its grouping with
  // hyphens: the area code's length is what the writer knew, and libphonenumber guesses it from the
  // leading digits alone (06-0000… would become 060-000…). Ungrouped digits get the library's format.
  const groups = folded.split(/[^0-9]+/).filter(Boolean);
  const national = parsed.formatNational().replace(/\D/g, '');
  if (folded.startsWith('0') || folded.startsWith('(0')) {
    if (groups.length > 1 && groups.join('') === national) return groups.join('-');
  }
  return parsed.formatNational();
}
