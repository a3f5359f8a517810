import type { Page } from 'playwright-core';

/**
 * The mail app is the OS's business: the page's mailto: links are recorded instead of followed
 * (Koma opens them with a link click), so a test can read the mail Koma handed over.
 */
export async function recordMailtoLinks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { mailto: string[] }).mailto = seen;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.href.startsWith('mailto:')) seen.push(this.href);
      else click.call(this);
    };
  });
}

export function recordedMailtoLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { mailto: string[] }).mailto);
}
