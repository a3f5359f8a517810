import type { Locator } from 'playwright-core';

/**
 * An element's text as written, without the readings (フリガナ) shown above names as ruby: the
 * name a test compares with the store, the prep heading or an announcement.
 */
export function plainText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const reading of copy.querySelectorAll('rt, rp')) reading.remove();
    return copy.textContent ?? '';
  });
}
