import type { Locator, Page } from 'playwright-core';

/** Tabs forward until `target` has the keyboard, as a rep would (30 presses at most). */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}
