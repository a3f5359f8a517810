import { spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, portIsOpen, startBrowserMode, type BrowserModeApp } from './harness';
import { browserModeEntry } from './harness/paths';

interface FetchReply {
  status: number;
  body: unknown;
}

/** Runs inside the page, so the request carries the page's origin and cookies like the renderer's. */
async function fetchInPage(init: { path: string; headers: Record<string, string> }): Promise<FetchReply> {
  const response = await fetch(init.path, { method: 'POST', headers: init.headers, body: '{}' });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text };
  }
}

describe('browser mode, end to end', () => {
  let app: BrowserModeApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startBrowserMode(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('prints exactly one line: the loopback address with a fresh token', () => {
    expect(app.stdout()).toBe(`Koma is running at ${app.url}\n`);
    expect(app.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opens the real UI from the printed URL, with no console or CSP errors', async () => {
    const { context, page, problems } = await openApp(browser, app);
    try {
      expect(await page.title()).toBe('Koma');
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The renderer took the token out of the address bar; a reload still works (cookie + session).
      expect(page.url()).not.toContain(app.token);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the page call the API with the token in the header, and only that way', async () => {
    const { context, page } = await openApp(browser, app);
    try {
      const call = (headers: Record<string, string>) => page.evaluate(fetchInPage, { path: '/api/app.info', headers });
      const withToken = await call({ 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` });
      expect(withToken.status).toBe(200);
      expect(withToken.body).toMatchObject({ ok: true, value: { mode: 'browser', dataDir: app.dataDir } });
      // The page holds the koma_token cookie, and fetch sends it: the API must still refuse.
      const cookieOnly = await call({ 'Content-Type': 'application/json' });
      expect(cookieOnly.status).toBe(403);
      expect(cookieOnly.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    } finally {
      await context.close();
    }
  });

  it('refuses a page opened without the token, pointing at the printed URL', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(app.origin);
      expect(response?.status()).toBe(403);
      expect(await page.textContent('body')).toContain('npm run start:browser');
    } finally {
      await context.close();
    }
  });

  it('moves the backend clock through the test hook', async () => {
    expect(await app.setClock('2025-06-02T09:00:00+09:00')).toBe('2025-06-02T00:00:00.000Z');
    expect(await app.advanceClock(30 * 60 * 1000)).toBe('2025-06-02T00:30:00.000Z');
  });

  it('refuses a second Koma on the same folder in plain words, and the first keeps serving', async () => {
    // The store's threads report the folder lock; the transport thread (which loads no SQLite driver)
    // prints it as the rep's sentence, never a stack.
    const second = spawn(process.execPath, [browserModeEntry, '--no-open', '--data-dir', app.dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    second.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => second.once('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Koma could not start: Koma is already running on this folder/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(await app.api('app.info')).toMatchObject({ ok: true });
  });

  it('restarts on the same data folder with a new token, and stops cleanly on SIGTERM', async () => {
    const before = app;
    app = await before.restart();
    expect(await portIsOpen(before.port)).toBe(false);
    expect(app.token).not.toBe(before.token);
    expect(app.dataDir).toBe(before.dataDir);
    expect(await app.api('app.info')).toMatchObject({ ok: true, value: { dataDir: before.dataDir } });

    const exit = await app.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await portIsOpen(app.port)).toBe(false);
    expect(app.stderr()).toBe('');
  });
});
