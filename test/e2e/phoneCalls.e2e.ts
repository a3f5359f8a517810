import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { findLeadWithF, focusedLeadName, leadPane, loadSampleData, poll, useApp, waitForAnotherLead } from './harness';
import { axeViolations } from './harness/axe';

/**
 * Issue 15, calls coming back from the phone system, in Chromium on browser mode: the rep logs a
 * call in Koma (S, 1, Ctrl+Enter), imports MiiTel's call-history export (CP932, as MiiTel offers it)
 * on the phone system calls screen, and the lead's timeline shows MiiTel's duration and recording
 * link on that call.
 */

/** Monday 7 April 2025, 10:00 in Tokyo: inside calling hours. */
const start = Date.parse('2025-04-07T01:00:00.000Z');

const t = useApp({ at: new Date(start).toISOString(), viewport: { width: 1280, height: 720 } });

it("imports a MiiTel call history through the UI and shows the call's MiiTel duration on the timeline", async () => {
  const { page } = t.opened;
  await loadSampleData(page, () => page.getByRole('button', { name: 'サンプルデータを読み込む' }).click());

  // The first lead: its call logged in Koma with the keyboard (timer, connected, save and next).
  await page.keyboard.press('n');
  await poll(() => focusedLeadName(page)).not.toBeNull();
  const name = (await focusedLeadName(page))!;
  const found = (await t.app.api('leads.search', { search: name })) as { ok: true; value: { rows: { id: string; phone: string | null }[] } };
  const phone = found.value.rows[0]!.phone!;
  await page.keyboard.press('s');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Enter');
  await waitForAnotherLead(page, name);

  // MiiTel's export of that call (it started 20 s after Koma's timer: the phone system's clock),
  // and a call to a number no lead has.
  const csv = [
    '通話開始時刻,通話終了時刻,通話種別,相手先電話番号,通話時間 (秒),応対メモ,応対履歴 URL',
    `2025/04/07 10:00:20,2025/04/07 10:03:45,発信,${phone},205,予算は来期,https://koma-e2e.miitel.jp/app/calls/abc`,
    '2025/04/07 11:00:00,2025/04/07 11:01:00,発信,045-000-0000,60,,',
  ].join('\r\n');
  const file = join(mkdtempSync(join(tmpdir(), 'koma-e2e-miitel-')), 'miitel-応対履歴.csv');
  writeFileSync(file, iconv.encode(csv, 'cp932'));

  // The sync screen, by its own shortcut (read from its tab: the screens' order can grow).
  const syncTab = page.getByRole('navigation').getByRole('button', { name: '同期', exact: true });
  await page.keyboard.press((await syncTab.getAttribute('title'))!);
  await page.getByRole('button', { name: '電話システムの通話…' }).click();
  const dialog = page.getByRole('dialog', { name: '電話システムの通話' });
  await dialog.getByLabel('通話履歴 CSV を取り込む（MiiTel / Zoom Phone）').setInputFiles(file);
  await poll(() => dialog.getByRole('status').textContent()).toContain('MiiTel の通話履歴 2 行: 紐付け 1 件、リードが見つからない 1 件');
  await dialog.getByRole('group', { name: new RegExp(`10:00 ${name}`) }).getByText('紐付け済み').waitFor();
  // The matching screen, with an attached and an unattached call, has no serious accessibility fault.
  expect(await axeViolations(page, 'phone system calls')).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // Back on the calls screen, the lead found again (F): MiiTel's duration and link on the call.
  await page.keyboard.press('Alt+1');
  await findLeadWithF(page, name);
  const timeline = leadPane(page).getByRole('region', { name: '履歴' });
  await timeline.getByText('MiiTel 通話時間 3分25秒').waitFor();
  expect(await timeline.getByRole('link', { name: '録音を開く' }).getAttribute('href')).toBe('https://koma-e2e.miitel.jp/app/calls/abc');
  expect(t.opened.problems).toEqual([]);
});
