import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserModeEntry, builtRendererIndex, repoRoot } from './paths';

export interface StartOptions {
  /** Reuse a data folder (a restart); a fresh temp folder when omitted. */
  dataDir?: string;
  /** Extra environment for the backend process (e.g. to simulate a failure mode). */
  env?: Record<string, string>;
  /** How long to wait for the "Koma is running at" line. */
  startTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BrowserModeApp {
  /** The printed address, token included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  /** Calls the API from Node, with the token, and returns the Result. */
  api(command: string, input?: unknown): Promise<unknown>;
  setClock(iso: string): Promise<string>;
  advanceClock(ms: number): Promise<string>;
  /** SIGTERM (or the given signal) and wait for the exit; the data folder stays. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
  /** Stops, then starts again on the same data folder (new port, new token). */
  restart(): Promise<BrowserModeApp>;
  /** Stops and deletes the data folder if the harness created it. */
  dispose(): Promise<void>;
}

const runningLine = /^Koma is running at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]+)$/m;
const defaultStartTimeoutMs = 20_000;
const stopTimeoutMs = 10_000;

export function assertBuilt(): void {
  for (const file of [browserModeEntry, builtRendererIndex]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
}

function waitForExit(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

/**
 * Runs the built browser mode (`node dist/backend/browser-mode.cjs`) the way a user would, with
 * the test clock on, and resolves once it prints its address. Each call gets a fresh data folder
 * unless one is passed in.
 */
export async function startBrowserMode(options: StartOptions = {}): Promise<BrowserModeApp> {
  assertBuilt();
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'koma-e2e-'));
  const child = spawn(process.execPath, [browserModeEntry, '--no-open', '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, KOMA_TEST_CLOCK: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (err += text));

  const match = await new Promise<RegExpExecArray>((done, fail) => {
    const timeoutMs = options.startTimeoutMs ?? defaultStartTimeoutMs;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`browser mode did not print its address within ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    const onData = () => {
      const found = runningLine.exec(out);
      if (!found) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      done(found);
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      fail(new Error(`browser mode exited (code ${code}) before it was ready.\nstdout: ${out}\nstderr: ${err}`));
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  }).catch((error: unknown) => {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

  const origin = match[1]!;
  const port = Number(match[2]);
  const token = match[3]!;

  async function post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body ?? {}),
    });
    return response.json();
  }

  async function moveClock(body: { now: string } | { advanceMs: number }): Promise<string> {
    const result = (await post('/__test/clock', body)) as { ok: boolean; value?: { now: string }; error?: unknown };
    if (!result.ok || !result.value) throw new Error(`test clock refused ${JSON.stringify(body)}: ${JSON.stringify(result.error)}`);
    return result.value.now;
  }

  async function stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
    const exited = waitForExit(child);
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    dataDir,
    child,
    stdout: () => out,
    stderr: () => err,
    api: (command, input) => post(`/api/${encodeURIComponent(command)}`, input),
    setClock: (iso) => moveClock({ now: iso }),
    advanceClock: (ms) => moveClock({ advanceMs: ms }),
    stop,
    restart: async () => {
      await stop();
      const next = await startBrowserMode({ ...options, dataDir });
      // The restarted app inherits the duty to delete a folder this harness made.
      return ownsDataDir ? withCleanup(next, dataDir) : next;
    },
    dispose: async () => {
      await stop();
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function withCleanup(app: BrowserModeApp, dataDir: string): BrowserModeApp {
  return {
    ...app,
    restart: async () => withCleanup(await app.restart(), dataDir),
    dispose: async () => {
      await app.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
