import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeKintone, type FakeKintone } from '../fakes/fakeKintone';
import { plainText, useApp } from './harness';
import { axeViolations } from './harness/axe';
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

const leadPane = (page: Page) => page.getByRole('region', { name: '対応中のリード' });
const shownLead = (page: Page) => plainText(leadPane(page).getByRole('heading', { level: 2 }));

/** 2 = no answer, Ctrl+Enter = save and open the next lead. Resolves once the next one shows. */
async function logNoAnswer(page: Page): Promise<void> {
  const before = await shownLead(page);
  const noAnswer = leadPane(page).getByRole('radio', { name: '不在' });
  await noAnswer.waitFor({ state: 'attached' });
  await expect.poll(() => noAnswer.isEnabled()).toBe(true);
  await page.keyboard.press('2');
  await expect.poll(() => noAnswer.isChecked()).toBe(true);
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => shownLead(page), { timeout: 10_000 }).not.toBe(before);
  await expect.poll(() => leadPane(page).getByRole('radio', { name: '不在' }).isChecked()).toBe(false);
}

it('connects to kintone in the settings, works offline, and drains to the three apps exactly once', async () => {
  const { page, problems } = t.opened;
  await page.getByRole('button', { name: 'サンプルデータを読み込む' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '完了' }).click();
  await page.getByText('リード 200 件').waitFor();

  await page.getByRole('button', { name: '設定', exact: true }).click();
  const reps = page.getByRole('region', { name: '営業担当者（トスアップ先）' });
  await reps.getByRole('button', { name: '担当者を追加' }).click();
  await reps.getByRole('textbox', { name: '1行目の氏名' }).fill('高橋 健');
  await reps.getByRole('textbox', { name: '1行目のメールアドレス' }).fill('takahashi@example.co.jp');
  await reps.getByRole('button', { name: '保存' }).click();
  await reps.getByRole('status').filter({ hasText: '営業担当者を保存しました' }).waitFor();

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
  expect(await axeViolations(page, 'settings: kintone')).toEqual([]);
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
  await page.getByRole('button', { name: 'コール', exact: true }).click();
  await page.keyboard.press('n');
  await leadPane(page).locator('.lead-header h2').waitFor();
  await logNoAnswer(page);
  await logNoAnswer(page);
  await page.getByRole('region', { name: 'BANTヒアリング' }).getByRole('button', { name: '商談化してトスアップ' }).click();
  const dialog = page.getByRole('dialog', { name: '商談化してトスアップ' });
  await dialog.getByRole('combobox', { name: '営業担当者' }).selectOption({ label: '高橋 健 <takahashi@example.co.jp>' });
  await dialog.getByLabel('アポ日').fill('2025-04-10');
  await dialog.getByLabel('開始').fill('14:00');
  await dialog.getByRole('textbox', { name: '条件未達のままトスアップする理由' }).fill('決裁者から直接の依頼があったため');
  await dialog.getByRole('button', { name: 'トスアップする' }).click();
  await dialog.getByRole('heading', { name: 'トスアップしました' }).waitFor();
  await dialog.getByRole('button', { name: '閉じる' }).first().click();

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
