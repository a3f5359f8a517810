import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startBrowserMode, type BrowserModeApp } from './browserMode';
import { launchChromium } from './chromium';
import { seedWeek, seededNow } from './seedWeek';

/**
 * The screen-by-screen checks (axe, clipping) all look at the same realistic week: one seeded app
 * and one Chromium per file, and a page opened on the week's Friday in the rep's language.
 */
export interface SeededWeek {
  readonly app: BrowserModeApp;
  readonly browser: Browser;
}

/** Registers the file's beforeAll/afterAll; the returned object is filled once beforeAll has run. */
export function useSeededWeek(): SeededWeek {
  const week = {} as { app: BrowserModeApp; browser: Browser };
  beforeAll(async () => {
    [week.app, week.browser] = await Promise.all([startBrowserMode(), launchChromium()]);
    await seedWeek(week.app);
  });
  afterAll(async () => {
    await week.browser?.close();
    await week.app?.dispose();
  });
  return week;
}

export interface WeekPageOptions {
  language: 'ja' | 'en';
  width: number;
  height: number;
}

/** A page on the app at the seeded moment in Tokyo, settled; the caller closes the context. */
export async function openWeekPage(week: SeededWeek, { language, width, height }: WeekPageOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await week.browser.newContext({ locale: language === 'ja' ? 'ja-JP' : 'en-US', timezoneId: 'Asia/Tokyo', viewport: { width, height } });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(seededNow) });
  await page.goto(week.app.url);
  await settled(page);
  return { context, page };
}

/** The screen has drawn what it loads: no request in flight and no placeholder or busy region left. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"], .loading, .skeleton') === null);
}
