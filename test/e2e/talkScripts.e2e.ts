import { expect, it } from 'vitest';
import { findLeadWithF, focusedLeadName, leadPane, loadSampleData, poll, useApp, waitForAnotherLead, tabTo } from './harness';
import { axeViolations } from './harness/axe';
import { recordedMailtoLinks, recordMailtoLinks } from './harness/mailto';

/**
 * Issue 15, keyboard only in Chromium on browser mode: open a lead, open its talk script (G), raise
 * an objection card (O, search, Enter), log the call (1, Ctrl+Enter), send the お礼 follow-up (W, 1,
 * Ctrl+Enter: the mailto: URL asserted), and find both on the lead's timeline; then the dashboard
 * counts the objection.
 */

/** Monday 7 April 2025, 10:00 in Tokyo: inside calling hours. */
const start = Date.parse('2025-04-07T01:00:00.000Z');

const t = useApp({ at: new Date(start).toISOString(), viewport: { width: 1280, height: 720 } });

it('script, objection card, call logged, お礼 follow-up mailed, both on the timeline, the objection on the dashboard — keyboard only', async () => {
  const { page } = t.opened;
  await loadSampleData(page, async () => {
    await tabTo(page, page.getByRole('button', { name: 'サンプルデータを読み込む' }));
    await page.keyboard.press('Enter');
  });

  // Open the first lead and its script.
  await page.keyboard.press('n');
  await poll(() => focusedLeadName(page)).not.toBeNull();
  const name = (await focusedLeadName(page))!;
  await page.keyboard.press('g');
  const script = leadPane(page).getByRole('region', { name: /^トークスクリプト：/ });
  await script.getByRole('listitem').first().waitFor();
  await poll(() => script.getByRole('heading', { level: 3 }).evaluate((el) => el === document.activeElement)).toBe(true);
  const text = (await script.textContent()) ?? '';
  expect(text).toContain(name.replace(/\s+/g, ' '));
  expect(text).not.toContain('undefined');
  expect(text).not.toContain('{{');
  const violations = await axeViolations(page, 'talk script');

  // Raise an objection: O, search, Enter marks the first match; Esc closes.
  await page.keyboard.press('o');
  const dialog = page.getByRole('dialog', { name: '切り返しカード' });
  const search = dialog.getByRole('searchbox', { name: 'カードを検索' });
  await poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('予算');
  await poll(() => dialog.getByRole('checkbox').count()).toBe(1);
  await page.keyboard.press('Enter');
  await poll(() => dialog.getByRole('checkbox', { name: /予算がない/ }).isChecked()).toBe(true);
  violations.push(...(await axeViolations(page, 'objection cards')));
  // No serious or critical axe violation on the script or the cards.
  expect(violations).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const callLog = leadPane(page).getByRole('region', { name: '架電記録' });
  await callLog.getByRole('button', { name: '予算がない を外す' }).waitFor();

  // Log the call (connected) and move on.
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await waitForAnotherLead(page, name);

  // The お礼 follow-up for the lead just called: W, 1, Ctrl+Enter hands the mail to the mail app.
  await recordMailtoLinks(page);
  await page.keyboard.press('w');
  const followup = page.getByRole('dialog', { name: `フォローアップメール：${name}` });
  await followup.waitFor();
  await page.keyboard.press('1');
  await poll(() => followup.getByRole('textbox', { name: '件名' }).inputValue()).toBe('【お礼】本日のお電話について');
  await page.keyboard.press('Control+Enter');
  await followup.getByRole('status').filter({ hasText: 'メールソフトで開きました' }).waitFor();
  const [mail, ...more] = await recordedMailtoLinks(page);
  expect(more).toEqual([]);
  expect(mail).toMatch(/^mailto:[^?]*\?subject=%E3%80%90%E3%81%8A%E7%A4%BC%E3%80%91/);
  expect(decodeURIComponent(/[?&]body=([^&]*)/.exec(mail!)![1]!)).toContain(`${name} 様`);
  await page.keyboard.press('Escape');
  await followup.waitFor({ state: 'detached' });

  // Find the lead again (F) and read its timeline: the objection and the follow-up.
  await page.keyboard.press('g');
  await findLeadWithF(page, name);
  const timeline = leadPane(page).getByRole('region', { name: '履歴' });
  await timeline.getByText('切り返し：予算がない').waitFor();
  await timeline.getByText('フォローアップ（お礼）：【お礼】本日のお電話について').waitFor();

  // The dashboard counts it with the connect.
  await page.keyboard.press('Alt+4');
  const objections = page.getByRole('table', { name: '切り返し（多い順）' });
  await objections.waitFor({ timeout: 15_000 });
  await poll(() => objections.getByRole('row').nth(1).textContent()).toContain('予算がない');
  expect(t.opened.problems).toEqual([]);
});
