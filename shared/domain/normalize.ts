import { spellOutLegalForms } from './company/legalForm';
import { foldItaiji } from './text/itaiji';
import { foldKanaForSearch } from './text/kanaFold';

/**
 * The key a search runs against, and the same fold of what the rep typed. Japanese data mixes
 * full- and half-width forms (ＡＢＣ/ABC, ０３/03, ｶﾅ/カナ) and spacing; NFKC folds them. Readings
 * are typed in hiragana or katakana, with or without ー, and names in the common form of a kanji
 * (高橋 for 髙橋): those fold too. Legal forms are spelled out (㈱ → 株式会社) so "株式会社見本"
 * finds ㈱見本. Loose on purpose: a search key is never used to decide that two records are one.
 */
export function searchKey(text: string): string {
  const folded = foldKanaForSearch(foldItaiji(spellOutLegalForms(text).toLowerCase()));
  return folded.replace(/[\s\-‐‑–—―－()（）]/gu, '');
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

/**
 * A company's identity by name: width, case and spacing folded, and legal-form spellings
 * (株式会社 = ㈱ = (株) = （株）) made one in the position they stand, so 前株 and 後株 stay apart.
 * Kanji variants are not folded: identity stays strict where search is loose.
 */
export function companyNameKey(name: string): string {
  return spellOutLegalForms(name).toLowerCase().replace(/\s+/g, '');
}

/** A person's name as compared for identity: width and spacing folded, the spelling kept. */
export function personNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export interface LeadSearchParts {
  companyName: string;
  fullName: string;
  phone?: string | null;
  email?: string | null;
  /** Readings (フリガナ) of the person and the company, when known. */
  nameReading?: string | null;
  companyReading?: string | null;
}

/** The text a call-list search runs against: company, person, readings and phone in one searchable key. */
export function leadSearchText(parts: LeadSearchParts): string {
  return [
    parts.companyName,
    parts.fullName,
    parts.nameReading ?? '',
    parts.companyReading ?? '',
    parts.phone ?? '',
    phoneKey(parts.phone) ?? '',
    parts.email ?? '',
  ]
    .map(searchKey)
    .filter((part) => part.length > 0)
    .join('\n');
}
