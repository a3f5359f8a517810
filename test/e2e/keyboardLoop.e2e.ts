import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { poll, useApp, tabTo } from './harness';

/**
 * Issue 11: the one-key loop for ten leads in browser mode, keyboard only — S times the call
 * without following tel: (no OS prompt takes the keyboard), an outcome key, Ctrl+Enter — and after
 * each advance the keyboard is on the new lead's name and the lead is announced. The app shell
 * never scrolls away.
 */

/** Monday 7 April 2025, 10:00 in Tokyo: inside calling hours. */
const start = Date.parse('2025-04-07T01:00:00.000Z');

const t = useApp({
  at: new Date(start).toISOString(),
  viewport: { width: 1280, height: 720 },
  // Every tel: link the page follows is counted: in browser mode there must be none.
  beforeLoad: (page) =>
    page.addInitScript(() => {
      const w = window as unknown as { telFollowed: string[] };
      w.telFollowed = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.href.startsWith('tel:')) {
          w.telFollowed.push(this.href);
          return;
        }
        click.call(this);
      };
    }),
});

function leadPane(page: Page): Locator {
  return page.getByRole('region', { name: '対応中のリード' });
}

/** The lead the keyboard is on: the focused element must be the lead's name heading. */
async function focusedLead(page: Page): Promise<{ name: string; company: string } | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLHeadingElement) || active.tagName !== 'H2' || !active.closest('.lead-header')) return null;
    // Without the readings shown as ruby: the announcement says the name as written.
    const plain = (element: Element | null | undefined) => {
      const copy = element?.cloneNode(true) as HTMLElement | undefined;
      for (const reading of copy?.querySelectorAll('rt, rp') ?? []) reading.remove();
      return copy?.textContent ?? '';
    };
    return { name: plain(active), company: plain(active.closest('.lead-header')?.querySelector('.lead-company')) };
  });
}

it('walks ten leads with S, an outcome and Ctrl+Enter: focus and announcement follow, no tel: prompt', async () => {
  const { page } = t.opened;
  const loadSample = page.getByRole('button', { name: 'サンプルデータを読み込む' });
  await loadSample.waitFor();
  await tabTo(page, loadSample);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'インポートが完了しました' }).waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  const list = page.getByRole('table', { name: /リスト/ });
  await list.getByRole('row').nth(1).getByRole('cell').nth(1).waitFor();

  const announcement = leadPane(page).locator('[aria-live="polite"].visually-hidden');
  const seen: string[] = [];
  await page.keyboard.press('n');
  // Outcomes that keep the loop moving: no answer, voicemail, busy, gatekeeper.
  const outcomes = ['2', '3', '4', '5'];
  for (let i = 0; i < 10; i++) {
    await poll(async () => {
      const lead = await focusedLead(page);
      return lead !== null && !seen.includes(`${lead.name}/${lead.company}`);
    }).toBe(true);
    const lead = (await focusedLead(page))!;
    seen.push(`${lead.name}/${lead.company}`);
    await poll(() => announcement.textContent()).toBe(`${lead.name}（${lead.company}）を開きました`);

    await page.keyboard.press('s');
    await leadPane(page).getByRole('timer').waitFor();
    await page.keyboard.press(outcomes[i % outcomes.length]!);
    await page.keyboard.press('Control+Enter');
  }
  await poll(async () => (await focusedLead(page)) !== null && !seen.includes(`${(await focusedLead(page))!.name}/${(await focusedLead(page))!.company}`)).toBe(true);
  expect(seen).toHaveLength(10);

  // Not one tel: link was followed: S only timed the calls.
  expect(await page.evaluate(() => (window as unknown as { telFollowed: string[] }).telFollowed)).toEqual([]);
  // The shell never moved: the header is still at the top of the window.
  expect(await page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().top)).toBe(0);
  expect(await page.evaluate(() => [document.documentElement.scrollTop, document.body.scrollTop, document.querySelector('.app-shell')!.scrollTop])).toEqual([0, 0, 0]);
  expect(t.opened.problems).toEqual([]);
});
