import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeKintone, type FakeKintone } from '../fakes/fakeKintone';
import { loadSampleDataByClick, useApp } from './harness';
import { axeViolations } from './harness/axe';
import { clippedText } from './harness/clipping';
import { addFieldRep, twoCallsAndAHandoff } from './harness/offlineWork';
import { syncIndicatorName } from './harness/salesforceSettings';

/**
 * Offline-first against the strict fake kintone: connect through Settings → CRM連携 → kintone (the
 * URL, the login name, three app ids and tokens, typed as a rep would), work while kintone is
 * unreachable (two calls and a handoff through the UI), bring it back, sync now, and find each
 * record exactly once in its app.
 */

/** Monday 7 April 2025, 10:00 in Tokyo. */
const start = new Date('2025-04-07T01:00:00.000Z');
const t = useApp({ at: start.toISOString(), viewport: { width: 1280, height: 720 } });
let kt: FakeKintone;

beforeAll(async () => {
  kt = await startFakeKintone();
});
afterAll(async () => {
  await kt?.close();
});

it('connects to kintone in the settings, works offline, and drains to the three apps exactly once', async () => {
  const { page, problems } = t.opened;
  await loadSampleDataByClick(page);

  await addFieldRep(page);

  const crm = page.getByRole('region', { name: 'CRM連携' });
  await crm.getByRole('radio', { name: 'kintone' }).check();
  await crm.getByRole('textbox', { name: 'kintoneのURL' }).fill(kt.url);
  await crm.getByRole('textbox', { name: 'あなたのkintoneログイン名' }).fill('sato');
  const apps = [
    ['リードアプリ', 'leads'],
    ['架電履歴アプリ', 'calls'],
    ['トスアップアプリ', 'handoffs'],
  ] as const;
  for (const [name, app] of apps) {
    await crm.getByRole('textbox', { name: `${name}のアプリID` }).fill(kt.apps[app]);
    await crm.getByLabel(`${name}のAPIトークン`).fill(kt.tokens[app]);
  }
  // The field-code mapping open too: nothing clipped at 1280×720, axe-clean.
  await crm.getByText('フィールドコードの対応（既定値はKomaの標準アプリ）').click();
  expect([...(await clippedText(page, '.sync-settings')), ...(await axeViolations(page, 'settings: kintone'))]).toEqual([]);
  await crm.getByRole('button', { name: '保存' }).click();
  await crm.getByRole('status').filter({ hasText: 'CRM連携の設定を保存しました' }).waitFor({ timeout: 15_000 });
  await expect.poll(() => syncIndicatorName(page), { timeout: 15_000 }).toMatch(/^同期: オンライン、送信待ち 0 件/);
  const fresh = page.getByRole('region', { name: 'CRM連携' });
  await fresh.getByText(`保存済み: KmLe…${kt.tokens.leads.slice(-4)}`).waitFor();
  await fresh.getByRole('button', { name: 'kintoneの設定を確認' }).click();
  await fresh.getByText('すべての項目がそろっています。同期できます。').waitFor({ timeout: 15_000 });
  expect(await axeViolations(page, 'settings: kintone setup check')).toEqual([]);
  await page.screenshot({ path: '/tmp/sync-kintone-settings.png', fullPage: false });

  // kintone goes away; the rep keeps working: two calls, then a handoff.
  kt.setOffline(true);
  await twoCallsAndAHandoff(page);

  await expect.poll(() => syncIndicatorName(page), { timeout: 30_000 }).toMatch(/^同期: オフライン、送信待ち \d+ 件/);
  const waiting = (await t.app.api('sync.items', { state: 'pending' })) as { value: { items: { entity: string; entityId: string }[] } };
  const callIds = waiting.value.items.filter((i) => i.entity === 'call').map((i) => i.entityId);
  const handoffIds = waiting.value.items.filter((i) => i.entity === 'handoff').map((i) => i.entityId);
  expect(callIds).toHaveLength(2);
  expect(handoffIds).toHaveLength(1);
  expect(kt.records('calls')).toEqual([]);

  // kintone is back; "sync now" drains the outbox.
  kt.setOffline(false);
  await page.getByRole('button', { name: '同期', exact: true }).click();
  const syncScreen = page.getByRole('region', { name: '同期' });
  await syncScreen.getByRole('button', { name: '今すぐ同期' }).click();
  await expect.poll(() => syncIndicatorName(page), { timeout: 60_000 }).toMatch(/^同期: オンライン、送信待ち 0 件、最終同期 \d{2}:\d{2}$/);
  await syncScreen.getByText('送信待ちの項目はありません。').waitFor();

  const calls = kt.records('calls');
  for (const id of callIds) expect(calls.filter((r) => r.values.koma_id === id)).toHaveLength(1);
  expect(calls).toHaveLength(2);
  const handoffs = kt.records('handoffs');
  expect(handoffs.map((r) => r.values.koma_id)).toEqual(handoffIds);
  expect(String(handoffs[0]!.values.引き継ぎ内容)).toContain('決裁者から直接の依頼があったため');
  expect(new Set(kt.records('leads').map((r) => r.values.koma_id)).size).toBe(kt.records('leads').length);
  expect(kt.ignored).toEqual([]);
  expect(problems).toEqual([]);
});
