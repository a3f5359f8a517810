import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { manualClock, systemClock } from '../../../shared/domain/clock';
import { loadOrCreateKeyFile } from '../db/keyFile';
import { KeyFileMissingError } from '../db/keyFile';
import { startThreadedBackend, StoreStartError, type ThreadedBackend } from '../threads/storeThreads';
import type { HttpServer } from '../transport/http';
import { parseBrowserModeArgs, usage, type BrowserModeOptions } from './args';

// Only small modules above, and never the SQLite driver (this thread runs no SQL): the store
// threads start before this thread evaluates the contract's schemas (zod), the HTTP transport and
// the error log, which are imported once they run (docs/performance.md, "Session 13").

// Bundled by scripts/build-node.mjs to dist/backend/browser-mode.cjs, so __dirname is dist/backend.
const rendererDir = join(__dirname, '../renderer');
const resourcesDir = join(__dirname, '../../resources');
const packageJsonPath = join(__dirname, '../../package.json');
const storeWorkerScript = join(__dirname, 'store-worker.cjs');

class StartupError extends Error {}

function readVersion(): string {
  try {
    const parsed = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
    if (typeof parsed.version === 'string') return parsed.version;
  } catch (error) {
    throw new StartupError(`Cannot read Koma's version from ${packageJsonPath}: ${messageOf(error)}`);
  }
  throw new StartupError(`${packageJsonPath} has no version`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StartupError(`Cannot create the data folder ${dataDir}: ${messageOf(error)}`);
  }
}

/** Best effort: a machine without a desktop still has the printed address. */
function openInBrowser(url: string): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Nothing to do: the address is on stdout.
  }
}

async function start(options: BrowserModeOptions): Promise<{ backend: ThreadedBackend; server: HttpServer }> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new StartupError(`The renderer is not built (no ${join(rendererDir, 'index.html')}): run npm run build first.`);
  }
  const version = readVersion();
  prepareDataDir(options.dataDir);
  const clock = options.testClock ? manualClock(options.testClockAt ? new Date(options.testClockAt) : systemClock.now()) : undefined;
  // Until the error log is loaded (a moment after the threads start), a thread's error goes to stderr.
  let log = (what: string, error: unknown) => console.error(`[koma] ${what}`, error);
  const logError = (what: string, error: unknown) => log(what, error);
  // This thread serves HTTP and validates; the store runs on worker threads (docs/architecture.md).
  const starting = startThreadedBackend({
    workerScript: storeWorkerScript,
    dataDir: options.dataDir,
    resourcesDir,
    mode: 'browser',
    version,
    ...(clock ? { testClock: clock } : {}),
    databaseKey: loadOrCreateKeyFile(options.dataDir),
    keyProtection: 'key_file',
    autoBackup: true,
    services: true,
    // The CRM's sign-in page opens in the system browser (never with --no-open: the UI shows the link).
    ...(options.openBrowser ? { openExternal: openInBrowser } : {}),
    logToFile: true,
    logError,
    onThreadExit: () => process.exit(1),
  });
  // Awaited below; a failed start must not count as unhandled while this thread loads its own part.
  starting.catch(() => undefined);
  const [{ createErrorLog }, { startHttpServer }] = await Promise.all([import('./errorLog'), import('../transport/http')]);
  log = createErrorLog(options.dataDir);
  const backend = await starting;
  try {
    const server = await startHttpServer({
      dispatch: backend.dispatch,
      token: randomBytes(32).toString('base64url'),
      staticDir: rendererDir,
      port: options.port,
      // Moving the test clock tells the store threads at once (a new day re-scores there).
      ...(clock
        ? {
            testClock: {
              now: () => clock.now(),
              set: (to: Date) => (clock.set(to), backend.clockMoved()),
              advance: (ms: number) => (clock.advance(ms), backend.clockMoved()),
            },
          }
        : {}),
    });
    return { backend, server };
  } catch (error) {
    await backend.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`Port ${options.port} is already in use: pick another with --port.`);
    if (code === 'EACCES') throw new StartupError(`Not allowed to listen on port ${options.port}: pick another with --port.`);
    throw error;
  }
}

function stopOnSignals(backend: ThreadedBackend, server: HttpServer): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server
      .close()
      .then(() => backend.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(`Koma did not stop cleanly: ${messageOf(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const parsed = parseBrowserModeArgs({
    argv: process.argv.slice(2),
    env: process.env,
    platform: process.platform,
    homeDir: homedir(),
    cwd: process.cwd(),
  });
  if (parsed.kind === 'help') {
    console.log(usage);
    return;
  }
  if (parsed.kind === 'error') throw new StartupError(parsed.message);
  const { backend, server } = await start(parsed.options);
  stopOnSignals(backend, server);
  // The one line on stdout: people copy it, and the e2e harness waits for it.
  process.stdout.write(`Koma is running at ${server.url}\n`);
  if (parsed.options.openBrowser) openInBrowser(server.url);
}

/** Errors whose message is already written for the rep. */
// The store's own (another Koma on the folder, a refused key, a newer store) come from its threads as
// StoreStartError, plain by kind.
const plainStartupErrors = [StartupError, KeyFileMissingError];

main().catch(async (error: unknown) => {
  // Never a stack on the rep's terminal: a known error says itself, a store fault says what to do,
  // anything else says where the details went (KOMA_DEBUG=1 prints them here too).
  if (plainStartupErrors.some((kind) => error instanceof kind) || (error instanceof StoreStartError && error.plain)) {
    console.error(`Koma could not start: ${(error as Error).message}`);
  } else {
    const { classifyStoreError, storeFaultMessages } = await import('../db/errors');
    const fault = classifyStoreError(error);
    console.error(`Koma could not start: ${fault ? storeFaultMessages[fault] : 'an unexpected problem stopped it; nothing was changed.'}`);
    if (process.env.KOMA_DEBUG === '1') console.error(error);
    else console.error('Run it again with KOMA_DEBUG=1 to see the details.');
  }
  process.exit(1);
});
