export type WholeNumberText = { readable: true; value: number | null } | { readable: false };

/**
 * Reads a whole number as reps type it: full-width digits, grouping commas, a yen sign or 円.
 * Empty text is "no value". The sign is kept, so the backend (not the form) judges a negative.
 */
export function readWholeNumber(text: string): WholeNumberText {
  const plain = text
    .normalize('NFKC')
    .replace(/[\s,_]/g, '')
    .replace(/^[¥$]|円$/g, '');
  if (plain === '') return { readable: true, value: null };
  if (!/^-?\d+$/.test(plain)) return { readable: false };
  return { readable: true, value: Number(plain) };
}
