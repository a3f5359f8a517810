import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Process start → first rows, as the app starts: a fresh `node dist/backend/browser-mode.cjs` on
 * the store (its transport thread, the writer, a reader), from spawning it to its answer to the
 * list's first page over HTTP. The desktop app starts the same backend (utilityProcess.ts).
 */
export async function timeAppStart(dataDir: string, at: Date): Promise<{ ms: number; afterUncleanStop: boolean }> {
  // Left by a backend that did not stop cleanly: this start runs the full integrity check.
  const afterUncleanStop = existsSync(join(dataDir, 'koma.open'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'backend', 'browser-mode.cjs'), '--no-open', '--data-dir', dataDir, '--port', '0'], {
    // At the bench's instant: with the machine's date the first start would be a day (or weeks) after
    // the store's, a re-score and a whole queue due — a clock jump, measured as a figure of its own.
    env: { ...process.env, KOMA_TEST_CLOCK: at.toISOString() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (process.env.KOMA_BENCH_VERBOSE === '1') process.stderr.write(chunk);
    });
    const [origin, token] = await new Promise<[string, string]>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Koma is running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out);
        if (m) resolve([m[1]!, m[2]!]);
      });
      child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${err || out}`)));
      // A start that never prints its address fails the figure, not the whole bench.
      setTimeout(() => reject(new Error(`browser mode printed no address in 120 s: ${err || out}`)), 120_000).unref();
    });
    process.stderr.write(`[start probe] address printed after ${(performance.now() - started).toFixed(0)} ms${process.env.KOMA_BENCH_VERBOSE === "1" ? ` ${origin} ${token}` : ""}\n`);
    const response = await fetch(`${origin}/api/callList.page`, {
      signal: AbortSignal.timeout(120_000),
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Origin: origin },
      body: JSON.stringify({ limit: 100 }),
    });
    const body = (await response.json()) as { ok: boolean; value?: { rows: unknown[] } };
    const ms = performance.now() - started;
    if (!body.ok || !body.value?.rows.length) throw new Error(`the first page did not come: ${JSON.stringify(body).slice(0, 200)}`);
    return { ms, afterUncleanStop };
  } finally {
    // It holds the folder's lock: the next start (or the next figure) must find it released.
    child.kill('SIGTERM');
    await exited;
  }
}
