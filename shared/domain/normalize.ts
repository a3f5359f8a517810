/**
 * Keys for matching and searching. Japanese data mixes full- and half-width forms (ＡＢＣ/ABC,
 * ０３/03, ｶﾅ/カナ) and spacing (half- and full-width spaces between family and given names); NFKC folds them so the rep finds a lead
 * however it was typed, and a re-import recognises a lead however the file spelled it.
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\-‐‑–—―－()（）]/gu, '');
}

/** Digits only, with a leading + kept; null when fewer than 6 digits remain (not a phone number). */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const folded = phone.normalize('NFKC');
  const digits = folded.replace(/\D/g, '');
  if (digits.length < 6) return null;
  // +81 3… and 03… are the same Japanese number.
  if (folded.trim().startsWith('+81')) return `0${digits.slice(2)}`;
  return digits;
}

export function emailKey(email: string | null | undefined): string | null {
  if (!email) return null;
  const key = email.normalize('NFKC').trim().toLowerCase();
  return key.length > 0 ? key : null;
}

export function companyNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The text a call-list search runs against: company, person and phone in one searchable key. */
export function leadSearchText(parts: { companyName: string; fullName: string; phone?: string | null; email?: string | null }): string {
  return [parts.companyName, parts.fullName, parts.phone ?? '', phoneKey(parts.phone) ?? '', parts.email ?? '']
    .map(searchKey)
    .filter((part) => part.length > 0)
    .join('\n');
}
