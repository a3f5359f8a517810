import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../shared/contract/imports';
import { rowReasons, tooLongReason } from '../../shared/domain/import/reasons';
import { base64Of, importCsv, mappingOf, waitForImport } from '../helpers/imports';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

/**
 * A corpus of generated CSV files with the shapes Japanese lead lists come in. For every file:
 * inserted + updated + invalid + skipped = the data rows written, and the stored text is exactly
 * what the file said.
 */

type Row = readonly string[];

function field(value: string): string {
  return /[",\r\n;\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows joined with the given line breaks, cycling through them (mixed files). */
function csv(rows: readonly Row[], breaks: readonly string[] = ['\r\n'], separator = ','): string {
  return rows.map((row, i) => row.map(field).join(separator) + (breaks[i % breaks.length] ?? '\r\n')).join('');
}

interface Expected {
  inserted: number;
  updated?: number;
  invalid?: number;
  skipped?: number;
  /** Data rows the generator wrote (header and sep= line excluded). */
  rows: number;
}

interface Case {
  name: string;
  bytes: string | Uint8Array;
  expected: Expected | { failed: RegExp };
  check?: (store: Store, job: ImportJob) => void;
}

interface Store {
  leads(): { full_name: string; name_reading: string | null; title: string | null; phone: string | null; phone_key: string | null; email: string | null; source: string; address: string | null; company: string }[];
  companies(): { name: string; name_reading: string | null; corporate_number: string | null; phone: string | null }[];
  duplicates(): { reason: string }[];
}

const std = ['会社名', '姓', '名', '役職', '電話番号', 'メールアドレス', '住所'];
const person = (i: number, company = '株式会社見本精機'): Row => [company, '髙橋', `太郎${i}`, '部長', `03-0000-${String(1000 + i)}`, `taro${i}@mihon.example.jp`, '東京都千代田区'];
const many = (n: number, company?: string) => Array.from({ length: n }, (_, i) => person(i, company));

const cases: Case[] = [
  { name: 'CRLF everywhere', bytes: csv([std, ...many(5)]), expected: { inserted: 5, rows: 5 } },
  { name: 'LF only', bytes: csv([std, ...many(5)], ['\n']), expected: { inserted: 5, rows: 5 } },
  { name: 'CR only (old Mac tools)', bytes: csv([std, ...many(5)], ['\r']), expected: { inserted: 5, rows: 5 } },
  {
    name: 'CRLF header, rows alternating LF and CRLF (appended to an Excel export)',
    bytes: csv([std, ...many(20)], ['\r\n', '\n']),
    expected: { inserted: 20, rows: 20 },
    check: (s) => {
      expect(s.leads().map((l) => l.title)).toEqual(Array.from({ length: 20 }, () => '部長'));
      expect(s.companies().map((c) => c.name)).toEqual(['株式会社見本精機']);
    },
  },
  {
    name: 'a quoted CRLF inside a field in an LF file stays one value',
    bytes: csv([std, ['株式会社見本精機', '髙橋', '太郎', '部長\r\n兼 課長', '03-0000-1000', '', ''], person(1)], ['\n']),
    expected: { inserted: 2, rows: 2 },
    check: (s) => expect(s.leads().map((l) => l.title)).toEqual(['部長\n兼 課長', '部長']),
  },
  {
    name: 'UTF-8 with a BOM',
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([std, ...many(3)]))]),
    expected: { inserted: 3, rows: 3 },
    check: (s) => expect(s.companies()[0]?.name).toBe('株式会社見本精機'),
  },
  { name: 'UTF-8 without a BOM', bytes: Buffer.from(csv([std, ...many(3)])), expected: { inserted: 3, rows: 3 } },
  {
    name: 'Shift_JIS (CP932) with NEC/IBM extension kanji 髙 and 﨑',
    bytes: iconv.encode(csv([std, ['㈱見本精機', '髙橋', '太郎', '', '03-0000-1000', '', ''], ['㈱見本精機', '山﨑', '花子', '', '03-0000-1001', '', '']]), 'cp932'),
    expected: { inserted: 2, rows: 2 },
    check: (s) => {
      expect(s.leads().map((l) => l.full_name)).toEqual(['髙橋 太郎', '山﨑 花子']);
      expect(s.companies().map((c) => c.name)).toEqual(['㈱見本精機']);
    },
  },
  {
    name: 'Shift_JIS with bytes CP932 cannot map: imported with a warning where they are',
    bytes: Buffer.concat([iconv.encode(csv([std, person(0)]), 'cp932'), iconv.encode('見本商事,', 'cp932'), Buffer.from([0x85, 0x40]), iconv.encode(',名,,03-0000-2000,,\r\n', 'cp932')]),
    expected: { inserted: 2, rows: 2 },
    check: (s, job) => {
      expect(job.result?.warnings).toEqual([{ row: 3, column: 2, message: rowReasons.replacementCharacter }]);
      // 0x85 is a lead byte with no character in CP932; the 0x40 after it is read as "@".
      expect(s.leads()[1]?.full_name).toBe('\uFFFD@ 名');
    },
  },
  {
    name: 'UTF-8 with one stray byte: refused with where it is, never read as Shift_JIS',
    bytes: Buffer.concat([Buffer.from(csv([std, ...many(15)])), Buffer.from('株式会社見本精機,髙橋,'), Buffer.from([0x82]), Buffer.from('太郎,,03-0000-3000,,\r\n')]),
    expected: { failed: /^Row 17, column 3: a byte that is not UTF-8/ },
  },
  {
    name: 'UTF-8 with a BOM and a bad byte in the header',
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('会社名,'), Buffer.from([0xff]), Buffer.from('姓\r\nA,B\r\n')]),
    expected: { failed: /^Row 1, column 2: a byte that is not UTF-8/ },
  },
  {
    name: 'ragged rows: more values than the header are reported, fewer are empty cells',
    bytes: csv([std, [...person(0), 'extra'], person(1).slice(0, 3), [...person(2), '', '']]),
    expected: { inserted: 2, invalid: 1, rows: 3 },
    check: (_s, job) => expect(job.result?.invalid.map((r) => [r.row, r.reasons])).toEqual([[2, [rowReasons.tooManyCells]]]),
  },
  {
    name: "Excel's sep=; first line",
    bytes: `sep=;\r\n${csv([std, ...many(3)], ['\r\n'], ';')}`,
    expected: { inserted: 3, rows: 3 },
    check: (s) => expect(s.leads()[0]?.full_name).toBe('髙橋 太郎0'),
  },
  {
    name: 'sep=, first line with a comma file: rows numbered as Excel shows them',
    bytes: `sep=,\n${csv([std, ['', '姓', '名', '', '', '', '']], ['\n'])}`,
    expected: { inserted: 0, invalid: 1, rows: 1 },
    check: (_s, job) => expect(job.result?.invalid[0]?.row).toBe(3),
  },
  { name: 'tab-separated text export', bytes: csv([std, ...many(4)], ['\r\n'], '\t'), expected: { inserted: 4, rows: 4 } },
  {
    name: 'blank rows and Excel ",,,," rows are skipped and counted',
    bytes: csv([std, person(0), [], person(1), ['', '', '', '', '', '', ''], person(2)]),
    expected: { inserted: 3, skipped: 2, rows: 5 },
  },
  {
    name: 'readings after the names (Salesforce Japan columns)',
    bytes: csv([
      ['会社名', '会社名（フリガナ）', '姓', '名', '姓（フリガナ）', '名（フリガナ）', '電話'],
      ['株式会社長谷川製作所', 'ハセガワセイサクショ', '長谷川', '一郎', 'ハセガワ', 'イチロウ', '03-1111-2222'],
    ]),
    expected: { inserted: 1, rows: 1 },
    check: (s) => {
      expect(s.leads()[0]).toMatchObject({ full_name: '長谷川 一郎', name_reading: 'ハセガワ イチロウ' });
      expect(s.companies()[0]).toMatchObject({ name: '株式会社長谷川製作所', name_reading: 'ハセガワセイサクショ' });
    },
  },
  {
    name: 'readings before the names are not taken for the names',
    bytes: csv([
      ['フリガナ', '氏名', 'カナ会社名', '会社名'],
      ['やまだ たろう', '山田 太郎', 'ミホンショウジ', '見本商事株式会社'],
    ]),
    expected: { inserted: 1, rows: 1 },
    check: (s) => {
      expect(s.leads()[0]).toMatchObject({ full_name: '山田 太郎', name_reading: 'やまだ たろう' });
      expect(s.companies()[0]).toMatchObject({ name: '見本商事株式会社', name_reading: 'ミホンショウジ' });
    },
  },
  {
    name: 'English Furigana/Kana headers',
    bytes: csv([
      ['Company', 'Last Name', 'First Name', 'Last Name (Furigana)', 'First Name (Furigana)', 'Company (Kana)'],
      ['Mihon KK', '佐藤', '花子', 'サトウ', 'ハナコ', 'ミホン'],
    ]),
    expected: { inserted: 1, rows: 1 },
    check: (s) => expect(s.leads()[0]).toMatchObject({ full_name: '佐藤 花子', name_reading: 'サトウ ハナコ' }),
  },
  {
    name: 'a switchboard shared by two people: two leads, the number kept on the company',
    bytes: csv([std, ['株式会社見本精機', '髙橋', '太郎', '', '03-0000-0000', 'takahashi@mihon.example.jp', ''], ['株式会社見本精機', '山﨑', '花子', '', '03-0000-0000', 'yamazaki@mihon.example.jp', '']]),
    expected: { inserted: 2, rows: 2 },
    check: (s) => {
      expect(s.leads().map((l) => [l.full_name, l.phone, l.phone_key])).toEqual([
        ['髙橋 太郎', '03-0000-0000', null],
        ['山﨑 花子', '03-0000-0000', null],
      ]);
      expect(s.companies()[0]?.phone).toBe('03-0000-0000');
    },
  },
  {
    name: 'a switchboard with no emails, three people',
    bytes: csv([std, ...['髙橋', '山﨑', '渡邊'].map((last) => ['㈱見本精機', last, '様', '', '03-0000-0000', '', ''])]),
    expected: { inserted: 3, rows: 3 },
    check: (s) => expect(s.leads().map((l) => l.full_name)).toEqual(['髙橋 様', '山﨑 様', '渡邊 様']),
  },
  {
    name: 'a 代表電話 column goes to the company',
    bytes: csv([['会社名', '氏名', '代表電話', '携帯電話'], ['見本商事株式会社', '鈴木 一郎', '03-9999-0000', '090-1234-5678']]),
    expected: { inserted: 1, rows: 1 },
    check: (s) => {
      expect(s.companies()[0]?.phone).toBe('03-9999-0000');
      expect(s.leads()[0]?.phone).toBe('090-1234-5678');
    },
  },
  {
    name: 'same email at the same company is the same person; the name is not overwritten by another',
    bytes: csv([std, ['株式会社見本精機', '髙橋', '太郎', '部長', '', 'taro@mihon.example.jp', ''], ['株式会社見本精機', 'Takahashi', 'Taro', '本部長', '', 'TARO@mihon.example.jp', '']]),
    expected: { inserted: 1, updated: 1, rows: 2 },
    check: (s) => expect(s.leads()).toMatchObject([{ full_name: '髙橋 太郎', title: '本部長' }]),
  },
  {
    name: 'same name at the same company with different emails: two leads and a possible duplicate',
    bytes: csv([std, ['株式会社見本精機', '佐藤', '健', '', '', 'ken1@mihon.example.jp', ''], ['株式会社見本精機', '佐藤', '健', '', '', 'ken2@mihon.example.jp', '']]),
    expected: { inserted: 2, rows: 2 },
    check: (s, job) => {
      expect(s.duplicates()).toEqual([{ reason: 'same_name_other_email' }]);
      expect(job.result?.possibleDuplicates).toBe(1);
    },
  },
  {
    name: 'legal-form spellings are one company; 前株 and 後株 are two',
    bytes: csv([std, person(0, '株式会社見本精機'), person(1, '㈱見本精機'), person(2, '(株)見本精機'), person(3, '（株） 見本精機'), person(4, '見本精機株式会社'), person(5, '見本精機㈱')]),
    expected: { inserted: 6, rows: 6 },
    check: (s) => expect(s.companies().map((c) => c.name)).toEqual(['株式会社見本精機', '見本精機株式会社']),
  },
  {
    name: '㈲, (有) and 有限会社 are one company',
    bytes: csv([std, person(0, '有限会社山田商店'), person(1, '㈲山田商店'), person(2, '(有)山田商店')]),
    expected: { inserted: 3, rows: 3 },
    check: (s) => expect(s.companies()).toHaveLength(1),
  },
  {
    name: 'a valid 法人番号 is the company key, whatever the name says',
    bytes: csv([['法人番号', '会社名', '氏名'], ['4011001098993', '株式会社見本', '山田 太郎'], ['４０１１００１０９８９９３', 'ミホン', '鈴木 花子']]),
    expected: { inserted: 2, rows: 2 },
    check: (s) => expect(s.companies()).toMatchObject([{ name: '株式会社見本', corporate_number: '4011001098993' }]),
  },
  {
    name: 'an invalid 法人番号 is reported on its row',
    bytes: csv([['法人番号', '会社名', '氏名'], ['5011001098993', '株式会社見本', '山田 太郎'], ['12345', '株式会社見本', '鈴木 花子'], ['', '株式会社見本', '佐藤 健']]),
    expected: { inserted: 1, invalid: 2, rows: 3 },
    check: (_s, job) => expect(job.result?.invalid.map((r) => r.reasons)).toEqual([[rowReasons.corporateNumberInvalid], [rowReasons.corporateNumberInvalid]]),
  },
  {
    name: 'two companies with one name and different 法人番号 stay two',
    bytes: csv([['法人番号', '会社名', '氏名'], ['4011001098993', '株式会社見本', '山田 太郎'], ['7123456789012', '株式会社見本', '鈴木 花子']]),
    expected: { inserted: 2, rows: 2 },
    check: (s) => expect(s.companies().map((c) => c.corporate_number)).toEqual(['4011001098993', '7123456789012']),
  },
  {
    name: 'Eight business-card export headers',
    bytes: csv([
      ['会社名', '部署名', '役職', '姓', '名', 'e-mail', '郵便番号', '住所', 'TEL会社', 'TEL部門', 'TEL直通', 'Fax', '携帯電話', 'URL', '名刺交換日'],
      ['株式会社見本精機', '営業部', '課長', '山﨑', '花子', 'hanako@mihon.example.jp', '100-0001', '東京都千代田区', '03-0000-0000', '', '03-0000-1234', '', '090-0000-1111', 'https://mihon.example.jp', '2025/04/01'],
    ]),
    expected: { inserted: 1, rows: 1 },
    check: (s) => {
      expect(s.leads()[0]).toMatchObject({ full_name: '山﨑 花子', phone: '03-0000-1234', email: 'hanako@mihon.example.jp', title: '課長' });
      expect(s.companies()[0]?.phone).toBe('03-0000-0000');
    },
  },
  {
    name: 'Sansan business-card export headers',
    bytes: csv([
      ['会社名', '会社名（カナ）', '部署名', '役職', '氏名', '氏名（カナ）', 'メールアドレス', '電話番号', '携帯電話番号', '会社電話番号'],
      ['見本精機株式会社', 'ミホンセイキ', '総務部', '部長', '渡邊 健', 'ワタナベ ケン', 'ken@mihon.example.jp', '03-0000-2222', '', '03-0000-0000'],
    ]),
    expected: { inserted: 1, rows: 1 },
    check: (s) => {
      expect(s.leads()[0]).toMatchObject({ full_name: '渡邊 健', name_reading: 'ワタナベ ケン', phone: '03-0000-2222' });
      expect(s.companies()[0]).toMatchObject({ name_reading: 'ミホンセイキ', phone: '03-0000-0000' });
    },
  },
  {
    name: 'kintone CSV export (field labels, record number and system columns)',
    bytes: iconv.encode(
      csv([
        ['レコード番号', '会社名', '担当者名', 'よみがな', '電話番号', 'メールアドレス', '作成者', '作成日時'],
        ['1', '株式会社見本精機', '髙橋 太郎', 'たかはし たろう', '03-0000-3333', 'taro@mihon.example.jp', 'admin', '2025-04-01T09:00:00Z'],
      ]),
      'cp932',
    ),
    expected: { inserted: 1, rows: 1 },
    check: (s) => expect(s.leads()[0]).toMatchObject({ full_name: '髙橋 太郎', name_reading: 'たかはし たろう' }),
  },
  {
    name: 'HubSpot export with enumerated source values',
    bytes: csv([
      ['First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Original Source'],
      ['Taro', 'Yamada', 'taro@a.example.com', '03-1111-0001', 'A KK', 'ORGANIC_SEARCH'],
      ['Hanako', 'Sato', 'hanako@b.example.com', '03-1111-0002', 'B KK', 'PAID_SEARCH'],
      ['Ken', 'Suzuki', 'ken@c.example.com', '03-1111-0003', 'C KK', 'REFERRALS'],
    ]),
    expected: { inserted: 3, rows: 3 },
    // REFERRALS are visits from another website's link (HubSpot), not a person's introduction.
    check: (s) => expect(s.leads().map((l) => l.source)).toEqual(['web_inquiry', 'web_inquiry', 'web_inquiry']),
  },
  {
    name: 'a value over its field limit is reported with the field',
    bytes: csv([std, [`株式会社${'長'.repeat(300)}`, '髙橋', '太郎', '', '', '', ''], person(1)]),
    expected: { inserted: 1, invalid: 1, rows: 2 },
    check: (_s, job) => expect(job.result?.invalid[0]?.reasons).toEqual([tooLongReason('companyName')]),
  },
  {
    name: 'half-width kana and full-width letters name one company',
    bytes: csv([std, person(0, 'ﾐﾎﾝ精機株式会社'), person(1, 'ミホン精機株式会社'), person(2, 'ＡＢＣ株式会社'), person(3, 'abc株式会社')]),
    expected: { inserted: 4, rows: 4 },
    check: (s) => expect(s.companies().map((c) => c.name)).toEqual(['ﾐﾎﾝ精機株式会社', 'ＡＢＣ株式会社']),
  },
  {
    name: 'one mobile number at two companies is a possible duplicate',
    bytes: csv([std, ['A株式会社', '山田', '太郎', '', '090-1234-5678', '', ''], ['B株式会社', '山田', '太郎', '', '090-1234-5678', '', '']]),
    expected: { inserted: 2, rows: 2 },
    check: (s) => expect(s.duplicates()).toEqual([{ reason: 'same_mobile_other_company' }]),
  },
  {
    name: 'an unclosed quote is reported and the rows before it kept',
    bytes: `${csv([std, person(0), person(1)])}見本,"髙橋,太郎\r\n`,
    expected: { inserted: 2, invalid: 1, rows: 3 },
  },
  {
    name: 'the same person twice in one file is one lead',
    bytes: csv([std, person(0), person(0)], ['\n']),
    expected: { inserted: 1, updated: 1, rows: 2 },
  },
];

let temp: TempBackend;
beforeEach(() => {
  temp = createTempBackend();
});
afterEach(() => temp.close());

function storeOf(t: TempBackend): Store {
  const db = t.backend.context.db;
  return {
    leads: () =>
      db
        .prepare(
          `SELECT l.full_name, l.name_reading, l.title, l.phone, l.phone_key, l.email, l.source, c.address, c.name AS company
           FROM leads l JOIN companies c ON c.id = l.company_id ORDER BY l.created_at, l.id`,
        )
        .all() as ReturnType<Store['leads']>,
    companies: () => db.prepare('SELECT name, name_reading, corporate_number, phone FROM companies ORDER BY created_at, id').all() as ReturnType<Store['companies']>,
    duplicates: () => db.prepare('SELECT reason FROM lead_duplicates ORDER BY created_at, id').all() as ReturnType<Store['duplicates']>,
  };
}

describe('the import corpus', () => {
  it('has at least 30 files', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    if ('failed' in c.expected) {
      // The preview refuses the file; an import started anyway (a mapping set by hand) fails the same way.
      const contentBase64 = base64Of(c.bytes);
      await expect(temp.call('import.preview', { fileName: 'corpus.csv', contentBase64 })).rejects.toThrow(c.expected.failed.source.slice(1));
      const started = await temp.call('import.start', { fileName: 'corpus.csv', contentBase64, mapping: mappingOf({ companyName: 0, lastName: 1, firstName: 2 }) });
      const job = await waitForImport(temp, started);
      expect(job.phase).toBe('failed');
      expect(job.error).toMatch(c.expected.failed);
      expect(storeOf(temp).leads()).toEqual([]);
      return;
    }
    const job = await importCsv(temp, 'corpus.csv', c.bytes);
    expect(job.phase, job.error).toBe('done');
    const result = job.result!;
    const e = c.expected;
    expect({ inserted: result.inserted, updated: result.updated, invalid: result.invalidCount, skipped: result.skipped, rows: result.totalRows }).toEqual({
      inserted: e.inserted,
      updated: e.updated ?? 0,
      invalid: e.invalid ?? 0,
      skipped: e.skipped ?? 0,
      rows: e.rows,
    });
    expect(result.inserted + result.updated + result.invalidCount + result.skipped).toBe(result.totalRows);
    c.check?.(storeOf(temp), job);
  });
});
