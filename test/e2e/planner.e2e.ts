import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, startBrowserMode, type BrowserModeApp } from './harness';

/** Monday 2025-04-07, 09:00 in Tokyo: the first slot of the week. */
const mondayNine = Date.parse('2025-04-07T00:00:00.000Z');
const minutes = (n: number) => n * 60_000;

let browser: Browser;
let app: BrowserModeApp;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startBrowserMode(), launchChromium()]);
  await app.setClock(new Date(mondayNine).toISOString());
  context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // The page's clock starts where the backend's is, so the countdown and the call times agree with it.
  await page.clock.install({ time: mondayNine });
  // Records any tel: link the page follows (headless Chromium has no handler for one).
  await page.addInitScript(() => {
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.protocol !== 'tel:') return click.call(this);
      const w = window as unknown as { dialled?: string[] };
      (w.dialled ??= []).push(this.href);
    };
  });
  await page.goto(app.url);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.dispose();
});

/** Moves the backend's clock and the page's together. */
async function moveTo(ms: number) {
  await app.setClock(new Date(ms).toISOString());
  await page.clock.setSystemTime(ms);
}

/** Alt+number for a screen, read from its tab's shortcut hint rather than assumed. */
async function showScreen(name: string) {
  const tab = page.getByRole('navigation').getByRole('button', { name, exact: true });
  const shortcut = await tab.getAttribute('title');
  expect(shortcut).toMatch(/^Alt\+\d$/);
  await page.keyboard.press(shortcut!);
  await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
}

const cell = (name: RegExp) => page.getByRole('grid').getByRole('gridcell', { name });

/** The name of the lead open on the call screen (its header is a group named by it). */
const openLead = () => page.getByRole('main').getByRole('heading', { level: 2 }).filter({ hasNotText: 'コールリスト' });

/** One call through the call screen on the lead that is open: start (S), the outcome by its number, save (Ctrl+Enter). */
async function logCall(outcomeKey: string, startAt: number, talkMs: number) {
  await moveTo(startAt);
  const lead = await openLead().textContent();
  await page.keyboard.press('s');
  await page.getByRole('timer', { name: '通話時間' }).waitFor();
  await moveTo(startAt + talkMs);
  await page.keyboard.press(outcomeKey);
  const logged = page.waitForResponse((response) => response.url().endsWith('/api/calls.logAndNext'));
  await page.keyboard.press('Control+Enter');
  const reply = (await (await logged).json()) as { ok: boolean };
  expect(reply.ok).toBe(true);
  // Saving opens the next lead, its call not started yet.
  await expect.poll(() => openLead().textContent()).not.toBe(lead);
  await page.getByRole('timer', { name: '通話時間' }).waitFor({ state: 'detached' });
}

it('plans the morning by keyboard, logs calls in the first call block, and sees plan vs. actual and the dashboard agree', async () => {
  await page.getByRole('button', { name: 'サンプルデータを読み込む' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'インポートが完了しました' }).waitFor();
  await dialog.getByRole('button', { name: '完了' }).click();
  await page.getByText('リード 200 件').waitFor();

  // Plan: 09:00–11:00 call blocks with a target of 3 dials, then prep and follow-up — all from the keyboard.
  await showScreen('週間計画');
  const first = cell(/^4\/7\(月\)、09:00–09:30、未計画/);
  await first.focus();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('1');
  await cell(/^4\/7\(月\)、10:30–11:00、架電ブロック/).waitFor();
  await page.keyboard.press('t');
  const target = page.getByRole('dialog', { name: '目標を設定（4コマ）' });
  await target.getByRole('spinbutton', { name: '架電件数（任意）' }).fill('3');
  await target.getByRole('spinbutton', { name: '架電件数（任意）' }).press('Enter');
  await cell(/^4\/7\(月\)、10:30–11:00、架電ブロック、目標 3件/).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('3');
  await cell(/^4\/7\(月\)、11:30–12:00、フォローアップ/).waitFor();
  await cell(/^4\/7\(月\)、11:00–11:30、準備/).waitFor();
  await page.getByText('80コマ中 6コマ計画 · 架電ブロック 4 · 目標 12件 / 実績 0件').waitFor();

  // The slot under way shows in the header on the call screen too, with its countdown.
  await showScreen('コール');
  const banner = page.getByRole('region', { name: '現在のコマ' });
  await banner.getByText('架電ブロック').waitFor();
  expect(await banner.textContent()).toContain('09:00–09:30');
  expect(await banner.textContent()).toContain('目標 3件');
  expect(await banner.getByRole('timer', { name: '残り時間' }).textContent()).toBe('残り 30分');

  // Three calls inside the first call block, the clock moving on between them.
  await page.keyboard.press('n');
  await openLead().waitFor();
  await logCall('1', mondayNine + minutes(2), minutes(4)); // connected
  await logCall('2', mondayNine + minutes(8), minutes(1)); // no answer
  await logCall('1', mondayNine + minutes(12), minutes(6)); // connected

  await showScreen('週間計画');
  await cell(/^4\/7\(月\)、09:00–09:30、架電ブロック、目標 3件、架電 3\/3件、計画どおり/).waitFor();
  await page.getByText('80コマ中 6コマ計画 · 架電ブロック 4 · 目標 12件 / 実績 3件').waitFor();
  await page.getByRole('list', { name: '計画と実績' }).getByText('計画どおり 1').waitFor();

  await showScreen('ダッシュボード');
  await page.getByRole('button', { name: '今日', pressed: true }).waitFor();
  await page.getByRole('group', { name: '架電数', exact: true }).getByText('3', { exact: true }).waitFor();
  await page.getByRole('group', { name: '接続数', exact: true }).getByText('2', { exact: true }).waitFor();
  await page.getByRole('group', { name: '接続率', exact: true }).getByText('66.7%').waitFor();

  // Browser mode's default for S starts the timer without dialling, so no tel: link was followed.
  expect(await page.evaluate(() => (window as unknown as { dialled?: string[] }).dialled?.length ?? 0)).toBe(0);
  await page.screenshot({ path: '/tmp/planner-e2e.png' });
  expect(problems).toEqual([]);
});
