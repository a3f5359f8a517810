/**
 * The 法人番号 (corporate number) issued by the National Tax Agency: 13 digits, the first a check
 * digit computed from the other twelve (the 基礎番号). The rule is 法人番号の指定等に関する省令
 * (平成二十六年財務省令第七十号) 第二条: check = 9 − (Σ Pn × Qn mod 9), where Pn is the n-th digit of
 * the base number counted from its last digit and Qn is 1 for odd n and 2 for even n.
 */
export function corporateNumberCheckDigit(base: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base[12 - n]);
    sum += digit * (n % 2 === 0 ? 2 : 1);
  }
  return 9 - (sum % 9);
}

export type CorporateNumberCheck = { ok: true; value: string | null } | { ok: false };

/**
 * A cell as a corporate number: null when empty, the 13 digits when valid (full-width digits and
 * hyphens or spaces between groups are accepted), not ok otherwise.
 */
export function parseCorporateNumber(cell: string | undefined): CorporateNumberCheck {
  const text = (cell ?? '').normalize('NFKC').replace(/[\s-]/g, '');
  if (text.length === 0) return { ok: true, value: null };
  if (!/^[1-9]\d{12}$/.test(text)) return { ok: false };
  return corporateNumberCheckDigit(text.slice(1)) === Number(text[0]) ? { ok: true, value: text } : { ok: false };
}
