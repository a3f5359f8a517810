import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startBrowserMode, type BrowserModeApp } from './browserMode';
import { launchChromium, openApp, type OpenOptions, type OpenedApp } from './chromium';
import { startFakeCrm, type FakeCrm } from './fakeCrm';

/**
 * The usual shape of a flow test: one Chromium, one browser-mode app, one page on it. Both clocks
 * start at `at` — the backend's, and the page's fixed there, since the renderer stamps calls with
 * its own clock — so the flow runs on a known day of the Japanese calendar.
 */
export interface AppHookOptions extends Omit<OpenOptions, 'fixedTime'> {
  /** The moment both clocks are set to (ISO); the machine's time when omitted. */
  at?: string;
  /** A strict fake Salesforce beside the app, started with it and stopped after it. */
  crm?: boolean;
}

export interface AppUnderTest {
  readonly browser: Browser;
  readonly app: BrowserModeApp;
  readonly opened: OpenedApp;
  /** Only with `crm: true`. */
  readonly crm: FakeCrm;
}

interface Slots {
  browser: Browser;
  app: BrowserModeApp;
  opened: OpenedApp;
  crm: FakeCrm;
}

async function startApp(slots: Partial<Slots>, options: AppHookOptions): Promise<void> {
  const { at, crm, ...open } = options;
  const [app, fake] = await Promise.all([startBrowserMode(), crm ? startFakeCrm() : Promise.resolve(undefined)]);
  slots.app = app;
  if (fake) slots.crm = fake;
  if (at) await app.setClock(at);
  slots.opened = await openApp(slots.browser!, app, { ...open, ...(at ? { fixedTime: new Date(at) } : {}) });
}

async function stopApp(slots: Partial<Slots>): Promise<void> {
  await slots.opened?.context.close();
  await slots.app?.dispose();
  await slots.crm?.stop();
}

/** One app and one page for the whole file: the tests continue one another's work. */
export function useApp(options: AppHookOptions = {}): AppUnderTest {
  const slots: Partial<Slots> = {};
  beforeAll(async () => {
    slots.browser = await launchChromium();
    await startApp(slots, options);
  });
  afterAll(async () => {
    await stopApp(slots);
    await slots.browser?.close();
  });
  return slots as AppUnderTest;
}

/** One Chromium for the file; each test its own app, store, page and scratch folder for files it writes. */
export function useAppPerTest(options: AppHookOptions = {}): AppUnderTest & { readonly scratch: string } {
  const slots: Partial<Slots & { scratch: string }> = {};
  beforeAll(async () => {
    slots.browser = await launchChromium();
  });
  afterAll(async () => {
    await slots.browser?.close();
  });
  beforeEach(async () => {
    slots.scratch = mkdtempSync(join(tmpdir(), 'koma-e2e-files-'));
    await startApp(slots, options);
  });
  afterEach(async () => {
    await stopApp(slots);
    if (slots.scratch) rmSync(slots.scratch, { recursive: true, force: true });
  });
  return slots as AppUnderTest & { scratch: string };
}
