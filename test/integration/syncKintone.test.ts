import { afterEach, describe, expect, it } from 'vitest';
import { expectHeldForRetryAfter } from '../fakes/retryAfter';
import { addFieldRep, handOff, logCall, minute, seedSyncLeads } from '../fakes/repActions';
import { byKomaIdKt, createKintoneHarness, expectExactlyOnceKt, kintoneSettingsFor, repLogin, type KintoneHarness } from '../fakes/kintoneHarness';

let h: KintoneHarness;

afterEach(async () => {
  await h?.close();
});

const engine = () => h.backend.sync.engine;

describe('kintone: API tokens', () => {
  it('refuses a token of another app, keeping nothing; keeps good ones (masked) and checks the apps right away', async () => {
    h = await createKintoneHarness({ connect: false });
    const refused = await h.callError('sync.settings.save', { settings: kintoneSettingsFor(h.kt), kintoneTokens: { ...h.kt.tokens, calls: h.kt.tokens.leads } });
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toContain('GAIA_IA02');
    expect((await h.call('sync.settings.get', {})).settings.connector).toBe('none');
    expect(await h.backend.sync.secrets.get('kintone.token.leads')).toBeNull();

    const view = await h.call('sync.settings.save', { settings: kintoneSettingsFor(h.kt), kintoneTokens: { ...h.kt.tokens } });
    expect(view.kintoneTokenHints).toEqual({ leads: `KmLe…${h.kt.tokens.leads.slice(-4)}`, calls: `KmCa…${h.kt.tokens.calls.slice(-4)}`, handoffs: `KmHa…${h.kt.tokens.handoffs.slice(-4)}` });
    expect(JSON.stringify(view)).not.toContain(h.kt.tokens.leads);
    const status = await h.call('sync.status', {});
    expect(status).toMatchObject({ connector: 'kintone', configured: true, signedIn: true, paused: null });
    // Each token was tried on its app (leads and calls on the refused save, then all three), then the setup check read the three forms.
    expect(h.kt.stats.byRoute['GET /k/v1/app/form/fields.json']).toBe(8);
    expect((await h.call('sync.setupCheck.last', {}))?.crm).toBe('kintone');
  });

  it('a token kintone stops accepting holds sync without failing anything, until it is saved again', async () => {
    h = await createKintoneHarness();
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    h.kt.inject({ kind: 'tokenRevoked' });
    await engine().runOnce();
    let status = await h.call('sync.status', {});
    expect(status).toMatchObject({ signedIn: false, attention: 0 });
    expect(status.pending).toBeGreaterThan(0);
    expect(status.lastError).toContain('GAIA_IA02');
    expect(await engine().runOnce()).toBe('not_ready');
    await h.call('sync.settings.save', { settings: kintoneSettingsFor(h.kt), kintoneTokens: { ...h.kt.tokens } });
    await h.settle();
    status = await h.call('sync.status', {});
    expect(status).toMatchObject({ signedIn: true, pending: 0 });
    expect(h.kt.records('calls')).toHaveLength(1);
  });

  it('a token without the add permission (GAIA_NO01) holds sync with kintone’s message instead of failing items', async () => {
    h = await createKintoneHarness({ fake: { permissions: { calls: ['view', 'edit'] } } });
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    await engine().runOnce();
    const status = await h.call('sync.status', {});
    expect(status).toMatchObject({ attention: 0, signedIn: false });
    expect(status.lastError).toContain('GAIA_NO01');
    // All or nothing: the lead of the call was not stored without its call.
    expect(h.kt.records('leads')).toHaveLength(0);
  });
});

describe('kintone: every record kind', () => {
  it('a call, a recycle, do-not-call, a follow-up mail and a handoff land in the three apps, each once', async () => {
    h = await createKintoneHarness();
    seedSyncLeads(h, 2);
    const repId = await addFieldRep(h);
    await h.call('hearing.save', {
      leadId: 'lead-0001',
      hearing: { budget: { status: 'approved', amount: 5_000_000, confirmed: true }, authority: { confirmed: true }, need: { pains: ['属人化'], confirmed: true }, timeline: { confirmed: true } },
    });
    const call = await logCall(h, 'lead-0000', 'connected', '受付経由で部長に接続。\r\n資料送付の約束。');
    await h.call('lead.recycle', { leadId: 'lead-0000', reason: 'timing', until: new Date(h.clock.now().getTime() + 91 * 24 * 60 * minute).toISOString() });
    await h.call('lead.setDoNotCall', { leadId: 'lead-0000', doNotCall: true });
    const mail = await h.call('followup.record', { leadId: 'lead-0000', callId: call.callId, templateId: 'materials', kind: 'materials', subject: '【資料送付】ご案内資料', body: '資料をお送りします。', channel: 'mailto' });
    await handOff(h, 'lead-0001', repId, '基幹システム刷新。予算承認済み。');
    await h.settle();

    const leads = byKomaIdKt(h.kt, 'leads');
    expect(leads.size).toBe(2);
    expect(leads.get('lead-0000')!.values).toMatchObject({ 姓: expect.stringContaining('山田'), 会社名: '株式会社サクラテック', ステータス: 'リサイクル', リサイクル理由: 'timing', 架電禁止: ['架電禁止'], 担当者: [{ code: repLogin }] });
    expect(String(leads.get('lead-0000')!.values.リサイクル期限)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    const calls = byKomaIdKt(h.kt, 'calls');
    expect(calls.get(call.callId)!.values).toMatchObject({ 種別: '電話', 結果: '通話', 通話秒数: '180', リードID: 'lead-0000', 内容: '受付経由で部長に接続。\r\n資料送付の約束。' });
    expect(calls.get(mail.id)!.values).toMatchObject({ 種別: 'メール', 結果: '', 件名: '【資料送付】ご案内資料' });
    const handoff = byKomaIdKt(h.kt, 'handoffs').values().next().value!;
    expect(handoff.values).toMatchObject({ リードID: 'lead-0001', 予算状況: 'approved', 予算額: '5000000', BANT確認: '確認済み' });
    expect(String(handoff.values.引き継ぎ内容)).toContain('基幹システム刷新');
    // Every write went through bulk requests, never a single-record API.
    expect(Object.keys(h.kt.stats.byRoute).filter((r) => r.startsWith('PUT') || r.startsWith('POST'))).toEqual(['POST /k/v1/bulkRequest.json']);
    expect(h.kt.ignored).toEqual([]);
    expectExactlyOnceKt(h);
  });

  it('a lead Koma pulled from kintone is updated by its record id, never added again', async () => {
    h = await createKintoneHarness();
    const id = h.kt.put('leads', { 姓: '髙橋', 名: '一郎', 会社名: '(株)北斗', 担当者: [{ code: repLogin }], ステータス: '新規' });
    await engine().pullNow();
    const local = h.backend.context.db.prepare('SELECT id FROM leads WHERE crm_id = ?').get(id) as { id: string };
    await logCall(h, local.id, 'busy', '話し中');
    await h.settle();
    expect(h.kt.records('leads')).toHaveLength(1);
    expect(h.kt.records('leads')[0]!.values).toMatchObject({ koma_id: local.id, 姓: '髙橋' });
    expect(byKomaIdKt(h.kt, 'calls').size).toBe(1);
  });

  it('a value the app refuses waits in needs attention with kintone’s message; the rest of the batch goes, each item whole', async () => {
    h = await createKintoneHarness();
    seedSyncLeads(h, 3);
    const s = kintoneSettingsFor(h.kt);
    await h.call('sync.settings.save', { settings: { ...s, kintone: { ...s.kintone, lead: { ...s.kintone.lead, statuses: { ...s.kintone.lead.statuses, recycled: 'ナーチャリング' } } } } });
    await h.call('lead.recycle', { leadId: 'lead-0000', reason: 'timing', until: new Date(h.clock.now().getTime() + 91 * 24 * 60 * minute).toISOString() });
    await logCall(h, 'lead-0001');
    await logCall(h, 'lead-0002');
    await h.settle();
    const status = await h.call('sync.status', {});
    expect(status.attention).toBe(1);
    const { items } = await h.call('sync.items', { state: 'attention', limit: 10 });
    expect(items[0]!.lastError).toContain('CB_VA01');
    expect(items[0]!.lastError).toContain('"ナーチャリング"は選択肢にありません。');
    expect(h.kt.records('calls')).toHaveLength(2);
    expect(byKomaIdKt(h.kt, 'leads').has('lead-0000')).toBe(false);
  });
});

describe('kintone: failures', () => {
  it('answers lost after the write (dropped, garbled, timed out) are retried into the same records', async () => {
    h = await createKintoneHarness({ harness: { sync: { requestTimeoutMs: 300 } } });
    seedSyncLeads(h, 2);
    await logCall(h, 'lead-0000');
    await logCall(h, 'lead-0001');
    h.kt.inject({ kind: 'dropAfterStore', on: 'bulk' });
    h.kt.inject({ kind: 'malformed', on: 'bulk' });
    h.kt.inject({ kind: 'hang', on: 'bulk' });
    await h.settle();
    expect(h.kt.records('calls')).toHaveLength(2);
    expect(h.kt.records('leads')).toHaveLength(2);
    expectExactlyOnceKt(h);
  });

  it('429 (over the concurrent requests) waits for Retry-After, 503 and 520 back off, and nothing is duplicated', async () => {
    h = await createKintoneHarness();
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    h.kt.inject({ kind: 'status429', retryAfter: 120 });
    await expectHeldForRetryAfter(h, 120);
    h.kt.inject({ kind: 'status503' });
    await engine().runOnce();
    expect(h.outbox()[0]!.state).toBe('pending');
    h.kt.inject({ kind: 'status520' });
    await h.settle();
    expectExactlyOnceKt(h);
    expect((await h.call('sync.status', {})).apiUsage).toMatchObject({ max: null, budget: null });
  });
});

describe('kintone: pull', () => {
  it('pulls 5,000 of the rep’s leads — 2,500 with the same 更新日時 — each exactly once, only the rep’s, never past limit 500 or any offset', async () => {
    h = await createKintoneHarness();
    const ids: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      ids.push(h.kt.put('leads', { 姓: `髙橋${i}`, 名: '﨑子', 会社名: i % 3 === 0 ? '株式会社ミナト' : '(株)北斗', 電話番号: `03-1234-${String(i % 10_000).padStart(4, '0')}`, 担当者: [{ code: repLogin }], ステータス: '新規' }));
    }
    h.kt.put('leads', { 姓: '他人', 担当者: [{ code: 'suzuki' }] });
    h.kt.stamp('leads', ids.slice(1_000, 3_500), '2026-12-01T09:00:00Z');
    for (let pull = 0; pull < 10; pull++) {
      await engine().pullNow();
      const n = (h.backend.context.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
      if (n >= 5_000 && (await h.call('sync.status', {})).lastError === null) break;
    }
    const rows = h.backend.context.db.prepare('SELECT crm_id FROM leads').all() as { crm_id: string }[];
    expect(rows).toHaveLength(5_000);
    expect(new Set(rows.map((r) => r.crm_id))).toEqual(new Set(ids));
    expect(h.kt.stats.maxLimit).toBe(500);
    expect(h.kt.stats.maxOffset).toBe(0);
    // The run the page budget cut short (10 pages of 500) completes.
    await engine().pullNow();
    // Edits in the minute of the import (更新日時 keeps minutes): one that sorts first and one in the
    // middle of the 2,500 alike, both behind where the pull stood. The next pull's overlap reads them.
    h.kt.put('leads', { 姓: '髙橋0 改' }, ids[0]);
    h.kt.put('leads', { 姓: '髙橋2000 改' }, ids[2_000]);
    expect(h.kt.records('leads').find((r) => r.id === ids[2_000])!.values.更新日時).toBe('2026-12-01T09:00:00Z');
    await engine().pullNow();
    const name = (id: string) => (h.backend.context.db.prepare('SELECT full_name FROM leads WHERE crm_id = ?').get(id) as { full_name: string }).full_name;
    expect(name(ids[0]!)).toContain('髙橋0 改');
    expect(name(ids[2_000]!)).toContain('髙橋2000 改');
  }, 120_000);

  it('field sales’ answer in the handoff app reaches the handoff', async () => {
    h = await createKintoneHarness();
    seedSyncLeads(h, 1);
    const repId = await addFieldRep(h);
    await handOff(h, 'lead-0000', repId);
    await h.settle();
    const record = byKomaIdKt(h.kt, 'handoffs').values().next().value!;
    h.kt.put('handoffs', { 営業の回答: '差し戻し', 差し戻し理由: '予算時期が来期' }, record.id);
    await engine().pullNow();
    const handoff = h.backend.context.db.prepare('SELECT field_state, field_reason FROM handoffs').get() as { field_state: string; field_reason: string };
    expect(handoff).toEqual({ field_state: 'rejected', field_reason: '予算時期が来期' });
  });
});

describe('kintone: setup check', () => {
  it('lists missing and mistyped fields, a key field without 重複禁止 and a missing option, and pauses sync until they are fixed', async () => {
    h = await createKintoneHarness({ fake: { missing: { leads: ['役職'], handoffs: ['予算額'] }, retype: { calls: { 通話秒数: 'SINGLE_LINE_TEXT' } }, notUnique: ['calls'] } });
    const status = await h.call('sync.status', {});
    expect(status.paused?.reason).toBe('setup_incomplete');
    const check = await h.call('sync.setupCheck', {});
    expect(check.crm).toBe('kintone');
    const failing = check.items.filter((i) => i.required && !i.ok);
    expect(failing.map((i) => [i.id, i.problem])).toEqual(
      expect.arrayContaining([
        ['field:leads.役職', 'missing'],
        ['field:handoffs.予算額', 'missing'],
        ['field:calls.通話秒数', 'wrongType'],
        ['field:calls.koma_id', 'notUnique'],
      ]),
    );
    expect(check.items.find((i) => i.id === 'field:calls.通話秒数')).toMatchObject({ expected: 'NUMBER', actual: 'SINGLE_LINE_TEXT' });
    expect(check.items.find((i) => i.id === 'app:leads')?.ok).toBe(true);
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    expect(await engine().runOnce()).toBe('paused');
    expect(h.kt.records('calls')).toHaveLength(0);
  });

  it('an app whose token kintone refuses is named, and the others are still checked', async () => {
    h = await createKintoneHarness();
    h.kt.inject({ kind: 'tokenRevoked', on: 'form' });
    const check = await h.call('sync.setupCheck', {});
    expect(check.items.find((i) => i.id === 'app:leads')).toMatchObject({ ok: false, problem: 'denied', actual: 'GAIA_IA02' });
    expect(check.items.find((i) => i.id === 'app:calls')?.ok).toBe(true);
    expect(check.ok).toBe(false);
  });
});
