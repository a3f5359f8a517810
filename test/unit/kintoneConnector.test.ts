import { describe, expect, it } from 'vitest';
import { defaultKintoneSettings } from '../../shared/contract/sync';
import { compareIds, furthest } from '../../electron/backend/sync/engine';
import { classifyKintoneError, describeKintoneError, recordIndexOf } from '../../electron/backend/sync/kintone/errors';
import { kintoneDateTime, leadEcho, planItem } from '../../electron/backend/sync/kintone/mapping';
import { keysetQuery, quoted } from '../../electron/backend/sync/kintone/pull';
import type { LeadRef } from '../../electron/backend/sync/lookups';

describe('kintone error classification', () => {
  const cases: [number, string | null, 'transient' | 'auth' | 'permanent', string][] = [
    [400, 'CB_VA01', 'permanent', 'a value the app refuses'],
    [400, 'GAIA_IQ11', 'permanent', 'a field a query names that the app lacks'],
    [404, 'GAIA_RE01', 'permanent', 'a record id that no longer exists'],
    [400, 'GAIA_IA02', 'auth', 'another app’s or a revoked token (400 today)'],
    [520, 'GAIA_IA02', 'auth', 'the same, as kintone answered it before (520)'],
    [403, 'GAIA_NO01', 'auth', 'a token without the permission the API needs'],
    [401, 'CB_AU01', 'auth', 'no authentication'],
    [403, 'CB_NO02', 'auth', 'no access'],
    [404, 'GAIA_AP01', 'auth', 'an app id that does not exist'],
    [401, null, 'auth', 'a 401 without a body'],
    [429, 'GAIA_TM12', 'transient', 'over the 100 concurrent requests'],
    [503, 'CB_SE01', 'transient', 'maintenance'],
    [500, null, 'transient', 'a server error without a body'],
    [502, null, 'transient', 'a proxy in front of kintone'],
    [520, 'GAIA_UN03', 'transient', 'kintone’s own unknown error'],
    [408, null, 'transient', 'request timeout'],
    [415, 'CB_IL02', 'permanent', 'a malformed request'],
  ];
  it.each(cases)('%i %s → %s (%s)', (status, code, kind) => {
    expect(classifyKintoneError(status, code)).toBe(kind);
  });

  it('finds the record a validation error names, and words the error with its fields', () => {
    const body = { code: 'CB_VA01', id: 'abc', message: '入力内容が正しくありません。', errors: { 'records[3].結果.value': { messages: ['"不通"は選択肢にありません。'] } } };
    expect(recordIndexOf(body)).toBe(3);
    expect(recordIndexOf({ code: 'CB_VA01', errors: { records: { messages: ['一度に100件までしか更新できません。'] } } })).toBeNull();
    expect(describeKintoneError(400, body)).toBe('kintone: CB_VA01: 入力内容が正しくありません。 (records[3].結果.value: "不通"は選択肢にありません。) [id abc]');
  });
});

describe('keyset positions', () => {
  it.each([
    ['9', '10', -1],
    ['10', '9', 1],
    ['100', '100', 0],
    ['00Q5g000001', '00Q5g000002', -1],
    ['', '1', -1],
  ] as const)('compareIds(%s, %s) has the sign %i', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });

  it('the later of two kintone positions in the same minute is the larger record id, as a number', () => {
    expect(furthest({ modstamp: '2026-12-01T09:00:00.000Z', id: '10' }, { modstamp: '2026-12-01T09:00:00.000Z', id: '9' })?.id).toBe('10');
  });
});

describe('kintone queries', () => {
  const s = { ...defaultKintoneSettings, ownerLogin: 'sato' };
  it.each([
    [null, 'order by 更新日時 asc, $id asc limit 500'],
    [{ modstamp: '2026-12-01T09:00:00.000Z', id: '42' }, '(更新日時 > "2026-12-01T09:00:00Z" or (更新日時 = "2026-12-01T09:00:00Z" and $id > 42)) order by 更新日時 asc, $id asc limit 500'],
    [{ modstamp: '2026-12-01T08:59:00.000Z', id: '' }, '(更新日時 > "2026-12-01T08:59:00Z" or (更新日時 = "2026-12-01T08:59:00Z" and $id > 0)) order by 更新日時 asc, $id asc limit 500'],
  ])('after %j', (cursor, query) => {
    expect(keysetQuery(s, null, cursor, 500)).toBe(query);
  });

  it('quotes values with kintone’s escapes', () => {
    expect(quoted('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
});

describe('kintone mapping', () => {
  const s = { ...defaultKintoneSettings, ownerLogin: 'sato' };
  const ref: LeadRef = {
    leadId: 'lead-1',
    crmId: null,
    firstName: '一郎',
    lastName: '髙橋',
    fullName: '髙橋 一郎',
    title: '情報システム部\n部長',
    department: null,
    email: 'not-an-email',
    phone: '03-1234-5678',
    timeZone: 'Asia/Tokyo',
    companyId: 'co-1',
    companyName: '㈱ミナト',
    status: 'working',
    unsynced: false,
  };
  const call = {
    id: 'call-1',
    leadId: 'lead-1',
    slotId: null,
    startedAt: '2026-12-01T00:05:30.123Z',
    endedAt: '2026-12-01T00:08:30.000Z',
    durationSec: 180,
    outcome: 'gatekeeper' as const,
    notes: '受付で止められた',
    nextAction: null,
    nextActionAt: null,
    createdAt: '2026-12-01T00:08:30.000Z',
    leadCrmId: null,
    leadName: '髙橋 一郎',
  };

  it('a call is the lead (upserted by Koma’s id, owned by the rep) and its call log record, values as kintone takes them', () => {
    const plan = planItem({ kind: 'call', payload: call }, ref, s);
    expect(plan.primary).toBe('calls:call-1');
    const [lead, log] = plan.writes;
    expect(lead).toMatchObject({ app: 'leads', recordId: null, komaId: 'lead-1' });
    expect(lead!.record).toEqual({
      koma_id: { value: 'lead-1' },
      担当者: { value: [{ code: 'sato' }] },
      姓: { value: '髙橋' },
      名: { value: '一郎' },
      役職: { value: '情報システム部 部長' },
      電話番号: { value: '03-1234-5678' },
      会社名: { value: '㈱ミナト' },
      ステータス: { value: '対応中' },
    });
    expect(log!.record).toMatchObject({ 日時: { value: '2026-12-01T00:05:00Z' }, 結果: { value: '受付止まり' }, 通話秒数: { value: '180' }, 種別: { value: '電話' } });
  });

  it('a lead kintone already has is written by its record id, without taking over its 担当者; a pending status is not overwritten', () => {
    const plan = planItem({ kind: 'call', payload: call }, { ...ref, crmId: '77', unsynced: true }, s);
    expect(plan.writes[0]).toMatchObject({ recordId: '77' });
    expect(plan.writes[0]!.record).not.toHaveProperty('担当者');
    expect(plan.writes[0]!.record).not.toHaveProperty('ステータス');
  });

  it.each([
    [true, ['架電禁止'], true],
    [false, [], false],
  ])('do-not-call %s is the check box %j, echoed as %s', (doNotCall, value, echoed) => {
    const plan = planItem({ kind: 'do_not_call', payload: { leadId: 'lead-1', crmId: null, doNotCall, changedAt: '2026-12-01T00:00:00.000Z' } }, ref, s);
    expect(plan.writes[0]!.record.架電禁止).toEqual({ value });
    expect(leadEcho(plan.writes[0]!.record, s).DoNotCall).toBe(echoed);
  });

  it('a recycle writes the status, the reason and its date (UTC, seconds), and clears the exclusion', () => {
    const plan = planItem(
      { kind: 'lead_status', payload: { leadId: 'lead-1', crmId: '5', status: 'recycled', recycleReason: 'timing', recycleUntil: '2027-03-01T09:00:00+09:00', excludeReason: null, note: '', changedAt: '2026-12-01T00:00:00.000Z' } },
      { ...ref, crmId: '5' },
      s,
    );
    expect(plan.writes[0]!.record).toEqual({ koma_id: { value: 'lead-1' }, ステータス: { value: 'リサイクル' }, リサイクル理由: { value: 'timing' }, リサイクル期限: { value: '2027-03-01T00:00:00Z' }, 除外理由: { value: '' } });
    expect(leadEcho(plan.writes[0]!.record, s)).toEqual({ Status: 'リサイクル', リサイクル理由: 'timing', リサイクル期限: '2027-03-01T00:00:00Z', 除外理由: null });
  });

  it.each([
    ['2026-12-01T09:00:00.999+09:00', '2026-12-01T00:00:00Z'],
    ['2026-12-01T00:05:59.000Z', '2026-12-01T00:05:00Z'],
  ])('the date-time %s is written as %s (UTC, to the minute kintone keeps)', (instant, written) => {
    expect(kintoneDateTime(instant)).toBe(written);
  });
});
