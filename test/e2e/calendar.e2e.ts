import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, startBrowserMode, type BrowserModeApp } from './harness';
import { axeViolations } from './harness/axe';

/** Monday 2026-12-28, 10:00 in Tokyo: the last open day before 年末年始. */
const mondayTen = Date.parse('2026-12-28T01:00:00.000Z');

let browser: Browser;
let app: BrowserModeApp;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserMode(), launchChromium()]);
  await app.setClock(new Date(mondayTen).toISOString());
  context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.clock.install({ time: mondayTen });
  await page.goto(app.url);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.dispose();
});

/** Alt+number for a screen, read from its tab's shortcut hint rather than assumed. */
async function showScreen(name: string) {
  const tab = page.getByRole('navigation').getByRole('button', { name, exact: true });
  const shortcut = await tab.getAttribute('title');
  expect(shortcut).toMatch(/^Alt\+\d$/);
  await page.keyboard.press(shortcut!);
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
}

const grid = () => page.getByRole('grid', { name: '2026年12月28日 の週のコマ' });

it('the week of 2026-12-28 shows 年末年始 closed: one open day of 16 slots, plannable by keyboard', async () => {
  await showScreen('週間計画');
  await grid().waitFor();
  await expect.poll(() => grid().getByRole('gridcell', { name: '休業（年末年始）' }).count()).toBe(3);
  expect(await grid().getByRole('gridcell', { name: '休業（元日）' }).count()).toBe(1);
  expect(await grid().getByRole('gridcell', { name: /^12\/28\(月\)、/ }).count()).toBe(16);
  await expect.poll(() => page.getByText(/16コマ中 0コマ計画/).count()).toBe(1);

  // The focus starts on the open Monday; → stays there (every other day is closed); 1 makes a call block.
  const first = grid().getByRole('gridcell', { name: /^12\/28\(月\)、09:00–09:30/ });
  expect(await first.getAttribute('tabindex')).toBe('0');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
  const assigned = page.waitForResponse((response) => response.url().endsWith('/api/planner.assign'));
  await page.keyboard.press('1');
  expect(((await (await assigned).json()) as { ok: boolean }).ok).toBe(true);
  await expect.poll(() => grid().getByRole('gridcell', { name: /^12\/28\(月\)、09:00–09:30、架電ブロック/ }).count()).toBe(1);

  expect(await axeViolations(page, 'planner with closed days')).toEqual([]);
});

it('a company closure saved in settings closes the open Monday too', async () => {
  await showScreen('設定');
  const section = page.getByRole('region', { name: '営業日カレンダー' });
  await section.getByRole('checkbox', { name: /国民の祝日/ }).waitFor();
  expect(await axeViolations(page, 'settings with the business calendar')).toEqual([]);

  await section.getByRole('button', { name: '休業日を追加' }).focus();
  await page.keyboard.press('Enter');
  const closures = section.getByRole('group', { name: '会社の休業日（創立記念日など）' });
  await closures.getByRole('textbox', { name: '1行目の名称' }).fill('仕事納め');
  await closures.getByLabel('1行目の開始').fill('2026-12-28');
  await closures.getByLabel('1行目の終了').fill('2026-12-28');
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/calendar.save'));
  await section.getByRole('button', { name: 'カレンダーを保存' }).focus();
  await page.keyboard.press('Enter');
  expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);
  await section.getByText('保存しました。リードの順番を更新しました。').waitFor();
  await expect.poll(() => section.getByRole('list', { name: '今後の休業日' }).getByRole('listitem').first().textContent()).toBe('2026/12/28(月) 仕事納め');

  await showScreen('週間計画');
  await expect.poll(() => grid().getByRole('gridcell', { name: '休業（仕事納め）' }).count()).toBe(1);
  expect(await grid().getByRole('gridcell', { name: /^12\/28\(月\)、/ }).count()).toBe(0);
  expect(problems).toEqual([]);
});
