import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhoneCallImportResult } from '../../shared/contract/phoneCalls';
import { base64Of } from '../helpers/imports';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, tableCounts, type TempBackend } from '../helpers/tempBackend';

/**
 * Call-history exports of MiiTel and Zoom Phone, in CP932 and UTF-8 (with BOM) with mixed line
 * breaks, imported into a real SQLite file: every row is accounted for, each call is attached to
 * the Koma call it is, and importing the same file again changes nothing.
 */
let temp: TempBackend;
const start = new Date('2026-12-07T00:00:00.000Z'); // Monday 09:00 in Tokyo
const minute = 60_000;

beforeEach(() => {
  temp = createTempBackend({ start });
});
afterEach(() => temp.close());

const jst = (iso: string, sep = '/') => {
  const d = new Date(Date.parse(iso) + 9 * 3_600_000);
  return `${d.getUTCFullYear()}${sep}${String(d.getUTCMonth() + 1).padStart(2, '0')}${sep}${String(d.getUTCDate()).padStart(2, '0')} ${d.toISOString().slice(11, 19)}`;
};
const at = (minutes: number, seconds = 0) => new Date(start.getTime() + minutes * minute + seconds * 1000).toISOString();
const cellOf = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** Rows joined with the line breaks cycling (a file appended to by several tools). */
const csv = (rows: readonly (readonly string[])[], breaks = ['\r\n', '\n', '\r']) => rows.map((r, i) => r.map(cellOf).join(',') + breaks[i % breaks.length]).join('');

/** 20 leads, each with its own number; three more at ㈱見本商事 who share its switchboard. */
async function seedWork(): Promise<Map<string, string>> {
  seedLeads(temp.backend, [
    ...Array.from({ length: 20 }, (_, i) => ({ id: `lead-${i}`, company: `株式会社サンプル${i % 5}`, name: `髙橋 太郎${i}`, phone: `03-5555-${String(1000 + i)}` })),
    ...[0, 1, 2].map((i) => ({ id: `sw-${i}`, company: '㈱見本商事', name: `山﨑 花子${i}`, phone: '06-6666-0000' })),
  ]);
  temp.clock.set(new Date(start.getTime() + 24 * 60 * minute));
  const calls = new Map<string, string>();
  for (let i = 0; i < 20; i++) {
    const { callId } = await temp.call('calls.log', { leadId: `lead-${i}`, startedAt: at(i * 5, 2), endedAt: at(i * 5 + 3), outcome: 'connected', notes: '' });
    calls.set(`lead-${i}`, callId);
  }
  const { callId } = await temp.call('calls.log', { leadId: 'sw-1', startedAt: at(200), endedAt: at(204), outcome: 'connected', notes: '' });
  calls.set('sw-1', callId);
  return calls;
}

const phoneRows = () =>
  temp.backend.context.db.prepare('SELECT source, lead_id, call_id, state, duration_sec, recording_url FROM phone_calls ORDER BY started_at, external_id').all() as {
    source: string;
    lead_id: string | null;
    call_id: string | null;
    state: string;
    duration_sec: number | null;
    recording_url: string | null;
  }[];

function accounted(r: PhoneCallImportResult): number {
  return r.matched + r.unmatchedNoLead + r.unmatchedNoCall + r.alreadyKnown + r.invalid.length + r.skipped;
}

const miitelHeader = ['通話開始時刻', '通話終了時刻', '通話種別', '相手先電話番号', '通話時間 (秒)', '応対メモ', '音声認識結果 (要約文)', '応対履歴 URL'];
function miitelRows(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < 20; i++) {
    rows.push([jst(at(i * 5, 20)), jst(at(i * 5 + 2, 50)), '発信', `03-5555-${1000 + i}`, '150', `髙橋様 ${i}: 資料送付の依頼`, '予算は来期、稟議は部長決裁', `https://koma.miitel.jp/app/calls/${i}`]);
  }
  rows.push([jst(at(200, 15)), jst(at(203, 0)), '発信', '06-6666-0000', '165', '代表経由で山﨑様', '', 'https://koma.miitel.jp/app/calls/sw']);
  rows.push([jst(at(300)), jst(at(301)), '発信', '03-5555-1003', '60', '', '', 'https://koma.miitel.jp/app/calls/later']); // no Koma call then
  rows.push([jst(at(310)), jst(at(311)), '発信', '045-000-0000', '60', '', '', 'https://koma.miitel.jp/app/calls/stranger']); // no lead
  rows.push(['', '', '発信', '03-5555-1001', '10', '', '', '']); // no start
  rows.push(['2026/13/40 10:00:00', '', '発信', '03-5555-1001', '10', '', '', '']); // bad start
  rows.push([jst(at(320)), '', '発信', '', '10', '', '', '']); // no number
  rows.push([jst(at(330)), '', '発信', '03-5555-1001', '十秒', '', '', '']); // bad duration
  rows.push(['', '', '', '', '', '', '', '']); // blank
  return rows;
}

const zoomHeader = ['Call ID', 'Date / Time', 'Direction', 'Caller Name', 'Caller Number', 'Callee Name', 'Callee Number', 'Duration', 'Result', 'Recording'];
function zoomRows(): string[][] {
  return Array.from({ length: 20 }, (_, i) => [
    `7006926284340${String(i).padStart(6, '0')}`,
    jst(at(i * 5, 25), '-'),
    i % 2 === 0 ? 'Outbound' : 'outbound',
    '営業 一郎',
    '+81 50-1111-2222',
    `髙橋 太郎${i}`,
    `+81 3-5555-${1000 + i}`,
    '00:02:30',
    'Call connected',
    i % 3 === 0 ? `https://zoom.us/recording/share/${i}` : '',
  ]).concat([['7006926284349999999', '2026-12-07 18:00:00', 'Inbound', '不明', '+81 90-0000-0000', '営業 一郎', '+81 50-1111-2222', '0:45', 'Call connected', '']]);
}

describe('a call-history CSV import', () => {
  it.each([
    { name: 'MiiTel, CP932, mixed line breaks', bytes: () => iconv.encode(csv([miitelHeader, ...miitelRows()]), 'cp932'), vendor: 'miitel' as const, rows: 28, matched: 21, noLead: 1, noCall: 1, invalid: ['no_start', 'bad_start', 'no_number', 'bad_duration'], skipped: 1 },
    { name: 'MiiTel, UTF-8 with BOM, mixed line breaks', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([miitelHeader, ...miitelRows()], ['\n', '\r\n']))]), vendor: 'miitel' as const, rows: 28, matched: 21, noLead: 1, noCall: 1, invalid: ['no_start', 'bad_start', 'no_number', 'bad_duration'], skipped: 1 },
    { name: 'Zoom Phone, UTF-8, mixed line breaks', bytes: () => Buffer.from(csv([zoomHeader, ...zoomRows()])), vendor: 'zoom' as const, rows: 21, matched: 20, noLead: 1, noCall: 0, invalid: [], skipped: 0 },
    { name: 'Zoom Phone, CP932 (saved again from Excel)', bytes: () => iconv.encode(csv([zoomHeader, ...zoomRows()], ['\r\n']), 'cp932'), vendor: 'zoom' as const, rows: 21, matched: 20, noLead: 1, noCall: 0, invalid: [], skipped: 0 },
  ])('$name: every row accounted for, calls attached, a second import changes nothing', async (c) => {
    const calls = await seedWork();
    const file = { fileName: 'calls.csv', contentBase64: base64Of(c.bytes()) };
    const result = await temp.call('phoneCalls.import', file);
    expect(result).toMatchObject({ vendor: c.vendor, rows: c.rows, matched: c.matched, unmatchedNoLead: c.noLead, unmatchedNoCall: c.noCall, alreadyKnown: 0, skipped: c.skipped });
    expect(result.invalid.map((r) => r.problem)).toEqual(c.invalid);
    expect(accounted(result)).toBe(result.rows);

    const rows = phoneRows();
    for (let i = 0; i < 20; i++) expect(rows.find((r) => r.call_id === calls.get(`lead-${i}`))).toMatchObject({ source: c.vendor, lead_id: `lead-${i}`, state: 'matched', duration_sec: 150 });
    if (c.vendor === 'miitel') {
      // The shared switchboard: the one of its three people with a call then.
      expect(rows.find((r) => r.call_id === calls.get('sw-1'))).toMatchObject({ lead_id: 'sw-1', duration_sec: 165, recording_url: 'https://koma.miitel.jp/app/calls/sw' });
      expect(rows.filter((r) => r.state === 'unmatched').map((r) => r.lead_id)).toEqual(['lead-3', null]);
    }

    const before = tableCounts(temp.backend);
    const again = await temp.call('phoneCalls.import', file);
    expect(again).toMatchObject({ rows: c.rows, matched: 0, unmatchedNoLead: 0, unmatchedNoCall: 0, alreadyKnown: c.matched + c.noLead + c.noCall });
    expect(accounted(again)).toBe(again.rows);
    expect(tableCounts(temp.backend)).toEqual(before);
    expect(phoneRows()).toEqual(rows);
  });

  it('refuses a file that is not a call history, and changes nothing', async () => {
    await seedWork();
    const before = tableCounts(temp.backend);
    const error = await temp.callError('phoneCalls.import', { fileName: 'leads.csv', contentBase64: base64Of('会社名,氏名,電話番号\r\n㈱見本,山田,03-0000-0000\r\n') });
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining("no column for the call's start time") });
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it('the rep re-attaches, detaches and dismisses; each is refused when it would break a rule', async () => {
    const calls = await seedWork();
    // A second Koma call of lead-3 later that day, which MiiTel's 'later' row should be on.
    temp.clock.set(new Date(start.getTime() + 2 * 24 * 60 * minute));
    const { callId: late } = await temp.call('calls.log', { leadId: 'lead-3', startedAt: at(420), endedAt: at(422), outcome: 'no_answer', notes: '' });
    await temp.call('phoneCalls.import', { fileName: 'calls.csv', contentBase64: base64Of(iconv.encode(csv([miitelHeader, ...miitelRows()]), 'cp932')) });

    const listed = await temp.call('phoneCalls.list', { state: 'open' });
    expect(listed.total).toBe(23);
    // The unmatched come first, newest first.
    expect(listed.rows.slice(0, 2).map((r) => r.state)).toEqual(['unmatched', 'unmatched']);
    const waiting = listed.rows.find((r) => r.state === 'unmatched' && r.lead?.id === 'lead-3')!;
    // Its lead's calls it could be: only those carrying no phone call already.
    expect(waiting.candidates.map((c) => c.callId)).toEqual([late]);

    await temp.call('phoneCalls.attach', { phoneCallId: waiting.id, callId: late });
    // lead-3's first call already carries its own phone call; another lead's call is refused.
    const first = listed.rows.find((r) => r.call?.callId === calls.get('lead-3'))!;
    expect(await temp.callError('phoneCalls.attach', { phoneCallId: first.id, callId: late })).toMatchObject({ code: 'conflict' });
    expect(await temp.callError('phoneCalls.attach', { phoneCallId: first.id, callId: calls.get('lead-4')! })).toMatchObject({ code: 'conflict' });

    await temp.call('phoneCalls.detach', { phoneCallId: first.id });
    const stranger = listed.rows.find((r) => r.state === 'unmatched' && r.lead === null)!;
    await temp.call('phoneCalls.dismiss', { phoneCallId: stranger.id });
    const after = await temp.call('phoneCalls.list', { state: 'open' });
    expect(after.total).toBe(22);
    expect(after.rows.find((r) => r.id === first.id)).toMatchObject({ state: 'unmatched', matchedBy: 'rep', call: null });
    expect(after.rows.find((r) => r.id === waiting.id)).toMatchObject({ state: 'matched', matchedBy: 'rep', call: { callId: late } });

    // The timeline: the re-attached call carries MiiTel's duration; the detached one no longer does.
    const detail = await temp.call('lead.get', { leadId: 'lead-3' });
    const byId = new Map(detail.timeline.filter((i) => i.kind === 'call').map((i) => [i.id, i]));
    expect(byId.get(late)).toMatchObject({ phone: { source: 'miitel', durationSec: 60 } });
    expect(byId.get(calls.get('lead-3')!)).not.toHaveProperty('phone');

    // A dismissed call does not come back with the file.
    await temp.call('phoneCalls.import', { fileName: 'calls.csv', contentBase64: base64Of(iconv.encode(csv([miitelHeader, ...miitelRows()]), 'cp932')) });
    expect((await temp.call('phoneCalls.list', { state: 'open' })).total).toBe(22);
    expect(await temp.callError('phoneCalls.detach', { phoneCallId: 'nope' })).toMatchObject({ code: 'not_found' });
  });
});
