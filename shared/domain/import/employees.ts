/**
 * Headcounts as people type them: "1,200", "１２００", "1200名", "約300人", "300人以上", "1,000+",
 * and ranges such as "100-499" or "100〜499" (HubSpot and purchased lists bucket company sizes).
 * An approximation or a range is still a usable size for scoring, so it is accepted: the number
 * itself, or a range's lower bound, which never overstates the company. Anything else — words
 * ("大企業", "不明"), decimals, negatives — is not a headcount: the caller reports the row.
 */
const headcount =
  /^(?:約|およそ|approx\.?|about|ca\.?|~)?(\d{1,3}(?:,\d{3})+|\d+)(?:(?:-|~|〜|～|to)(?:\d{1,3}(?:,\d{3})+|\d+))?(?:名|人|社員|employees?|people)?(?:以上|超|\+|程度|前後|くらい|ぐらい|ormore)?$/u;

export type EmployeesParse = { ok: true; value: number | null } | { ok: false };

export function parseEmployees(raw: string | undefined): EmployeesParse {
  // NFKC turns full-width digits, commas and tildes into ASCII (but leaves the wave dash 〜).
  // Spaces go, except between two digits: "100 200" is two numbers, not 100200.
  const text = (raw ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<!\d)\s+|\s+(?!\d)/gu, '');
  if (text.length === 0) return { ok: true, value: null };
  const match = headcount.exec(text);
  if (!match) return { ok: false };
  const value = Number(match[1]!.replace(/,/g, ''));
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}
