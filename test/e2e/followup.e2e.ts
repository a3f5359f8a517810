import { expect, it } from 'vitest';
import { poll, useApp, tabTo, leadPane } from './harness';
import { recordedMailtoLinks, recordMailtoLinks } from './harness/mailto';

/**
 * Issue 15, in Chromium on browser mode, keyboard only: log a call, W, 1 (お礼), Ctrl+Enter — the
 * mailto: URL handed to the OS is the merged mail, the follow-up is on the lead's timeline and the
 * outbox holds one more item for the CRM.
 */

/** Monday 7 April 2025, 10:00 in Tokyo: inside calling hours. */
const start = Date.parse('2025-04-07T01:00:00.000Z');

const t = useApp({ at: new Date(start).toISOString(), viewport: { width: 1280, height: 720 } });

const pendingItems = async () => ((await t.app.api('sync.items', { state: 'pending' })) as { value: { total: number } }).value.total;

it('log a call, send the お礼 follow-up with W, see it on the timeline and in the outbox — keyboard only', async () => {
  const { page } = t.opened;
  const loadSample = page.getByRole('button', { name: 'サンプルデータを読み込む' });
  await loadSample.waitFor();
  await tabTo(page, loadSample);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'インポートが完了しました' }).waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.getByRole('table', { name: /リスト/ }).getByRole('row').nth(1).getByRole('cell').nth(1).waitFor();

  await recordMailtoLinks(page);

  await page.keyboard.press('n');
  const heading = leadPane(page).locator('.lead-header h2');
  await heading.waitFor();
  const name = await heading.evaluate((h) => {
    const copy = h.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('rt, rp').forEach((el) => el.remove());
    return copy.textContent ?? '';
  });
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await poll(() => heading.evaluate((h) => h.textContent)).not.toContain(name);
  const before = await pendingItems();

  await page.keyboard.press('w');
  const dialog = page.getByRole('dialog', { name: `フォローアップメール：${name}` });
  await dialog.waitFor();
  const templates = dialog.getByRole('group', { name: 'テンプレート' });
  await poll(() => templates.getByRole('radio', { name: 'お礼' }).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('3');
  await poll(() => dialog.getByRole('textbox', { name: '件名' }).inputValue()).toBe('【日程調整】お打ち合わせのお願い');
  await page.keyboard.press('1');
  await poll(() => dialog.getByRole('textbox', { name: '件名' }).inputValue()).toBe('【お礼】本日のお電話について');
  await page.keyboard.press('Control+Enter');
  await dialog.getByRole('status').filter({ hasText: 'メールソフトで開きました' }).waitFor();

  const urls = await recordedMailtoLinks(page);
  expect(urls).toHaveLength(1);
  const url = urls[0]!;
  expect(url).toMatch(/^mailto:[^?]*\?subject=%E3%80%90%E3%81%8A%E7%A4%BC%E3%80%91/);
  const body = decodeURIComponent(/[?&]body=([^&]*)/.exec(url)![1]!);
  expect(body).toContain(`${name} 様`);
  expect(body).not.toContain('{{');
  expect(body).toContain('\r\n');
  await poll(() => pendingItems()).toBe(before + 1);

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  // Back to the lead: F finds it, its timeline shows the follow-up.
  await page.keyboard.press('f');
  const finder = page.getByRole('dialog', { name: 'すべてのリードを検索' });
  await finder.waitFor();
  await page.keyboard.type(name);
  await poll(async () => {
    const results = await finder.getByRole('list', { name: 'すべてのリードを検索' }).getByRole('button').allTextContents();
    return results.length > 0 && results.every((text) => text.includes(name));
  }).toBe(true);
  await page.keyboard.press('Enter');
  await finder.waitFor({ state: 'detached' });
  const timeline = leadPane(page).getByRole('region', { name: '履歴' });
  await timeline.getByText('フォローアップ（お礼）：【お礼】本日のお電話について').waitFor();
  expect(t.opened.problems).toEqual([]);
});
