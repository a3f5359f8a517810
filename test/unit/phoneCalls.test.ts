import { describe, expect, it } from 'vitest';
import { detectCallLog, foldHeader, readCallLogRow } from '../../shared/domain/phone/callLogCsv';
import { firstUrl, parseCallTime, parseDuration } from '../../shared/domain/phone/callValues';
import { matchPhoneCalls, matchWindowMs, type KomaCallCandidate, type PhoneCallToMatch } from '../../shared/domain/phone/match';
import { readTaskDescription } from '../../shared/domain/phone/taskDescription';

/** Tokyo wall-clock time (seconds optional) as an ISO instant. */
const jst = (local: string) => new Date(`${local.length === 16 ? `${local}:00` : local}+09:00`).toISOString();
const phone = (key: string, leadIds: string[], start: string, durationSec: number | null = 60): PhoneCallToMatch => ({ key, leadIds, startedAt: jst(start), durationSec });
const koma = (id: string, leadId: string, start: string, end = start): KomaCallCandidate => ({ id, leadId, startedAt: jst(start), endedAt: jst(end) });

describe('matching phone calls to Koma calls (five-minute window on the spans)', () => {
  it('is five minutes', () => expect(matchWindowMs).toBe(300_000));

  it.each<[string, PhoneCallToMatch[], KomaCallCandidate[], Record<string, string>]>([
    ['same start, same lead', [phone('p', ['L1'], '2026-12-07T10:00')], [koma('c', 'L1', '2026-12-07T10:00', '2026-12-07T10:01')], { p: 'c' }],
    ['another lead never matches', [phone('p', ['L1'], '2026-12-07T10:00')], [koma('c', 'L2', '2026-12-07T10:00', '2026-12-07T10:01')], {}],
    // Phone call 10:00:00–10:01:00; Koma call starts exactly five minutes after it ended: inside.
    ['window edge: gap of exactly 5 min', [phone('p', ['L1'], '2026-12-07T10:00')], [koma('c', 'L1', '2026-12-07T10:06:00')], { p: 'c' }],
    ['window edge: 5 min 1 s is outside', [phone('p', ['L1'], '2026-12-07T10:00')], [koma('c', 'L1', '2026-12-07T10:06:01')], {}],
    ['window edge before: Koma call ended 5 min before the phone start', [phone('p', ['L1'], '2026-12-07T10:10')], [koma('c', 'L1', '2026-12-07T10:04', '2026-12-07T10:05')], { p: 'c' }],
    ['window edge before: 5 min 1 s before is outside', [phone('p', ['L1'], '2026-12-07T10:10:01')], [koma('c', 'L1', '2026-12-07T10:04', '2026-12-07T10:05')], {}],
    // An untimed call logged after a long call: the spans are 2 minutes apart although the starts are 22 apart.
    ['an untimed call logged after a 20-minute call', [phone('p', ['L1'], '2026-12-07T10:00', 1200)], [koma('c', 'L1', '2026-12-07T10:22')], { p: 'c' }],
    [
      'two calls two minutes apart each find their own',
      [phone('p1', ['L1'], '2026-12-07T10:00', 20), phone('p2', ['L1'], '2026-12-07T10:02', 300)],
      [koma('c2', 'L1', '2026-12-07T10:02:03', '2026-12-07T10:07'), koma('c1', 'L1', '2026-12-07T10:00:05', '2026-12-07T10:00:25')],
      { p1: 'c1', p2: 'c2' },
    ],
    [
      'no double match: two phone calls, one Koma call — the nearer wins',
      [phone('p1', ['L1'], '2026-12-07T10:00:00', 10), phone('p2', ['L1'], '2026-12-07T10:03:00', 10)],
      [koma('c', 'L1', '2026-12-07T10:02:50', '2026-12-07T10:03:20')],
      { p2: 'c' },
    ],
    [
      'a switchboard number: the lead with a call at that time',
      [phone('p', ['L1', 'L2', 'L3'], '2026-12-07T10:00')],
      [koma('c1', 'L1', '2026-12-07T09:00'), koma('c2', 'L2', '2026-12-07T10:00:30')],
      { p: 'c2' },
    ],
    ['a converted lead: the Task resolved to the same Koma lead matches', [phone('p', ['L1'], '2026-12-08T14:00')], [koma('c', 'L1', '2026-12-08T14:00:10')], { p: 'c' }],
    ['no start time is never matched', [{ key: 'p', leadIds: ['L1'], startedAt: 'not a time', durationSec: 10 }], [koma('c', 'L1', '2026-12-07T10:00')], {}],
  ])('%s', (_name, phones, calls, expected) => {
    expect(Object.fromEntries(matchPhoneCalls(phones, calls))).toEqual(expected);
  });
});

describe('call-log values', () => {
  it.each<[string, string | null]>([
    ['2026/12/07 10:03:12', '2026-12-07T01:03:12.000Z'],
    ['2026-12-07 10:03', '2026-12-07T01:03:00.000Z'],
    ['2026年12月7日 10:03:12', '2026-12-07T01:03:12.000Z'],
    ['２０２６/１２/０７ １０:０３:１２', '2026-12-07T01:03:12.000Z'],
    ['2026-12-07T01:03:12Z', '2026-12-07T01:03:12.000Z'],
    ['2026-12-07T10:03:12+09:00', '2026-12-07T01:03:12.000Z'],
    ['2026-12-07T10:03:12.000+0900', '2026-12-07T01:03:12.000Z'],
    ['2026/02/30 10:00', null],
    ['2026/12/07', null],
    ['昨日', null],
    ['', null],
  ])('time %s → %s', (text, iso) => expect(parseCallTime(text, 'Asia/Tokyo')).toBe(iso));

  it.each<[string, number | null | 'invalid']>([
    ['205', 205],
    ['3:25', 205],
    ['00:03:25', 205],
    ['1:00:00', 3600],
    ['3分25秒', 205],
    ['45秒', 45],
    ['1時間2分', 3720],
    ['', null],
    ['three minutes', 'invalid'],
  ])('duration %s → %s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it('takes the first URL of a comment', () => {
    expect(firstUrl('応対履歴 URL: https://example.miitel.jp/app/calls/abc123。ありがとうございました')).toBe('https://example.miitel.jp/app/calls/abc123');
    expect(firstUrl('no link')).toBeNull();
  });
});

describe("a phone system's call Task comment", () => {
  it('gives MiiTel\'s call start, link and the whole comment as the summary', () => {
    const text = ['ダイヤル開始時刻: 2026/12/07 10:02:50', '通話開始時刻: 2026/12/07 10:03:12', '通話時間 (秒): 205', '応対履歴 URL: https://koma-test.miitel.jp/app/calls/9f2c', '要約: 予算は来期に確保予定'].join('\n');
    expect(readTaskDescription(text, 'Asia/Tokyo')).toEqual({ startedAt: '2026-12-07T01:03:12.000Z', recordingUrl: 'https://koma-test.miitel.jp/app/calls/9f2c', summary: text });
  });
  it('has no start when the comment states none', () => {
    expect(readTaskDescription('Call notes only', 'Asia/Tokyo')).toEqual({ startedAt: null, recordingUrl: null, summary: 'Call notes only' });
    expect(readTaskDescription(null, 'Asia/Tokyo').summary).toBe('');
  });
});

describe('call-history CSV headers', () => {
  it('folds width, spaces and brackets', () => expect(foldHeader('通話時間 （秒）')).toBe(foldHeader('通話時間(秒)')));

  it.each<[string, string[], string | null]>([
    ['MiiTel (documented item names)', ['通話開始時刻', '通話終了時刻', '通話時間 (秒)', '通話種別', '相手先電話番号', '応対メモ', '応対履歴 URL'], 'miitel'],
    ['MiiTel with caller/callee columns', ['ダイヤル開始時刻', '発信元電話番号', '発信先電話番号', '通話時間（秒）'], 'miitel'],
    ['Zoom Phone API field names', ['call_id', 'date_time', 'direction', 'caller_number', 'callee_number', 'duration', 'result'], 'zoom'],
    ['Zoom Phone portal words', ['Date / Time', 'Direction', 'Caller Name', 'Caller Number', 'Callee Name', 'Callee Number', 'Duration', 'Result', 'Recording'], 'zoom'],
    ['a lead list is not a call log', ['会社名', '氏名', '電話番号', 'メール'], null],
  ])('%s → %s', (_name, headers, vendor) => {
    const detected = detectCallLog(headers);
    expect(detected.ok ? detected.layout.vendor : null).toBe(vendor);
  });

  it('names what is missing', () => expect(detectCallLog(['会社名', '氏名'])).toEqual({ ok: false, missing: ['start', 'number'] }));

  it('reads a Zoom outbound row: the callee is the lead', () => {
    const detected = detectCallLog(['Date / Time', 'Direction', 'Caller Number', 'Callee Number', 'Duration', 'Result', 'Recording']);
    if (!detected.ok) throw new Error('not detected');
    const read = readCallLogRow(detected.layout, ['2026-12-07 10:03:12', 'Outbound', '+81 50-1111-2222', '+81 3-1234-5678', '00:03:25', 'Call connected', 'https://zoom.us/recording/abc'], 'Asia/Tokyo');
    expect(read).toEqual({
      ok: true,
      row: { externalId: 'zoom:2026-12-07T01:03:12.000Z|0312345678|205', startedAt: '2026-12-07T01:03:12.000Z', durationSec: 205, numberKeys: ['0312345678', '05011112222'], direction: 'outbound', result: 'Call connected', recordingUrl: 'https://zoom.us/recording/abc', summary: '' },
    });
  });

  it.each<[string[], string]>([
    [['', '', '0312345678', '10'], 'no_start'],
    [['きのう', '', '0312345678', '10'], 'bad_start'],
    [['2026/12/07 10:00', '', '', '10'], 'no_number'],
    [['2026/12/07 10:00', '', '03-1234-5678', '十秒'], 'bad_duration'],
  ])('an invalid MiiTel row %j → %s', (values, problem) => {
    const detected = detectCallLog(['通話開始時刻', '通話種別', '相手先電話番号', '通話時間(秒)']);
    if (!detected.ok) throw new Error('not detected');
    expect(readCallLogRow(detected.layout, values, 'Asia/Tokyo')).toEqual({ ok: false, problem });
  });

  it('takes the duration from the end time when there is no duration column', () => {
    const detected = detectCallLog(['通話開始時刻', '通話終了時刻', '相手先電話番号', '応対履歴 URL']);
    if (!detected.ok) throw new Error('not detected');
    const read = readCallLogRow(detected.layout, ['2026/12/07 10:00:00', '2026/12/07 10:02:05', '03-1234-5678', 'https://x.miitel.jp/app/calls/1'], 'Asia/Tokyo');
    expect(read.ok && read.row).toMatchObject({ durationSec: 125, externalId: 'miitel:https://x.miitel.jp/app/calls/1', recordingUrl: 'https://x.miitel.jp/app/calls/1' });
  });
});
