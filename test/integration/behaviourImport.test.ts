import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { behaviourReasons } from '../../shared/domain/behaviour/reasons';
import { base64Of } from '../helpers/imports';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, tableCounts, type TempBackend } from '../helpers/tempBackend';

// The helper's clock starts Monday 2025-04-07 09:00 in Tokyo (00:00 UTC).
let temp: TempBackend;
const day = 24 * 60 * 60_000;

beforeEach(() => {
  temp = createTempBackend();
  seedLeads(temp.backend, [
    { id: 'taro', company: '株式会社サクラテック', name: '山田 太郎', email: 'taro@sakura.example' },
    // Stored with Salesforce's 15-character id; files below give the 18-character one, upper-cased by Excel.
    { id: 'hanako', company: '北斗物流株式会社', name: '佐藤 花子', crmId: '00Q5g00000AbCdE' },
    {
      id: 'ichiro',
      company: '青葉商事株式会社',
      name: '鈴木 一郎',
      email: 'ichiro@aoba.example',
      crmId: '51234',
      status: 'recycled',
      recycleUntil: new Date(temp.clock.now().getTime() + 90 * day).toISOString(),
    },
    { id: 'shared1', company: '株式会社アルファ', name: '総務 窓口', email: 'info@shared.example' },
    { id: 'shared2', company: '株式会社ベータ', name: '総務 窓口', email: 'info@shared.example' },
  ]);
});
afterEach(() => temp.close());

const importEvents = (content: string | Uint8Array, fileName = 'events.csv') => temp.call('behaviour.import', { fileName, contentBase64: base64Of(content) });
const events = () =>
  temp.backend.context.db.prepare('SELECT lead_id, kind, occurred_at, detail FROM behaviour_events ORDER BY lead_id, occurred_at').all();
const lead = (id: string) => temp.backend.context.db.prepare('SELECT score, behaviour_score, queue_bucket FROM leads WHERE id = ?').get(id);
const listed = async () => (await temp.call('callList.page', {})).rows;

describe('behaviour.import', () => {
  it('imports a UTF-8 file by email and CRM id, and reports an unknown email with its row number', async () => {
    const result = await importEvents(
      [
        'Email,CRM ID,Event,Date,Detail',
        'taro@sakura.example,,Web visit,2025/04/07 08:00,/pricing',
        ',00Q5G00000ABCDEEAV,download,2025-04-06T10:00:00+09:00,導入事例集',
        'nobody@example.com,,web visit,2025/04/07 08:00,',
      ].join('\r\n'),
    );

    expect(result).toEqual({
      imported: 2,
      duplicates: 0,
      rescored: 2,
      invalid: [{ row: 4, reasons: [behaviourReasons.noLead], values: ['nobody@example.com', '', 'web visit', '2025/04/07 08:00', ''] }],
    });
    expect(events()).toEqual([
      { lead_id: 'hanako', kind: 'content_download', occurred_at: '2025-04-06T01:00:00.000Z', detail: '導入事例集' },
      { lead_id: 'taro', kind: 'web_visit', occurred_at: '2025-04-06T23:00:00.000Z', detail: '/pricing' },
    ]);
  });

  it('imports a CP932 (Excel "CSV") file with Japanese headers and event names', async () => {
    const text = ['メールアドレス,イベント種別,発生日時,詳細', 'TARO@SAKURA.EXAMPLE,セミナー参加,2025/04/03 14:00,春の①セミナー', 'ichiro@aoba.example,無料トライアル,2025/04/05 9:30,'].join(
      '\r\n',
    );
    const result = await importEvents(iconv.encode(text, 'cp932'));

    expect(result).toEqual({ imported: 2, duplicates: 0, rescored: 2, invalid: [] });
    expect(events()).toEqual([
      { lead_id: 'ichiro', kind: 'free_trial', occurred_at: '2025-04-05T00:30:00.000Z', detail: null },
      { lead_id: 'taro', kind: 'seminar', occurred_at: '2025-04-03T05:00:00.000Z', detail: '春の①セミナー' },
    ]);
  });

  it('counts the same event twice, in the file or already stored, as a duplicate and stores it once', async () => {
    const file = [
      'Email,Event,Date',
      'taro@sakura.example,見積依頼,2025/04/07 08:00',
      // The same instant, spelled in ISO with an offset.
      'taro@sakura.example,quote request,2025-04-06T23:00:00Z',
      'taro@sakura.example,web visit,2025/04/07 08:00',
    ].join('\n');

    expect(await importEvents(file)).toEqual({ imported: 2, duplicates: 1, rescored: 1, invalid: [] });
    expect(await importEvents(file)).toEqual({ imported: 0, duplicates: 3, rescored: 0, invalid: [] });
    expect(events()).toHaveLength(2);
  });

  it("re-scores the lead: lead.get shows the behaviour part of the score and the event in the timeline", async () => {
    const before = await temp.call('lead.get', { leadId: 'taro' });
    expect(before.score.behaviour).toBe(0);
    expect(before.score.breakdown.filter((p) => p.kind === 'behaviour')).toEqual([]);

    await importEvents('Email,Event,Date\ntaro@sakura.example,見積依頼,2025/04/07 08:00\ntaro@sakura.example,Webアクセス,2025/04/07 08:30');

    const after = await temp.call('lead.get', { leadId: 'taro' });
    expect(after.score.breakdown.filter((p) => p.kind === 'behaviour')).toEqual([
      { kind: 'behaviour', points: 25, event: 'quote_request', count: 1 },
      { kind: 'behaviour', points: 2, event: 'web_visit', count: 1 },
    ]);
    expect(after.score).toMatchObject({ behaviour: 27, total: after.score.attribute + 27 });
    expect(lead('taro')).toMatchObject({ behaviour_score: 27, score: after.score.total });
    expect(after.timeline.filter((t) => t.kind === 'behaviour').map((t) => t.kind === 'behaviour' && t.event)).toEqual(['web_visit', 'quote_request']);
  });

  it('a recycled lead returns to the call list when a quote request pushes its behaviour score over the threshold', async () => {
    expect((await listed()).map((r) => r.id)).not.toContain('ichiro');

    await importEvents('CRM ID,Event,Date\n51234,資料ダウンロード,2025/04/07 08:00');
    expect(lead('ichiro')).toMatchObject({ behaviour_score: 8, queue_bucket: 0 });
    expect((await listed()).map((r) => r.id)).not.toContain('ichiro');

    await importEvents('CRM ID,Event,Date\n51234,見積依頼,2025/04/07 08:45');
    // Re-placed by the import itself, before any list read.
    expect(lead('ichiro')).toMatchObject({ behaviour_score: 33, queue_bucket: 4 });
    expect((await listed()).find((r) => r.id === 'ichiro')?.reason).toEqual({ code: 'recycle_score', behaviourScore: 33 });
  });

  it('reports every bad row with its row number, reasons and cells, and imports the good ones', async () => {
    const tomorrowPlus = new Date(temp.clock.now().getTime() + day + 60_000).toISOString();
    const result = await importEvents(
      [
        'Email,CRM ID,Event,Date',
        'info@shared.example,,web visit,2025/04/07 08:00',
        'taro@sakura.example,00Q5g00000AbCdE,web visit,2025/04/07 08:00',
        'taro@sakura.example,,電話,2025/04/31 08:00',
        '',
        `taro@sakura.example,,web visit,${tomorrowPlus}`,
        ',,seminar,2025/04/01 15:00',
        'ichiro@aoba.example,,セミナー,2025/04/01 15:00',
      ].join('\n'),
    );

    expect(result.imported).toBe(1);
    expect(result.invalid.map((r) => [r.row, r.reasons])).toEqual([
      [2, [behaviourReasons.ambiguousEmail]],
      [3, [behaviourReasons.leadMismatch]],
      [4, [behaviourReasons.unknownKind, behaviourReasons.badTime]],
      [6, [behaviourReasons.futureTime]],
      [7, [behaviourReasons.missingLeadKey]],
    ]);
    expect(result.invalid[0]!.values).toEqual(['info@shared.example', '', 'web visit', '2025/04/07 08:00']);
    expect(events()).toEqual([{ lead_id: 'ichiro', kind: 'seminar', occurred_at: '2025-04-01T06:00:00.000Z', detail: null }]);
  });
});

describe('refused imports write nothing', () => {
  it.each<[string, unknown, RegExp]>([
    ['content that is not base64', { fileName: 'e.csv', contentBase64: '***' }, /base64/],
    ['no content', { fileName: 'e.csv' }, /contentBase64/],
    ['an unknown field', { fileName: 'e.csv', contentBase64: base64Of('Email,Event,Date'), mapping: {} }, /mapping/],
    ['no column for the event kind', { fileName: 'e.csv', contentBase64: base64Of('Email,Date\ntaro@sakura.example,2025/04/07 08:00') }, /event kind/],
    ['no lead column', { fileName: 'e.csv', contentBase64: base64Of('Event,Date\nweb visit,2025/04/07 08:00') }, /email or CRM id/],
    ['a header and no rows', { fileName: 'e.csv', contentBase64: base64Of('Email,Event,Date\n') }, /no data rows/],
    ['a UTF-16 file', { fileName: 'e.csv', contentBase64: Buffer.from('\ufeffEmail,Event,Date', 'utf16le').toString('base64') }, /UTF-16/],
  ])('%s', async (_name, payload, message) => {
    const before = tableCounts(temp.backend);
    const error = await temp.callError('behaviour.import', payload);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it('a failure in the middle of the write leaves events and scores unchanged', async () => {
    const errors: unknown[] = [];
    const failing = createTempBackend({ logError: (_command, error) => errors.push(error) });
    try {
      seedLeads(failing.backend, [{ id: 'taro', company: '株式会社サクラテック', name: '山田 太郎', email: 'taro@sakura.example' }]);
      const { db } = failing.backend.context;
      // Takes the id the second row's event will get, so its insert fails after the first one landed.
      db.prepare("INSERT INTO behaviour_events (id, lead_id, kind, occurred_at, created_at) VALUES ('id-000002', 'taro', 'seminar', '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z')").run();
      const before = { counts: tableCounts(failing.backend), lead: db.prepare('SELECT score, behaviour_score, queue_changes_at FROM leads').get() };

      const error = await failing.callError('behaviour.import', {
        fileName: 'e.csv',
        contentBase64: base64Of('Email,Event,Date\ntaro@sakura.example,見積依頼,2025/04/07 08:00\ntaro@sakura.example,web visit,2025/04/07 08:30'),
      });

      expect(error.code).toBe('internal');
      expect(errors).toHaveLength(1);
      expect({ counts: tableCounts(failing.backend), lead: db.prepare('SELECT score, behaviour_score, queue_changes_at FROM leads').get() }).toEqual(before);
    } finally {
      failing.close();
    }
  });
});
