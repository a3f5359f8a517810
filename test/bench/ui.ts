import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

/**
 * UI figures in Chromium on the benchmark's data, through browser mode, read with the Performance
 * API (marks and a long-task observer) inside the page: what the rep feels.
 */
export interface UiFigure {
  figure: string;
  value: number;
  unit: 'ms' | 'long tasks > 50 ms';
  target: string;
  met: boolean;
}

const chromiumPath = process.env.KOMA_CHROMIUM ?? '/usr/bin/chromium';
const entry = join(process.cwd(), 'dist', 'backend', 'browser-mode.cjs');

export function uiBenchUnavailable(): string | null {
  if (!existsSync(entry)) return 'the app is not built (npm run build)';
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath} (apt-get install -y chromium, or set KOMA_CHROMIUM)`;
  return null;
}

async function startBrowserMode(dataDir: string): Promise<{ child: ChildProcess; url: string; origin: string; token: string }> {
  const child = spawn(process.execPath, [entry, '--no-open', '--data-dir', dataDir, '--port', '0'], { env: { ...process.env, KOMA_TEST_CLOCK: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${out}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Koma is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${out}`)));
  });
  return { child, url: `${match[1]}/?token=${match[2]}`, origin: match[1]!, token: match[2]! };
}

/** Collects long tasks from page start, and marks the first call-list row the moment it appears. */
const observeInPage = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role="row"][aria-rowindex="2"] [role="cell"]')) { performance.mark('first-rows'); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

const longTasksSince = (page: Page, from: number) => page.evaluate((i) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(i), from);
const longTaskCount = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);

export async function measureUi(dataDir: string, key: string, now: string): Promise<UiFigure[]> {
  writeFileSync(join(dataDir, 'koma.key'), `${key}\n`, { mode: 0o600 });
  const app = await startBrowserMode(dataDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await fetch(`${app.origin}/__test/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` }, body: JSON.stringify({ now }) });
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1440, height: 900 } });
    await context.addInitScript(observeInPage);
    const page = await context.newPage();
    if (process.env.KOMA_BENCH_DEBUG) {
      page.on('console', (m) => console.error('[page]', m.text()));
      page.on('crash', () => console.error('[page] crashed'));
      page.on('close', () => console.error('[page] closed'));
      app.child.stderr!.on('data', (d: Buffer) => console.error('[backend]', d.toString()));
      app.child.on('exit', (c) => console.error('[backend] exit', c));
    }
    const figures: UiFigure[] = [];

    const step = (name: string) => {
      if (process.env.KOMA_BENCH_DEBUG) console.error('[step]', name);
    };
    step('navigate');
    // 1. Navigation → the first rows of the call list.
    await page.goto(app.url);
    await page.waitForFunction(() => performance.getEntriesByName('first-rows').length > 0, undefined, { timeout: 60_000 });
    const firstRows = await page.evaluate(() => performance.getEntriesByName('first-rows')[0]!.startTime);
    figures.push({ figure: 'navigation → first rows of the call list', value: firstRows, unit: 'ms', target: '≤ 500 ms', met: firstRows <= 500 });

    step('advance');
    // 2. "Log and advance" → the next lead's prep on screen.
    const heading = page.locator('.lead-name');
    await page.keyboard.press('n');
    await heading.waitFor();
    const advance: number[] = [];
    for (let i = 0; i < 10; i++) {
      step(`advance ${i}`);
      const before = await heading.textContent();
      // Marks in the page: the keystroke, then the first moment the next lead's name and prep show.
      await page.evaluate((name) => {
        performance.clearMarks();
        const onKey = (e: KeyboardEvent) => {
          if (e.key !== 'Enter' || !e.ctrlKey) return;
          performance.mark('pressed');
          removeEventListener('keydown', onKey, { capture: true });
        };
        addEventListener('keydown', onKey, { capture: true });
        const observer = new MutationObserver(() => {
          const h = document.querySelector('.lead-name');
          if (performance.getEntriesByName('pressed').length > 0 && h && h.textContent !== name && document.querySelector('.prep-column')) {
            performance.mark('advanced');
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, before);
      await page.keyboard.press('2');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(() => performance.getEntriesByName('advanced').length > 0, undefined, { timeout: 30_000 }).catch(async (error: unknown) => {
        if (process.env.KOMA_BENCH_DEBUG) {
          await page.screenshot({ path: '/tmp/koma-bench-advance.png' });
          console.error('[marks]', await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name)), await heading.textContent());
        }
        throw error;
      });
      advance.push(await page.evaluate(() => performance.getEntriesByName('advanced')[0]!.startTime - performance.getEntriesByName('pressed')[0]!.startTime));
    }
    advance.sort((a, b) => a - b);
    const advanceP50 = advance[Math.floor(advance.length / 2)]!;
    figures.push({ figure: '"log and advance" keystroke → next lead\'s prep visible (p50 of 10)', value: advanceP50, unit: 'ms', target: '≤ 100 ms', met: advanceP50 <= 100 });

    // 3. Scrolling the whole list.
    const grid = page.locator('.grid-body');
    let from = await longTaskCount(page);
    await grid.evaluate(async (el) => {
      const step = el.clientHeight * 3;
      while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
        el.scrollTop += step;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
    });
    await page.waitForTimeout(500);
    const scrollTasks = (await longTasksSince(page, from)).filter((d) => d > 50);
    figures.push({ figure: 'scrolling the whole call list', value: scrollTasks.length, unit: 'long tasks > 50 ms', target: 'none', met: scrollTasks.length === 0 });

    // 4. Typing in the call notes.
    await page.keyboard.press('m');
    from = await longTaskCount(page);
    await page.keyboard.type('受付経由で情報システム部の部長につないでもらい、来期の予算とSSO要件を確認。', { delay: 15 });
    await page.waitForTimeout(700);
    const typingTasks = (await longTasksSince(page, from)).filter((d) => d > 50);
    figures.push({ figure: 'typing in the call notes', value: typingTasks.length, unit: 'long tasks > 50 ms', target: 'none', met: typingTasks.length === 0 });
    return figures;
  } finally {
    await browser.close();
    app.child.kill('SIGTERM');
  }
}
