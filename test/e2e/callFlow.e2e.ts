import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, openApp, plainText, poll, startBrowserMode, type BrowserModeApp, type OpenedApp, tabTo } from './harness';

/**
 * The rep's loop in the real app, keyboard only after the first load: next lead, read the prep,
 * log, decide, advance; then the injected clock brings the no-answer lead back after its cooldown
 * and the recycled one after three months; a draft survives a restart of browser mode.
 */

/** Monday 7 April 2025, 10:00 in Tokyo: inside calling hours. */
const start = Date.parse('2025-04-07T01:00:00.000Z');
const hour = 60 * 60 * 1000;
const day = 24 * hour;

let browser: Browser;
let app: BrowserModeApp;
let opened: OpenedApp;
let now = start;

/** UI state waited for with room to spare: the machine may be busy with other work. */

beforeAll(async () => {
  [browser, app] = await Promise.all([launchChromium(), startBrowserMode()]);
  await app.setClock(new Date(start).toISOString());
  opened = await openApp(browser, app);
  await syncPageClock(opened.page);
  await opened.page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await opened?.context.close();
  await browser?.close();
  await app?.dispose();
});

/** The renderer stamps calls and recycle dates with the page's clock: it must read the backend's. */
async function syncPageClock(page: Page) {
  await page.clock.setFixedTime(new Date(now));
}

async function advance(ms: number) {
  now += ms;
  await app.advanceClock(ms);
  await syncPageClock(opened.page);
}

interface Shown {
  name: string;
  company: string;
}

function leadPane(page: Page): Locator {
  return page.getByRole('region', { name: '対応中のリード' });
}

async function shownLead(page: Page): Promise<Shown> {
  const pane = leadPane(page);
  return {
    name: await plainText(pane.getByRole('heading', { level: 2 })),
    company: await plainText(pane.locator('.lead-company')),
  };
}

/** Two people of the same name can work at different companies: a lead is its name and company. */
const same = (a: Shown, b: Shown) => a.name === b.name && a.company === b.company;

async function nextLeadAfter(page: Page, previous: Shown): Promise<Shown> {
  await poll(async () => same(await shownLead(page), previous)).toBe(false);
  return shownLead(page);
}

/** Focus by keyboard: Tab until the element has it. */
/** `/`, then the search typed from scratch; resolves once the list shows the backend's answer to it. */
async function searchFor(page: Page, text: string) {
  const search = page.getByRole('searchbox', { name: '会社名・氏名・電話番号で検索' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const answered = page.waitForResponse(
    (response) => response.url().endsWith('/api/callList.page') && (response.request().postDataJSON() as { search?: string }).search === text.trim(),
  );
  await page.keyboard.type(text);
  const body = (await (await answered).json()) as { value: { total: number } };
  await page.getByRole('status').filter({ hasText: new RegExp(`^${body.value.total} 件$`) }).waitFor();
}

function rowOf(page: Page, lead: Shown): Locator {
  return page.getByRole('table', { name: 'コールリスト' }).getByRole('row').filter({ hasText: lead.name }).filter({ hasText: lead.company });
}

it('works the call list from the keyboard, and time and a restart lose nothing', async () => {
  const { page } = opened;

  // Load the sample from the empty state, by keyboard.
  const loadSample = page.getByRole('button', { name: 'サンプルデータを読み込む' });
  await loadSample.waitFor();
  await tabTo(page, loadSample);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'インポートが完了しました' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  const list = page.getByRole('table', { name: 'コールリスト' });
  await list.getByRole('row').nth(1).getByRole('cell').nth(1).waitFor();
  await poll(() => list.getByRole('row').nth(1).getAttribute('aria-busy')).toBeNull();

  // N: the first lead, with its company prep beside the call.
  await page.keyboard.press('n');
  // The lead's own header, not the empty state's heading (リードを開いていません), which is a level-2
  // heading too: on a busy machine N's answer can come after the first look.
  await leadPane(page).locator('.lead-header h2').waitFor();
  const noAnswer = await shownLead(page);
  const prep = leadPane(page).getByRole('region', { name: '事前準備' });
  await prep.getByRole('heading', { name: noAnswer.company }).waitFor();
  expect(await prep.getByRole('heading', { name: noAnswer.company }).isVisible()).toBe(true);
  await page.screenshot({ path: '/tmp/work.png' });

  // 2 = no answer, Ctrl+Enter = save and advance.
  await page.keyboard.press('2');
  await poll(() => leadPane(page).getByRole('radio', { name: '不在' }).isChecked()).toBe(true);
  await page.keyboard.press('Control+Enter');
  const recycled = await nextLeadAfter(page, noAnswer);

  // 1 = connected, notes, recycle "timing 3 months", advance.
  await page.keyboard.press('1');
  await page.keyboard.press('m');
  await page.keyboard.type('導入は秋以降。予算は来期に確保予定');
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  const recycleReason = leadPane(page).getByRole('combobox', { name: 'リサイクル理由' });
  await poll(() => recycleReason.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('ArrowDown');
  await poll(() => recycleReason.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('時期が3か月先');
  await page.keyboard.press('Control+Enter');
  const excluded = await nextLeadAfter(page, recycled);

  // This one turns out to be a competitor: connected, exclude with the reason, advance.
  await page.keyboard.press('1');
  await page.keyboard.press('x');
  const excludeReason = leadPane(page).getByRole('combobox', { name: '除外理由' });
  await poll(() => excludeReason.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await poll(() => excludeReason.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('競合');
  await page.keyboard.press('Control+Enter');
  const afterExclude = await nextLeadAfter(page, excluded);
  expect(same(afterExclude, noAnswer)).toBe(false);

  // None of the three is in today's list now.
  for (const lead of [noAnswer, recycled, excluded]) {
    await searchFor(page, lead.name);
    expect(await rowOf(page, lead).count()).toBe(0);
  }

  // The no-answer cooldown (2 h) passes: that lead is back.
  await advance(2 * hour);
  await searchFor(page, noAnswer.name);
  await rowOf(page, noAnswer).waitFor();

  // About three months pass: the recycled lead is back, the excluded one is not.
  await advance(91 * day);
  await searchFor(page, recycled.name);
  await rowOf(page, recycled).waitFor();
  expect(await rowOf(page, recycled).textContent()).toContain('リサイクル期日');
  await searchFor(page, excluded.name);
  expect(await rowOf(page, excluded).count()).toBe(0);

  // A call in progress: notes typed, then browser mode restarts on the same data.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  const drafted = await nextLeadAfter(page, afterExclude);
  await page.keyboard.press('m');
  const notes = '先方は山田部長。デモ希望、来週火曜の午後が候補';
  await page.keyboard.type(notes);
  await leadPane(page).getByRole('status').filter({ hasText: '下書きを保存しました' }).waitFor();
  expect(opened.problems).toEqual([]);

  app = await app.restart();
  await app.setClock(new Date(now).toISOString());
  await page.goto(app.url);
  await syncPageClock(page);
  await page.getByRole('table', { name: 'コールリスト' }).waitFor();
  await searchFor(page, drafted.name);
  await rowOf(page, drafted).waitFor();
  // From the search box, ↓ goes to the matching rows; Enter opens the one chosen.
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 20 && !(await rowOf(page, drafted).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await leadPane(page).getByRole('heading', { level: 2, name: drafted.name }).waitFor();
  await poll(() => leadPane(page).getByRole('textbox', { name: '通話メモ' }).inputValue()).toBe(notes);
  await page.screenshot({ path: '/tmp/work-restored.png' });
});
