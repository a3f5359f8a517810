import { describe, expect, it } from 'vitest';
import type { LeadSource } from '../../shared/contract/leads';
import { parseEmployees } from '../../shared/domain/import/employees';
import { leadSourceOf } from '../../shared/domain/import/leadSource';
import { mappingProblem } from '../../shared/domain/import/mappingCheck';
import { rowReasons } from '../../shared/domain/import/reasons';
import { cellsOf, isBlankRow, validateRow, type ImportedLead, type RowCells } from '../../shared/domain/import/validateRow';

describe('parseEmployees', () => {
  it.each<[string, number | null]>([
    ['', null],
    ['   ', null],
    ['1200', 1200],
    ['1,200', 1200],
    ['１２００', 1200],
    ['１，２００', 1200],
    ['1200名', 1200],
    ['1,200 人', 1200],
    ['約300', 300],
    ['約３００名', 300],
    ['300人以上', 300],
    ['1,000+', 1000],
    ['100-499', 100],
    ['100〜499名', 100],
    ['１００～４９９', 100],
    ['5000 employees', 5000],
    ['100 - 499', 100],
    ['approx. 300 people', 300],
    ['0', 0],
  ])('accepts %j as %j', (raw, expected) => {
    expect(parseEmployees(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['大企業', '不明', '12.5', '-5', '1,20', 'abc100', '100 200', '99999999999999999999'])('rejects %j', (raw) => {
    expect(parseEmployees(raw)).toEqual({ ok: false });
  });
});

describe('leadSourceOf', () => {
  it.each<[string | undefined, LeadSource | null]>([
    [undefined, null],
    ['', null],
    ['Web', 'web_inquiry'],
    ['Webサイト', 'web_inquiry'],
    ['Webサイト問い合わせ', 'web_inquiry'],
    ['お問い合わせ', 'web_inquiry'],
    ['問合せフォーム', 'web_inquiry'],
    ['Phone Inquiry', 'web_inquiry'],
    ['ORGANIC_SEARCH', 'web_inquiry'],
    ['Direct Traffic', 'web_inquiry'],
    ['セミナー', 'seminar'],
    ['Seminar - Partner', 'seminar'],
    ['Webinar', 'seminar'],
    ['Webセミナー', 'seminar'],
    ['ウェビナー', 'seminar'],
    ['展示会', 'exhibition'],
    ['Trade Show', 'exhibition'],
    ['資料ダウンロード', 'content_download'],
    ['Webサイトから資料ダウンロード', 'content_download'],
    ['Content Download', 'content_download'],
    ['ホワイトペーパー', 'content_download'],
    ['Purchased List', 'outbound_list'],
    ['購入リスト', 'outbound_list'],
    ['アウトバウンド', 'outbound_list'],
    ['紹介', 'referral'],
    ['Referral', 'referral'],
    ['Partner Referral', 'referral'],
    // HubSpot's REFERRALS are visits from other websites' links, not a person's introduction.
    ['REFERRALS', 'web_inquiry'],
    ['ｾﾐﾅｰ', 'seminar'],
    ['その他', 'other'],
    ['Advertisement', 'web_inquiry'],
    ['OFFLINE', 'outbound_list'],
    ['チラシ', 'other'],
  ])('%j → %j', (value, expected) => {
    expect(leadSourceOf(value)).toBe(expected);
  });

  it('reads its own enum values back', () => {
    for (const source of ['web_inquiry', 'seminar', 'exhibition', 'content_download', 'outbound_list', 'referral', 'other'] as const) {
      expect(leadSourceOf(source)).toBe(source);
    }
  });
});

const complete: RowCells = {
  companyName: '株式会社サンプル',
  lastName: '山田',
  firstName: '太郎',
  phone: '03-0000-1234',
  email: 'taro@example.co.jp',
  title: '部長',
  department: '営業部',
  industry: '製造業',
  employees: '1,200',
  source: 'セミナー',
  website: 'https://www.example.co.jp/',
  address: '東京都千代田区1-1-1',
};

describe('validateRow', () => {
  it('turns a complete row into lead fields', () => {
    expect(validateRow(complete)).toEqual({
      ok: true,
      lead: {
        companyName: '株式会社サンプル',
        lastName: '山田',
        firstName: '太郎',
        fullName: '山田 太郎',
        phone: '03-0000-1234',
        email: 'taro@example.co.jp',
        title: '部長',
        department: '営業部',
        industry: '製造業',
        employees: 1200,
        source: 'seminar',
        website: 'https://www.example.co.jp/',
        address: '東京都千代田区1-1-1',
        companyReading: null,
        corporateNumber: null,
        companyPhone: null,
        nameReading: null,
        sourceDetail: null,
        notes: null,
      } satisfies ImportedLead,
    });
  });

  it.each<[string, RowCells, Partial<ImportedLead>]>([
    ['full name wins over last/first', { ...complete, fullName: '山田 太郎様' }, { fullName: '山田 太郎様', lastName: '山田' }],
    ['last name alone is a name', { ...complete, firstName: '' }, { fullName: '山田', firstName: null }],
    ['first name alone is a name', { ...complete, lastName: undefined }, { fullName: '太郎', lastName: null }],
    ['empty optional cells become null', { companyName: 'A社', fullName: 'B', phone: '', email: '', employees: '', source: '' }, { phone: null, email: null, employees: null, source: null, title: null }],
    ['full-width email and phone are folded', { ...complete, email: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', phone: '０３－００００－１２３４' }, { email: 'taro@example.co.jp', phone: '03-0000-1234' }],
    ['an unknown source is other', { ...complete, source: 'チラシ' }, { source: 'other' }],
  ])('%s', (_name, cells, expected) => {
    const check = validateRow(cells);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.lead).toMatchObject(expected);
  });

  it.each<[string, RowCells, string[]]>([
    ['missing company', { ...complete, companyName: '' }, [rowReasons.missingCompany]],
    ['company column not mapped', { ...complete, companyName: undefined }, [rowReasons.missingCompany]],
    ['missing name', { ...complete, lastName: '', firstName: '' }, [rowReasons.missingName]],
    ['employees in words', { ...complete, employees: '大企業' }, [rowReasons.employeesNotNumber]],
    ['email without @', { ...complete, email: 'taro.example.co.jp' }, [rowReasons.emailMalformed]],
    ['email without a dotted domain', { ...complete, email: 'taro@localhost' }, [rowReasons.emailMalformed]],
    ['email with a space', { ...complete, email: 'taro yamada@example.co.jp' }, [rowReasons.emailMalformed]],
    ['phone that is not a number', { ...complete, phone: '不明' }, [rowReasons.phoneTooShort]],
    [
      'every reason at once',
      { companyName: '', fullName: '', employees: 'many', email: '@', phone: '12' },
      [rowReasons.missingCompany, rowReasons.missingName, rowReasons.employeesNotNumber, rowReasons.emailMalformed, rowReasons.phoneTooShort],
    ],
  ])('rejects %s', (_name, cells, reasons) => {
    expect(validateRow(cells)).toEqual({ ok: false, reasons });
  });
});

describe('cellsOf and isBlankRow', () => {
  it('picks mapped columns, trims them, and reads a missing cell as empty', () => {
    expect(cellsOf([' A社 ', 'x', '山田'], { companyName: 0, fullName: 2, email: 5, phone: null })).toEqual({
      companyName: 'A社',
      fullName: '山田',
      email: '',
    });
  });

  it.each<[string[], boolean]>([
    [[''], true],
    [['', ' ', '　'], true],
    [['', 'x'], false],
  ])('%j blank: %s', (values, blank) => {
    expect(isBlankRow(values)).toBe(blank);
  });
});

describe('mappingProblem', () => {
  it.each<[string, Parameters<typeof mappingProblem>[0], number, string | null]>([
    ['company and last name', { companyName: 0, lastName: 1 }, 2, null],
    ['company and full name', { companyName: 0, fullName: 1, phone: null }, 2, null],
    ['no company', { companyName: null, fullName: 1 }, 2, 'No column is mapped to the company name'],
    ['no name', { companyName: 0, email: 1 }, 2, "No column is mapped to the person's name (full name, or last and first name)"],
    ['a column past the last', { companyName: 0, fullName: 1, email: 5 }, 3, 'Column 6 is mapped to email, but the file has only 3 columns'],
  ])('%s', (_name, mapping, columns, expected) => {
    expect(mappingProblem(mapping, columns)).toBe(expected);
  });
});
