import { importFields, type ImportField } from '../../contract/imports';

/**
 * Header names as Japanese spreadsheets, Salesforce and HubSpot lead exports (English and
 * Japanese UI) write them. Within a field the order is the preference: when a file has both
 * "Phone" and "Mobile Phone", the desk phone wins. No name may appear under two fields.
 */
export const headerAliases: Readonly<Record<ImportField, readonly string[]>> = {
  companyName: ['会社名', '企業名', '法人名', '社名', '取引先名', '組織名', '会社', 'Company', 'Company Name', 'Company / Account', 'Account Name', 'Account', 'Organization', 'Organization Name'],
  fullName: ['氏名', '名前', 'お名前', '担当者名', '担当者氏名', '担当者', 'Full Name', 'Name', 'Contact Name', 'Lead Name'],
  lastName: ['姓', '名字', '苗字', 'Last Name', 'Surname', 'Family Name'],
  firstName: ['名', 'First Name', 'Given Name'],
  phone: ['電話番号', '電話', 'TEL', '代表電話', 'Phone', 'Phone Number', 'Telephone', '携帯電話番号', '携帯電話', '携帯', 'Mobile', 'Mobile Phone', 'Mobile Phone Number'],
  email: ['メールアドレス', 'メール', 'Eメール', '電子メール', 'Email', 'E-mail', 'Email Address', 'Mail'],
  title: ['役職', '役職名', '肩書', '肩書き', 'Title', 'Job Title', 'Position'],
  department: ['部署', '部署名', '部門', '所属', '所属部署', 'Department', 'Division'],
  industry: ['業種', '業界', 'Industry'],
  employees: ['従業員数', '社員数', '従業員', '企業規模', 'Employees', 'No. of Employees', 'Number of Employees', 'Employee Count', 'Company Size'],
  source: ['リードソース', '流入経路', '流入元', '獲得経路', 'ソース', 'Lead Source', 'Original Source', 'Source'],
  website: ['Webサイト', 'ウェブサイト', 'ウェブサイトURL', 'ホームページ', 'HP', 'URL', 'Website', 'Web Site', 'Website URL', 'Homepage', 'Company Website'],
  address: ['住所', '所在地', '本社所在地', '会社住所', '町名・番地', 'Address', 'Street', 'Street Address'],
};

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

/**
 * Proposes which column feeds which field. Fields are settled in the contract's order, each taking
 * the column its most preferred alias names; a column feeds at most one field. Every field is
 * present in the result, null when no header matches, so the mapping form has one row per field.
 */
export function autoMapHeaders(headers: readonly string[]): Record<ImportField, number | null> {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const mapping = {} as Record<ImportField, number | null>;
  for (const [field, aliases] of aliasKeys) {
    mapping[field] = null;
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
