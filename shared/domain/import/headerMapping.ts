import { importFields, type ImportField } from '../../contract/imports';

/**
 * Header names as Japanese spreadsheets, Salesforce and HubSpot lead exports (English and
 * Japanese UI), kintone app exports (field labels as headers), and Sansan / Eight business-card
 * exports write them. Within a field the order is the preference: when a file has both "Phone"
 * and "Mobile Phone", the desk phone wins. No name may appear under two fields. Reading columns
 * (フリガナ, カナ, ヨミ…) are recognised by readingFieldOf before these, so "姓（フリガナ）" is never
 * taken for the surname.
 */
export const headerAliases: Readonly<Record<ImportField, readonly string[]>> = {
  companyName: ['会社名', '企業名', '法人名', '社名', '取引先名', '組織名', '会社', 'Company', 'Company Name', 'Company / Account', 'Account Name', 'Account', 'Organization', 'Organization Name'],
  companyReading: [],
  corporateNumber: ['法人番号', '法人番号13桁', 'Corporate Number', 'Corporate ID'],
  companyPhone: ['代表電話', '代表電話番号', '代表番号', '会社電話番号', '会社電話', 'TEL会社', '電話番号会社', 'Company Phone', 'Main Phone'],
  fullName: ['氏名', '名前', 'お名前', '担当者名', '担当者氏名', '担当者', 'Full Name', 'Name', 'Contact Name', 'Lead Name'],
  lastName: ['姓', '名字', '苗字', '名前姓', '氏名姓', 'Last Name', 'Surname', 'Family Name'],
  firstName: ['名', '名前名', '氏名名', 'First Name', 'Given Name'],
  lastNameReading: [],
  firstNameReading: [],
  nameReading: [],
  phone: ['電話番号', '電話', 'TEL', 'TEL直通', '直通電話', 'TEL部門', '部門電話', 'Phone', 'Phone Number', 'Telephone', '携帯電話番号', '携帯電話', '携帯', '携帯番号', 'Mobile', 'Mobile Phone', 'Mobile Phone Number'],
  email: ['メールアドレス', 'メール', 'Eメール', '電子メール', 'Email', 'E-mail', 'Email Address', 'Mail'],
  title: ['役職', '役職名', '肩書', '肩書き', 'Title', 'Job Title', 'Position'],
  department: ['部署', '部署名', '部門', '所属', '所属部署', 'Department', 'Division'],
  industry: ['業種', '業界', 'Industry'],
  employees: ['従業員数', '社員数', '従業員', '企業規模', 'Employees', 'No. of Employees', 'Number of Employees', 'Employee Count', 'Company Size'],
  source: ['リードソース', '流入経路', '流入元', '獲得経路', 'ソース', 'Lead Source', 'Original Source', 'Source'],
  website: ['Webサイト', 'ウェブサイト', 'ウェブサイトURL', 'ホームページ', 'HP', 'URL', 'Website', 'Web Site', 'Website URL', 'Homepage', 'Company Website'],
  address: ['住所', '所在地', '本社所在地', '会社住所', '町名・番地', 'Address', 'Street', 'Street Address'],
  notes: ['説明', '備考', 'メモ', '摘要', 'Description', 'Notes', 'Note', 'Comments'],
};

/** Words that make a column a reading (longest first): フリガナ, よみがな, カナ, ヨミ, 読み, Furigana, Kana, Yomi, Reading. */
const readingWords = 'フリガナ|ふりがな|よみがな|ヨミガナ|読み仮名|カナ|かな|ヨミ|よみ|読み|読|furigana|kana|yomi|reading|phonetic';
const readingWord = new RegExp(readingWords, 'giu');
const isReadingHeader = new RegExp(readingWords, 'iu');

/**
 * The reading field a header names, or null when it is not a reading column. The header without
 * its reading word says whose reading it is: 会社名（フリガナ） → the company's, 姓（カナ） → the family
 * name's, フリガナ alone or 氏名（ヨミ） → the person's full name. Works in any column order.
 */
export function readingFieldOf(header: string): ImportField | null {
  const folded = header.normalize('NFKC');
  if (!isReadingHeader.test(folded)) return null;
  const rest = headerKey(folded.replace(readingWord, ''));
  if (rest.length === 0 || fullNameKeys.has(rest)) return 'nameReading';
  if (companyKeys.has(rest)) return 'companyReading';
  if (lastNameKeys.has(rest)) return 'lastNameReading';
  if (firstNameKeys.has(rest)) return 'firstNameReading';
  return null;
}

/**
 * The comparable form of a header: NFKC folds full-width letters and half-width kana, case and
 * spacing are dropped, and so are bracketed notes and punctuation, because exports decorate names
 * ("従業員数（人）", "Email*", "No. of Employees") without changing what the column holds.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>/gu, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const aliasKeys: ReadonlyArray<readonly [ImportField, readonly string[]]> = importFields.map((field) => [
  field,
  headerAliases[field].map(headerKey),
]);
const keysOf = (field: ImportField) => new Set(headerAliases[field].map(headerKey));
const fullNameKeys = keysOf('fullName');
const companyKeys = keysOf('companyName');
const lastNameKeys = keysOf('lastName');
const firstNameKeys = keysOf('firstName');

/**
 * Proposes which column feeds which field. Fields are settled in the contract's order, each taking
 * the column its most preferred alias names; a column feeds at most one field. Every field is
 * present in the result, null when no header matches, so the mapping form has one row per field.
 */
export function autoMapHeaders(headers: readonly string[]): Record<ImportField, number | null> {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const mapping = Object.fromEntries(importFields.map((field) => [field, null])) as Record<ImportField, number | null>;
  // Readings first: their headers contain the name they read ("姓（フリガナ）").
  headers.forEach((header, column) => {
    const field = readingFieldOf(header);
    if (field && mapping[field] === null) {
      mapping[field] = column;
      taken.add(column);
    }
  });
  for (const [field, aliases] of aliasKeys) {
    if (mapping[field] !== null) continue;
    for (const alias of aliases) {
      const column = keys.findIndex((key, index) => key === alias && !taken.has(index));
      if (column >= 0) {
        mapping[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  return mapping;
}
