import { describe, expect, it } from 'vitest';
import { importFields, type ImportField } from '../../shared/contract/imports';
import { autoMapHeaders, headerAliases, headerKey } from '../../shared/domain/import/headerMapping';

function mappedFields(headers: string[]): Partial<Record<ImportField, string>> {
  const mapping = autoMapHeaders(headers);
  return Object.fromEntries(
    Object.entries(mapping)
      .filter(([, column]) => column !== null)
      .map(([field, column]) => [field, headers[column as number]]),
  );
}

describe('autoMapHeaders', () => {
  it.each<[string, string[], Partial<Record<ImportField, string>>]>([
    [
      'a Japanese spreadsheet',
      ['会社名', '姓', '名', '役職', '部署', '電話番号', 'メール', '業種', '従業員数', 'リードソース', 'Webサイト', '住所'],
      {
        companyName: '会社名', lastName: '姓', firstName: '名', title: '役職', department: '部署', phone: '電話番号', email: 'メール',
        industry: '業種', employees: '従業員数', source: 'リードソース', website: 'Webサイト', address: '住所',
      },
    ],
    [
      'Japanese synonyms',
      ['企業名', '担当者名', 'TEL', 'メールアドレス', '部門', '流入経路', 'ホームページ', '所在地'],
      { companyName: '企業名', fullName: '担当者名', phone: 'TEL', email: 'メールアドレス', department: '部門', source: '流入経路', website: 'ホームページ', address: '所在地' },
    ],
    [
      'a Salesforce lead report',
      ['First Name', 'Last Name', 'Title', 'Company / Account', 'Phone', 'Mobile', 'Email', 'Lead Source', 'Industry', 'No. of Employees', 'Website', 'Street'],
      {
        firstName: 'First Name', lastName: 'Last Name', title: 'Title', companyName: 'Company / Account', phone: 'Phone', email: 'Email',
        source: 'Lead Source', industry: 'Industry', employees: 'No. of Employees', website: 'Website', address: 'Street',
      },
    ],
    [
      'a HubSpot contact export, mobile before desk phone in the file',
      ['Record ID', 'First Name', 'Last Name', 'Email', 'Mobile Phone Number', 'Phone Number', 'Company Name', 'Job Title', 'Original Source', 'Number of Employees', 'Website URL', 'Street Address'],
      {
        firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone Number', companyName: 'Company Name', title: 'Job Title',
        source: 'Original Source', employees: 'Number of Employees', website: 'Website URL', address: 'Street Address',
      },
    ],
    ['Account Name and Full Name', ['Account Name', 'Full Name', 'E-mail', 'Department'], { companyName: 'Account Name', fullName: 'Full Name', email: 'E-mail', department: 'Department' }],
    ['Name alone is the full name', ['Company', 'Name', 'Email Address'], { companyName: 'Company', fullName: 'Name', email: 'Email Address' }],
    ['only a mobile number still fills phone', ['会社名', '氏名', 'Mobile Phone'], { companyName: '会社名', fullName: '氏名', phone: 'Mobile Phone' }],
    [
      'case, width, spacing and decorations do not matter',
      ['ＣＯＭＰＡＮＹ　ＮＡＭＥ', ' email* ', '従業員数（人）', '電話番号(代表)', 'ｊｏｂ ｔｉｔｌｅ', 'Ｗｅｂ サイト', '【必須】氏名'],
      { companyName: 'ＣＯＭＰＡＮＹ　ＮＡＭＥ', email: ' email* ', employees: '従業員数（人）', phone: '電話番号(代表)', title: 'ｊｏｂ ｔｉｔｌｅ', website: 'Ｗｅｂ サイト', fullName: '【必須】氏名' },
    ],
    ['unknown headers stay unmapped', ['Lead Status', 'Create Date'], {}],
    ['説明 / 備考 / Description feed the lead notes', ['会社名', '備考'], { companyName: '会社名', notes: '備考' }],
    ['Description in a HubSpot export', ['Company Name', 'Description'], { companyName: 'Company Name', notes: 'Description' }],
    ['a column feeds one field only, the first one that names it', ['会社名', '会社名', '氏名'], { companyName: '会社名', fullName: '氏名' }],
  ])('%s', (_name, headers, expected) => {
    expect(mappedFields(headers)).toEqual(expected);
  });

  it('returns every field, null when no header names it', () => {
    const mapping = autoMapHeaders(['会社名']);
    expect(Object.keys(mapping).sort()).toEqual([...importFields].sort());
    expect(mapping).toMatchObject({ companyName: 0, phone: null, fullName: null });
  });

  it('takes the first of two columns with the same name', () => {
    expect(autoMapHeaders(['電話', 'x', '電話']).phone).toBe(0);
  });
});

describe('headerAliases', () => {
  it('never lists one header under two fields', () => {
    const owner = new Map<string, ImportField>();
    for (const field of importFields) {
      for (const alias of headerAliases[field]) {
        const key = headerKey(alias);
        const previous = owner.get(key);
        expect(previous === undefined || previous === field, `${alias} is under ${previous} and ${field}`).toBe(true);
        owner.set(key, field);
      }
    }
  });

  it('maps each alias back to its own field', () => {
    for (const field of importFields) {
      for (const alias of headerAliases[field]) expect(autoMapHeaders([alias])[field], alias).toBe(0);
    }
  });
});
