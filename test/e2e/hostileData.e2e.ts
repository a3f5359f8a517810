import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, openApp, startBrowserMode, type BrowserModeApp } from './harness';

/**
 * Script in data: leads whose names, titles and websites carry markup and javascript: URLs are
 * imported and shown as text; nothing executes, and the website is not a link unless http(s).
 */
let browser: Browser;
let app: BrowserModeApp;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'koma-hostile-'));
  [browser, app] = await Promise.all([launchChromium(), startBrowserMode()]);
  await app.setClock('2025-04-07T01:00:00.000Z');
});
afterAll(async () => {
  await browser?.close();
  await app?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

const payloads = {
  company: '<img src=x onerror="window.__pwned=\'company\'">株式会社XSS',
  name: '<script>window.__pwned="name"</script>山田 太郎',
  title: '"><svg onload="window.__pwned=\'title\'">部長',
  website: 'javascript:window.__pwned="website"',
};

it('shows hostile lead data as text, runs none of it, and links no javascript: website', async () => {
  const csv = [
    '会社名,氏名,役職,電話番号,Webサイト,リードソース',
    `"${payloads.company.replace(/"/g, '""')}","${payloads.name.replace(/"/g, '""')}","${payloads.title.replace(/"/g, '""')}",03-0000-0001,${payloads.website},Web`,
    `株式会社セーフ,安全 花子,課長,03-0000-0002,https://www.example.co.jp/,Web`,
  ].join('\r\n');
  const path = join(scratch, 'hostile.csv');
  writeFileSync(path, `${csv}\r\n`);

  const { page, context, problems } = await openApp(browser, app);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await page.getByRole('button', { name: 'CSVをインポート' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('CSVファイル（UTF-8 / Shift_JIS）').setInputFiles(path);
    await dialog.getByRole('button', { name: 'インポート', exact: true }).click();
    await dialog.getByRole('heading', { name: 'インポートが完了しました' }).waitFor();
    await dialog.getByRole('button', { name: '完了' }).click();

    // In the list, the markup is the text of the cells.
    await page.getByRole('cell', { name: payloads.name }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: payloads.company }).count()).toBeGreaterThan(0);

    // Open the hostile lead: the prep shows the company, the title and the website as text.
    await page.getByRole('cell', { name: payloads.name }).click();
    const lead = page.getByRole('region', { name: '対応中のリード' });
    await lead.getByRole('heading', { name: payloads.name }).waitFor();
    await lead.getByText(payloads.title).first().waitFor();
    await lead.getByText(payloads.website).first().waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);

    // The safe lead's website is a real link, opened outside the app.
    await page.getByRole('cell', { name: '安全 花子' }).click();
    const link = lead.getByRole('link', { name: 'https://www.example.co.jp/' });
    await link.waitFor();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');

    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});
