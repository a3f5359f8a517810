import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importLookups } from '../../electron/backend/app/imports/writer';
import { rowReasons } from '../../shared/domain/import/reasons';
import { base64Of, importCsv, importSample, mappingOf, waitForImport } from '../helpers/imports';
import { createTempBackend, tableCounts, type TempBackend } from '../helpers/tempBackend';

const header = ['会社名', '姓', '名', '役職', '部署', '電話番号', 'メール', '業種', '従業員数', 'リードソース', 'Webサイト', '住所'];

function csv(rows: readonly (readonly string[])[], newline = '\r\n'): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(field).join(',')).join(newline) + newline;
}

const yamada = ['株式会社見本精機', '髙橋', '太郎', '部長', '営業部', '03-0000-1001', 'taro@mihon.example.co.jp', '製造業', '1,200', 'セミナー', 'https://www.example.co.jp/mihon/', '東京都千代田区1-1-1'];
const sato = ['株式会社見本精機', '山﨑', '花子', '課長', '総務部', '03-0000-1002', 'hanako@mihon.example.co.jp', '製造業', '1,200', '展示会', '', ''];
const suzuki = ['ツバキ物流株式会社', '鈴木', '一郎', '担当', '', '06-0000-2001', '', '物流', '約300名', 'Webサイト問い合わせ', '', '大阪府大阪市北区1-2-3'];
const threeLeads = csv([header, yamada, sato, suzuki]);

interface LeadRecord {
  full_name: string;
  last_name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  source: string;
  version: number;
  updated_at: string;
  company_name: string;
  employees: number | null;
}

function leads(temp: TempBackend): LeadRecord[] {
  return temp.backend.context.db
    .prepare<[], LeadRecord>(
      `SELECT l.full_name, l.last_name, l.title, l.email, l.phone, l.source, l.version, l.updated_at, c.name AS company_name, c.employees
       FROM leads l JOIN companies c ON c.id = l.company_id ORDER BY l.created_at, l.id`,
    )
    .all();
}

let temp: TempBackend;
beforeEach(() => {
  temp = createTempBackend();
});
afterEach(() => {
  temp.close();
});

describe('import.preview', () => {
  it('detects the encoding, proposes a mapping and counts data rows', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`会社${i}`, '姓', '名', '', '', `03-0000-${String(3000 + i)}`, '', '', '', '', '', '']);
    const text = csv([header, ...rows]) + ',,,,,,,,,,,\r\n\r\n';
    const preview = await temp.call('import.preview', { fileName: 'list.csv', contentBase64: base64Of(iconv.encode(text, 'cp932')) });
    expect(preview.encoding).toBe('shift_jis');
    expect(preview.headers).toEqual(header);
    expect(preview.mapping).toMatchObject({ companyName: 0, lastName: 1, firstName: 2, phone: 5, email: 6, fullName: null });
    expect(preview.rowCount).toBe(7);
    expect(preview.sampleRows).toHaveLength(5);
    expect(preview.sampleRows[0]).toEqual(rows[0]);
  });

  it('refuses an empty file as invalid input', async () => {
    const error = await temp.callError('import.preview', { fileName: 'empty.csv', contentBase64: '' });
    expect(error).toMatchObject({ code: 'invalid_input', message: 'The file is empty: there is no header row' });
  });
});

describe('import.start', () => {
  it.each<[string, Uint8Array, string]>([
    ['UTF-8', Buffer.from(threeLeads, 'utf-8'), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(threeLeads, 'utf-8')]), 'utf-8-bom'],
    ['Shift_JIS (CP932)', iconv.encode(threeLeads, 'cp932'), 'shift_jis'],
  ])('imports %s with Japanese names intact', async (_name, bytes, encoding) => {
    const job = await importCsv(temp, 'リスト.csv', bytes);
    expect(job.error).toBeUndefined();
    expect(job).toMatchObject({ phase: 'done', processed: 3, total: 3 });
    expect(job.result).toMatchObject({ fileName: 'リスト.csv', encoding, totalRows: 3, inserted: 3, updated: 0, invalid: [] });

    expect(leads(temp)).toMatchObject([
      { full_name: '髙橋 太郎', company_name: '株式会社見本精機', title: '部長', employees: 1200, source: 'seminar' },
      { full_name: '山﨑 花子', company_name: '株式会社見本精機', source: 'exhibition' },
      { full_name: '鈴木 一郎', company_name: 'ツバキ物流株式会社', email: null, employees: 300, source: 'web_inquiry' },
    ]);
    expect(tableCounts(temp.backend)).toMatchObject({ companies: 2, leads: 3, imports: 1 });
    const found = await temp.call('callList.page', { search: '﨑' });
    expect(found.rows.map((row) => row.fullName)).toEqual(['山﨑 花子']);
  });

  it('updates instead of duplicating when the same file comes again', async () => {
    await importCsv(temp, 'a.csv', threeLeads);
    temp.clock.advance(60_000);
    const again = await importCsv(temp, 'a.csv', threeLeads);
    expect(again.result).toMatchObject({ inserted: 0, updated: 3, invalid: [] });
    expect(tableCounts(temp.backend)).toMatchObject({ companies: 2, leads: 3, imports: 2 });
    expect(leads(temp).map((lead) => [lead.version, lead.updated_at])).toEqual(
      Array.from({ length: 3 }, () => [2, new Date(temp.clock.now()).toISOString()]),
    );
  });

  it('matches by phone or email at the same company, fills what the file has and keeps what it leaves empty', async () => {
    await importCsv(temp, 'a.csv', threeLeads);
    const changed = csv([
      header,
      // Same phone written differently, new title, no email: the title changes, the email stays.
      ['株式会社見本精機', '髙橋', '太郎', '取締役', '', '０３－００００－１００１', '', '', '', '', '', ''],
      // Same email, different case, new phone.
      ['株式会社 見本精機', '山﨑', '花子', '', '', '03-0000-9999', 'HANAKO@mihon.example.co.jp', '', '', '', '', ''],
      // Same phone as a lead at another company: a different person.
      ['ほかの会社', '鈴木', '一郎', '', '', '06-0000-2001', '', '', '', '', '', ''],
    ]);
    const job = await importCsv(temp, 'b.csv', changed);
    expect(job.result).toMatchObject({ inserted: 1, updated: 2 });
    const [takahashi, yamazaki] = leads(temp);
    expect(takahashi).toMatchObject({ title: '取締役', email: 'taro@mihon.example.co.jp', source: 'seminar', version: 2 });
    expect(yamazaki).toMatchObject({ phone: '03-0000-9999', email: 'HANAKO@mihon.example.co.jp', title: '課長' });
    expect(tableCounts(temp.backend)).toMatchObject({ companies: 3, leads: 4 });
  });

  it('collapses duplicates inside one file: the later row updates the earlier', async () => {
    const text = csv([header, yamada, ['株式会社見本精機', '髙橋', '太郎', '本部長', '', '03-0000-1001', '', '', '', '', '', ''], suzuki]);
    const job = await importCsv(temp, 'dup.csv', text);
    expect(job.result).toMatchObject({ totalRows: 3, inserted: 2, updated: 1 });
    expect(leads(temp)).toMatchObject([{ full_name: '髙橋 太郎', title: '本部長', email: 'taro@mihon.example.co.jp' }, { full_name: '鈴木 一郎' }]);
  });

  it('matches a lead with neither phone nor email by its name at the same company', async () => {
    const noContact = ['株式会社見本精機', '田中', '一', '', '', '', '', '', '', '', '', ''];
    await importCsv(temp, 'a.csv', csv([header, noContact]));
    const again = await importCsv(temp, 'a.csv', csv([header, noContact, ['ツバキ物流株式会社', '田中', '一', '', '', '', '', '', '', '', '', '']]));
    expect(again.result).toMatchObject({ inserted: 1, updated: 1 });
    expect(tableCounts(temp.backend)).toMatchObject({ leads: 2 });
  });

  it('writes all rows or none: a failure midway leaves the store as it was', async () => {
    const db = temp.backend.context.db;
    db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON leads WHEN NEW.full_name = 'BOOM' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const before = tableCounts(temp.backend);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const job = await importCsv(temp, 'boom.csv', csv([header, yamada, ['見本商事', '', '', '', '', '', '', '', '', '', '', ''].with(1, 'BOOM'), suzuki]));
      expect(job).toMatchObject({ phase: 'failed', error: "Koma could not finish the import; nothing was imported. The details are in Koma's log." });
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it('imports the good rows and reports each bad row with its row number and reasons', async () => {
    const text = csv([
      header,
      yamada,
      ['', '名無', 'し', '', '', '03-0000-1003', '', '', '', '', '', ''],
      // A quoted address with a line break stays one row (row 4) in Excel's numbering.
      ['株式会社見本精機', '', '', '', '', '03-0000-1004', 'not-an-email', '', '大企業', '', '', '東京都\r\n千代田区'],
      [],
      suzuki,
      ['株式会社見本精機', '山田', '', '', '', '03-0000-1005', '', '', '', '', '', '', 'extra cell'],
    ]);
    const job = await importCsv(temp, 'bad.csv', text);
    expect(job.phase).toBe('done');
    // The blank row is skipped, the row with a cell past the header's width is reported: every row is accounted for.
    expect(job.result).toMatchObject({ totalRows: 6, inserted: 2, updated: 0, skipped: 1, invalidCount: 3 });
    expect(job.result?.invalid).toEqual([
      { row: 3, reasons: [rowReasons.missingCompany], values: ['', '名無', 'し', '', '', '03-0000-1003', '', '', '', '', '', ''] },
      {
        row: 4,
        reasons: [rowReasons.missingName, rowReasons.employeesNotNumber, rowReasons.emailMalformed],
        values: ['株式会社見本精機', '', '', '', '', '03-0000-1004', 'not-an-email', '', '大企業', '', '', '東京都\n千代田区'],
      },
      { row: 7, reasons: [rowReasons.tooManyCells], values: ['株式会社見本精機', '山田', '', '', '', '03-0000-1005', '', '', '', '', '', '', 'extra cell'] },
    ]);
    const record = temp.backend.context.db.prepare('SELECT total_rows, inserted, updated, invalid, report FROM imports').get() as {
      total_rows: number;
      inserted: number;
      updated: number;
      invalid: number;
      report: string;
    };
    expect(record).toMatchObject({ total_rows: 6, inserted: 2, updated: 0, invalid: 3 });
    expect(JSON.parse(record.report)).toEqual({ invalid: job.result?.invalid });
  });

  it('reports an unclosed quote as a bad row and keeps the rows before it', async () => {
    const text = `${csv([header, yamada])}株式会社見本精機,佐藤,"次郎,,,,03-0000-1009\r\n${csv([suzuki])}`;
    const job = await importCsv(temp, 'quote.csv', text);
    expect(job.result).toMatchObject({ inserted: 1, totalRows: 2 });
    expect(job.result?.invalid.map(({ row, reasons }) => ({ row, reasons }))).toEqual([{ row: 3, reasons: [rowReasons.unclosedQuote] }]);
  });

  it('uses the mapping the user confirmed, not the auto-mapping', async () => {
    const text = csv([['Firma', 'Person', 'Telefon'], ['見本商事', '田中 一', '03-0000-1111']]);
    const job = await importCsv(temp, 'de.csv', text, mappingOf({ companyName: 0, fullName: 1, phone: 2 }));
    expect(job.result).toMatchObject({ inserted: 1 });
    expect(leads(temp)).toMatchObject([{ full_name: '田中 一', last_name: null, phone: '03-0000-1111', company_name: '見本商事' }]);
  });

  it.each<[string, string, Record<string, number | null> | undefined, string]>([
    ['an empty file', '', undefined, 'The file is empty: there is no header row'],
    ['only blank lines', '\r\n,,,\r\n', undefined, 'The file is empty: there is no header row'],
    ['a header and no rows', csv([header]), undefined, 'The file has a header row but no data rows'],
    ['no company column', csv([['氏名'], ['山田']]), mappingOf({ fullName: 0 }), 'No column is mapped to the company name'],
    ['no name column', csv([['会社名'], ['A社']]), mappingOf({ companyName: 0 }), "No column is mapped to the person's name (full name, or last and first name)"],
    ['a column past the end', csv([['会社名', '氏名'], ['A社', '山田']]), mappingOf({ companyName: 0, fullName: 1, email: 4 }), 'Column 5 is mapped to email, but the file has only 2 columns'],
  ])('fails clearly on %s and writes nothing', async (_name, text, mapping, error) => {
    const before = tableCounts(temp.backend);
    const contentBase64 = base64Of(text);
    const start = await temp.call('import.start', { fileName: 'x.csv', contentBase64, mapping: mapping ?? mappingOf({ companyName: 0, lastName: 1 }) });
    expect(start).toMatchObject({ phase: 'decoding', processed: 0, total: 0 });
    const job = await waitForImport(temp, start);
    expect(job).toMatchObject({ phase: 'failed', error });
    expect(job.result).toBeUndefined();
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it.each<[string, Record<string, unknown>]>([
    ['content that is not base64', { fileName: 'a.csv', contentBase64: '会社名,氏名', mapping: mappingOf({ companyName: 0, fullName: 1 }) }],
    ['a missing file name', { contentBase64: base64Of(threeLeads), mapping: mappingOf({ companyName: 0, fullName: 1 }) }],
    ['an empty file name', { fileName: '', contentBase64: base64Of(threeLeads), mapping: mappingOf({ companyName: 0, fullName: 1 }) }],
    ['a negative column', { fileName: 'a.csv', contentBase64: base64Of(threeLeads), mapping: { ...mappingOf({ companyName: 0, fullName: 1 }), email: -1 } }],
    ['a fractional column', { fileName: 'a.csv', contentBase64: base64Of(threeLeads), mapping: { ...mappingOf({ companyName: 0 }), fullName: 1.5 } }],
    ['a field the contract does not know', { fileName: 'a.csv', contentBase64: base64Of(threeLeads), mapping: { ...mappingOf({ companyName: 0, fullName: 1 }), salary: 3 } }],
    ['an extra property', { fileName: 'a.csv', contentBase64: base64Of(threeLeads), mapping: mappingOf({ companyName: 0, fullName: 1 }), path: '/etc/passwd' }],
  ])('rejects %s as invalid input before anything runs', async (_name, payload) => {
    const before = tableCounts(temp.backend);
    const error = await temp.callError('import.start', payload);
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.length).toBeGreaterThan(0);
    // Give a wrongly started job every chance to write before counting again.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it('accepts a mapping that names only the columns the file has', async () => {
    const job = await waitForImport(temp, await temp.call('import.start', { fileName: 'a.csv', contentBase64: base64Of(threeLeads), mapping: { companyName: 0, fullName: 1 } }));
    expect(job.phase).toBe('done');
    expect(job.result?.inserted).toBeGreaterThan(0);
  });

  it('rejects an invalid preview payload too', async () => {
    expect(await temp.callError('import.preview', { fileName: 'a.csv', contentBase64: '%%%' })).toMatchObject({ code: 'invalid_input' });
    expect(await temp.callError('import.startSample', { path: 'x' })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('import.status', () => {
  it('does not know a job id it never issued, nor one from another backend', async () => {
    expect(await temp.callError('import.status', { jobId: 'nope' })).toMatchObject({ code: 'not_found' });
    const other = createTempBackend({ idPrefix: 'other' });
    try {
      const job = await waitForImport(other, await other.call('import.startSample', {}));
      expect(job.phase).toBe('done');
      expect(await temp.callError('import.status', { jobId: job.jobId })).toMatchObject({ code: 'not_found' });
    } finally {
      other.close();
    }
  });

  it('keeps answering while a 10,000-row file is read, with progress in rows', async () => {
    const rowCount = 10_000;
    const rows = Array.from({ length: rowCount }, (_, i) => [
      `見本会社${i % 500}`,
      `姓${i}`,
      `名${i}`,
      '課長',
      '営業部',
      `03-${String(1000 + Math.floor(i / 10_000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`,
      `lead${i}@example.com`,
      'IT・通信',
      String(100 + (i % 900)),
      'セミナー',
      '',
      '',
    ]);
    const contentBase64 = base64Of(iconv.encode(csv([header, ...rows]), 'cp932'));
    const preview = await temp.call('import.preview', { fileName: 'big.csv', contentBase64 });
    expect(preview.rowCount).toBe(rowCount);

    const start = await temp.call('import.start', { fileName: 'big.csv', contentBase64, mapping: preview.mapping });
    const seen = [];
    let job = start;
    while (job.phase !== 'done' && job.phase !== 'failed') {
      await new Promise((resolve) => setImmediate(resolve));
      job = await temp.call('import.status', { jobId: start.jobId });
      seen.push(job);
    }
    expect(job.error).toBeUndefined();
    expect(job.result).toMatchObject({ encoding: 'shift_jis', totalRows: rowCount, inserted: rowCount, updated: 0, invalid: [] });
    const midway = seen.filter((s) => s.phase === 'parsing' && s.processed > 0 && s.processed < rowCount);
    expect(midway.length).toBeGreaterThan(0);
    for (const s of midway) expect(s.total).toBeGreaterThanOrEqual(s.processed);
    expect(seen.some((s) => s.phase === 'writing')).toBe(true);
    expect(tableCounts(temp.backend)).toMatchObject({ companies: 500, leads: rowCount, imports: 1 });
  });
});

describe('import.startSample', () => {
  it('imports the bundled Shift_JIS call list, searchable from the call list', async () => {
    const job = await importSample(temp);
    expect(job.error).toBeUndefined();
    expect(job.result).toMatchObject({ fileName: 'sample-call-list.csv', encoding: 'shift_jis', invalid: [] });
    const inserted = job.result?.inserted ?? 0;
    expect(inserted).toBeGreaterThanOrEqual(180);
    expect(inserted).toBeLessThanOrEqual(220);
    const counts = tableCounts(temp.backend);
    expect(counts.leads).toBe(inserted);
    expect(counts.companies).toBeGreaterThanOrEqual(50);

    const all = await temp.call('callList.page', { limit: 500 });
    expect(all.total).toBe(inserted);
    // Someone with a number of their own (several people share their company's switchboard).
    const someone = all.rows.filter((row) => all.rows.filter((other) => other.phone === row.phone).length === 1)[17]!;
    const found = await temp.call('callList.page', { search: someone.phone ?? '' });
    expect(found.rows.map((row) => row.id)).toEqual([someone.id]);
    expect((await temp.call('callList.page', { search: '髙橋' })).total).toBeGreaterThan(0);
    expect(new Set(all.rows.map((row) => row.source)).size).toBeGreaterThanOrEqual(5);
  });

  it('shows a new user readings, a shared switchboard and 法人番号: all recognised on import', async () => {
    const job = await importSample(temp);
    expect(job.result).toMatchObject({ inserted: 200, invalid: [] });
    const db = temp.backend.context.db;
    // Every person and company has its reading; about three companies in four a valid 法人番号 (an invalid one fails its row).
    expect(db.prepare('SELECT count(*) AS n FROM leads WHERE name_reading IS NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM companies WHERE name_reading IS NULL').get()).toEqual({ n: 0 });
    const numbered = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM companies WHERE corporate_number GLOB '[1-9]9999*'").get()!.n;
    expect(numbered).toBe(45);

    // ミナトネットワークス: five people on the company's main number, which Koma keeps on the company.
    const people = (await temp.call('callList.page', { search: 'みなとねっとわーくす' })).rows;
    expect(people.length).toBe(6);
    expect(people.filter((p) => p.phone === '06-0000-0032')).toHaveLength(5);
    expect(new Set(people.map((p) => p.fullName)).size).toBe(6);
    const detail = await temp.call('lead.get', { leadId: people[0]!.id });
    expect(detail.company).toMatchObject({ name: 'ミナトネットワークス株式会社', nameReading: 'ミナトネットワークス', phone: '06-0000-0032' });
    expect(detail.company.corporateNumber).toMatch(/^\d9999\d{8}$/);
    expect(detail.lead.nameReading).toMatch(/^[ァ-ヶー]+ [ァ-ヶー]+$/);
    // Found by a reading typed in hiragana.
    expect((await temp.call('callList.page', { search: 'はせがわ' })).total).toBeGreaterThan(0);
  });

  it('fails clearly when the sample is missing', async () => {
    const bare = createTempBackend({ resourcesDir: temp.dataDir });
    try {
      const job = await waitForImport(bare, await bare.call('import.startSample', {}));
      expect(job).toMatchObject({ phase: 'failed', error: "The sample call list is missing from the app's resources" });
    } finally {
      bare.close();
    }
  });
});

describe('import lookups', () => {
  it.each(Object.entries(importLookups))('%s searches an index, never scans a table', (_name, sql) => {
    const db = temp.backend.context.db;
    const params = sql.includes('@') ? { key: 'k', companyId: 'c' } : ['k'];
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((row) => (row as { detail: string }).detail);
    expect(plan.some((detail) => /SEARCH .* USING (COVERING )?INDEX/.test(detail)), plan.join('\n')).toBe(true);
    expect(plan.some((detail) => /^SCAN/.test(detail)), plan.join('\n')).toBe(false);
  });
});
