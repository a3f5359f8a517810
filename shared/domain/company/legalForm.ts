/**
 * Legal forms (法人格) as Japanese lists abbreviate them. After NFKC, ㈱ is "(株)" and （株） is
 * "(株)" too, so only the bracketed abbreviations need spelling out here. Each abbreviation is
 * replaced where it stands: (株)見本 becomes 株式会社見本 (前株) and 見本(株) becomes 見本株式会社 (後株),
 * which stay different names, because they may be different companies.
 * Abbreviations from the conventions used on invoices and bank transfers (略称).
 */
export const legalFormAbbreviations: ReadonlyArray<readonly [string, string]> = [
  ['株', '株式会社'],
  ['有', '有限会社'],
  ['同', '合同会社'],
  ['名', '合名会社'],
  ['資', '合資会社'],
  ['一社', '一般社団法人'],
  ['一財', '一般財団法人'],
  ['公社', '公益社団法人'],
  ['公財', '公益財団法人'],
  ['社', '社団法人'],
  ['財', '財団法人'],
  ['医', '医療法人'],
  ['学', '学校法人'],
  ['福', '社会福祉法人'],
  ['特非', '特定非営利活動法人'],
  ['NPO', '特定非営利活動法人'],
  ['独', '独立行政法人'],
  ['宗', '宗教法人'],
];

const bracketed = new RegExp(`\\((${legalFormAbbreviations.map(([short]) => short).join('|')})\\)`, 'gu');
const fullForm = new Map(legalFormAbbreviations);

/** NFKC text with every bracketed legal-form abbreviation spelled out in place. */
export function spellOutLegalForms(text: string): string {
  return text.normalize('NFKC').replace(bracketed, (_match, short: string) => fullForm.get(short) ?? short);
}
