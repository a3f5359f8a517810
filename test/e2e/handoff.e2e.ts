import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, loadSampleDataByClick, openApp, startBrowserMode, type BrowserModeApp, type OpenedApp } from './harness';
import { addFieldRep } from './harness/offlineWork';

let browser: Browser;
let app: BrowserModeApp;
let opened: OpenedApp;

const shots = process.env.KOMA_SHOTS;
/** With KOMA_SHOTS=<dir>, screenshots of each step for a visual check; the element is scrolled into view first. */
const shot = async (page: Page, name: string, element?: Locator) => {
  if (!shots) return;
  await element?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/${name}.png` });
};

/** The backend's clock and the page's (the call form times calls with it) move together. */
async function setClocks(iso: string) {
  await app.setClock(iso);
  await opened.context.clock.setFixedTime(new Date(iso));
}

beforeAll(async () => {
  [browser, app] = await Promise.all([launchChromium(), startBrowserMode()]);
  opened = await openApp(browser, app);
  // Monday 7 April 2025, 10:00 in Tokyo.
  await setClocks('2025-04-07T01:00:00.000Z');
  await opened.page.setViewportSize({ width: 1440, height: 1000 });
  await opened.page.reload();
});
afterAll(async () => {
  await opened?.context.close();
  await browser?.close();
  await app?.dispose();
});

const company = 'アオバシステムズ株式会社';
const contact = '長谷川 隆';
// The sample has more than one 長谷川 隆; the phone number finds this one.
const phone = '045-000-1675';

async function openLead(page: Page) {
  await page.getByRole('button', { name: 'コール', exact: true }).click();
  await page.getByRole('searchbox', { name: '会社名・氏名・電話番号で検索' }).fill(phone);
  // Click only once the list shows the search's answer, or the click lands on a row that moved.
  await page.getByRole('status').filter({ hasText: /^1 件$/ }).waitFor();
  await page.getByRole('row', { name: new RegExp(contact) }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(contact) }).waitFor();
  const panel = page.getByRole('region', { name: 'BANTヒアリング' });
  await panel.getByRole('list', { name: '商談化の条件の達成状況' }).waitFor();
  return panel;
}

const historyOf = (panel: Locator) => panel.getByRole('list', { name: 'ヒアリングの履歴' });

function criterion(panel: Locator, label: string) {
  return panel.getByRole('list', { name: '商談化の条件の達成状況' }).getByRole('listitem').filter({ hasText: label });
}

/**
 * Logs the call as connected with the call flow's own form (the rep clicks the outcome's label),
 * then moves to the next morning: a connected lead rests a day before it is back in the list.
 */
async function logCallAndSleep(page: Page, nextMorning: string) {
  const callLog = page.getByRole('region', { name: '架電記録' });
  await callLog.getByRole('group', { name: '架電結果' }).getByText('通話できた').click();
  expect(await callLog.getByRole('radio', { name: /通話できた/ }).isChecked()).toBe(true);
  await callLog.getByRole('button', { name: /保存して次へ/ }).click();
  // Logged: the workspace has moved on to the next lead.
  await page.getByRole('heading', { level: 2, name: new RegExp(contact) }).waitFor({ state: 'detached' });
  await setClocks(nextMorning);
  await page.reload();
}

it('hears BANT over two calls, hands the lead off, and finds it queued with its .ics and CSV', async () => {
  const { page, problems } = opened;
  await loadSampleDataByClick(page);

  // Settings: a field rep to hand off to, and who is hearing.
  await addFieldRep(page);
  const reps = page.getByRole('region', { name: '営業担当者（トスアップ先）' });
  const profile = page.getByRole('region', { name: 'あなたのプロフィール' });
  await profile.getByRole('textbox', { name: 'あなたの氏名' }).fill('佐藤 美咲');
  await profile.getByRole('button', { name: '保存' }).click();
  await profile.getByRole('status').filter({ hasText: 'プロフィールを保存しました' }).waitFor();
  await shot(page, 'settings-reps', reps);
  await shot(page, 'settings-criteria', page.getByRole('region', { name: '商談化の条件' }));

  // First call: budget and need.
  let panel = await openLead(page);
  const budget = panel.getByRole('group', { name: '予算' });
  await budget.getByRole('combobox', { name: '予算の状況' }).selectOption({ label: '承認済み' });
  await budget.getByRole('textbox', { name: '金額' }).fill('3000000');
  await budget.getByRole('checkbox', { name: '確認済み' }).check();
  const need = panel.getByRole('group', { name: '必要性' });
  await need.getByRole('checkbox', { name: '業務効率化' }).check();
  await need.getByRole('textbox', { name: '要件' }).fill('既存SFAとの連携');
  await need.getByRole('textbox', { name: '競合を追加' }).fill('Sansan');
  await need.getByRole('textbox', { name: '競合を追加' }).press('Enter');
  await need.getByRole('checkbox', { name: '確認済み' }).check();
  await panel.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
  await expect.poll(() => criterion(panel, '予算の確認').textContent()).toContain('達成');
  await expect.poll(() => criterion(panel, '必要性の確認').textContent()).toContain('達成');
  await expect.poll(() => criterion(panel, '決裁権の確認').textContent()).toContain('未達');
  await shot(page, 'panel-first-call', panel);
  await logCallAndSleep(page, '2025-04-08T01:00:00.000Z');

  // Second call: authority and timeline; the first call's version is now history.
  panel = await openLead(page);
  await historyOf(panel).getByRole('listitem').filter({ hasText: '第1版' }).filter({ hasText: 'の架電で確定' }).waitFor();
  const authority = panel.getByRole('group', { name: '決裁権' });
  await authority.getByRole('combobox', { name: '相手の立場' }).selectOption({ label: '影響者' });
  await authority.getByRole('textbox', { name: '決裁者の氏名' }).fill('長谷川 部長');
  await authority.getByRole('textbox', { name: '稟議の流れ' }).fill('部長決裁 → 役員会');
  await authority.getByRole('checkbox', { name: '確認済み' }).check();
  const timeline = panel.getByRole('group', { name: '導入時期' });
  await timeline.getByRole('textbox', { name: '導入希望の四半期' }).fill('2025-Q3');
  await timeline.getByRole('textbox', { name: 'きっかけとなる出来事' }).fill('10月の基幹システム更新');
  await timeline.getByRole('checkbox', { name: '確認済み' }).check();
  await panel.getByText('商談化の条件を満たしています').waitFor();
  for (const label of ['予算の確認', '決裁権の確認', '必要性の確認', '導入時期の確認']) {
    expect(await criterion(panel, label).textContent()).toContain('達成');
  }
  await shot(page, 'panel-qualified', panel.getByRole('list', { name: '商談化の条件の達成状況' }));
  await logCallAndSleep(page, '2025-04-09T01:00:00.000Z');

  // Hand off from the lead, with an appointment on Thursday at 14:00.
  panel = await openLead(page);
  const history = historyOf(panel);
  const second = history.getByRole('listitem').filter({ hasText: '第2版' });
  await second.filter({ hasText: 'の架電で確定' }).waitFor();
  expect(await second.textContent()).toContain('佐藤 美咲');
  // The first call's version, read-only: what was heard then, and only that.
  await history.getByRole('button', { name: '第1版を表示' }).click();
  const old = page.getByRole('dialog', { name: 'ヒアリング 第1版（閲覧のみ）' });
  expect(await old.getByRole('group', { name: '予算' }).getByRole('checkbox', { name: '確認済み' }).isChecked()).toBe(true);
  expect(await old.getByRole('group', { name: '決裁権' }).getByRole('checkbox', { name: '確認済み' }).isChecked()).toBe(false);
  expect(await old.getByRole('group', { name: '予算' }).getByRole('textbox', { name: '金額' }).isDisabled()).toBe(true);
  await shot(page, 'version-dialog');
  await old.getByRole('button', { name: '閉じる' }).last().click();
  await panel.getByRole('button', { name: '商談化してトスアップ' }).click();
  const dialog = page.getByRole('dialog', { name: '商談化してトスアップ' });
  await dialog.getByRole('region', { name: '送信される内容' }).waitFor();
  await dialog.getByRole('combobox', { name: '営業担当者' }).selectOption({ label: '高橋 健 <takahashi@example.co.jp>' });
  await dialog.getByLabel('アポ日').fill('2025-04-10');
  await dialog.getByLabel('開始').fill('14:00');
  await dialog.getByRole('textbox', { name: 'オンライン会議のURL' }).fill('https://meet.example.com/aoba');
  expect(await dialog.getByLabel('終了').inputValue()).toBe('15:00');
  expect(await dialog.getByRole('textbox', { name: '申し送り' }).inputValue()).toContain('予算: 承認済み、￥3,000,000');
  await shot(page, 'handoff-dialog');
  await dialog.getByRole('button', { name: 'トスアップする' }).click();
  await dialog.getByRole('heading', { name: 'トスアップしました' }).waitFor();

  const icsDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '.icsをダウンロード' }).click();
  const ics = readFileSync((await (await icsDownload).path())!, 'utf8');
  expect(ics).toContain('DTSTART:20250410T050000Z');
  expect(ics).toContain('DTEND:20250410T060000Z');
  expect(ics).toMatch(new RegExp(`SUMMARY:${company} ${contact} 様`));
  await dialog.getByRole('button', { name: '閉じる' }).first().click();
  // The lead has left the call list as qualified.
  await page.getByRole('status').filter({ hasText: /^0 件$/ }).waitFor();

  // The handoffs screen: queued for sync, with the CSV export.
  await page.getByRole('button', { name: 'トスアップ', exact: true }).click();
  const table = page.getByRole('table', { name: 'トスアップ一覧' });
  const row = table.getByRole('row', { name: new RegExp(company) });
  await row.waitFor();
  expect(await row.textContent()).toContain('送信待ち');
  expect(await row.textContent()).toContain('高橋 健');
  await row.getByRole('button', { name: company }).click();
  await page.getByRole('region', { name: new RegExp(company) }).getByRole('region', { name: '送信される内容' }).waitFor();
  await shot(page, 'handoffs-screen');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVで書き出し' }).click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const { data: rows } = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(rows).toHaveLength(1);
  const cell = (name: string) => rows[0]![name];
  expect(cell('company')).toBe(company);
  expect(cell('state')).toBe('queued');
  expect(cell('budget_amount')).toBe('3000000');
  expect(cell('budget_confirmed')).toBe('yes');
  expect(cell('qualified')).toBe('yes');
  expect(problems).toEqual([]);
});
