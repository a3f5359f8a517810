import type { Locator, Page } from 'playwright-core';
import { poll } from './poll';

/** The workspace's current lead (ja). */
export const leadPane = (page: Page): Locator => page.getByRole('region', { name: '対応中のリード' });

/** The name of the lead whose heading has the keyboard (without its reading, ruby's rt), or null. */
export const focusedLeadName = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLHeadingElement) || active.tagName !== 'H2' || !active.closest('.lead-header')) return null;
    const copy = active.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('rt, rp').forEach((el) => el.remove());
    return copy.textContent;
  });

/** Loads the sample call list from the empty screen (ja) and waits for its first row. */
export async function loadSampleData(page: Page, press: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'サンプルデータを読み込む' }).waitFor();
  await press();
  await page.getByRole('heading', { name: 'インポートが完了しました' }).waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.getByRole('table', { name: /リスト/ }).getByRole('row').nth(1).getByRole('cell').nth(1).waitFor();
}

/** Loads the sample data with the mouse and closes the import's report with 完了: the list shows its 200 leads. */
export async function loadSampleDataByClick(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'サンプルデータを読み込む' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '完了' }).click();
  await page.getByText('リード 200 件').waitFor();
}

/** Finds a lead again with F, types its name, Enter on the first result; waits until it is on screen. */
export async function findLeadWithF(page: Page, name: string): Promise<void> {
  await page.keyboard.press('f');
  const finder = page.getByRole('dialog', { name: 'すべてのリードを検索' });
  await finder.waitFor();
  await page.keyboard.type(name);
  // Enter opens the first result: wait until the results are the ones for the name typed.
  await poll(async () => {
    const results = await finder.getByRole('list', { name: 'すべてのリードを検索' }).getByRole('button').allTextContents();
    return results.length > 0 && results.every((t) => t.includes(name));
  }).toBe(true);
  await page.keyboard.press('Enter');
  await finder.waitFor({ state: 'detached' });
  // The heading's text is what the name was read from (its accessible name may add the reading).
  await poll(() =>
    leadPane(page)
      .locator('.lead-header h2')
      .evaluate((h) => {
        const copy = h.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('rt, rp').forEach((el) => el.remove());
        return copy.textContent;
      }),
  ).toBe(name);
}

/** After save and next: waits until the keyboard is on another lead's name than `name`. */
export async function waitForAnotherLead(page: Page, name: string): Promise<void> {
  await poll(async () => {
    const now = await focusedLeadName(page);
    return now !== null && now !== name;
  }).toBe(true);
}
