import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BrowserModeApp } from './browserMode';

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core never downloads a browser. */
export const chromiumPath = process.env.KOMA_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: run \`apt-get install -y chromium\` or set KOMA_CHROMIUM to a Chromium binary.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, CSP violations included: a clean run has none. */
  problems: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** The page's clock, fixed at this moment (Date.now and new Date(); timers keep running). */
  fixedTime?: Date;
  /** Runs before the first load: init scripts that must see the app start. */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/** A fresh browser context (no cookies, no storage) on the printed URL, like a first launch. */
export async function openApp(browser: Browser, app: Pick<BrowserModeApp, 'url'>, options: OpenOptions = {}): Promise<OpenedApp> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...(options.viewport ? { viewport: options.viewport } : {}) });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  if (options.fixedTime) await page.clock.setFixedTime(options.fixedTime);
  await options.beforeLoad?.(page);
  await page.goto(app.url);
  return { context, page, problems };
}
