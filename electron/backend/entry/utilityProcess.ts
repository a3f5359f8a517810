// The backend as an Electron utility process: plain Node plus `process.parentPort`, over which main
// sends one MessagePort per window load and, at quit, a shutdown request. No `electron` import:
// the little of Electron's API used here is typed locally.
import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import { startThreadedBackend, type ThreadedBackend } from '../threads/storeThreads';
import type { Dispatch } from '../transport/dispatcher';
import {
  fromMainPort,
  isControlMessage,
  parseLaunchArgs,
  servePort,
  type BackendStatusMessage,
  type MainStylePort,
  type ServedPort,
} from '../transport/messagePort';

/** How long a backend that cannot start waits for main to read why before it exits on its own. */
export const fatalExitDelayMs = 2_000;

export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly MainStylePort[] }) => void): unknown;
  postMessage(message: BackendStatusMessage): void;
}

export interface UtilityBackendDeps {
  parentPort: ParentPortLike;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  exit(code: number): void;
  /** stderr in the app; stacks go here and nowhere else. */
  log(message: string, error?: unknown): void;
  /** The store threads' script (dist/backend/store-worker.cjs beside this bundle; tests bundle their own). */
  workerScript?: string;
}

export interface UtilityBackend {
  readonly backend: ThreadedBackend;
  /** Ports currently served, for the shutdown path and for tests. */
  readonly servedCount: () => number;
  /** Settles once a shutdown request has closed the store (before exit is called). */
  readonly closed: Promise<void>;
}

/**
 * Starts the backend (its store on worker threads) and serves it on every port main connects; a
 * port connected while the store is still opening is answered once it is open. Resolves null when
 * the backend cannot start: main is told why (the message only) so it can show it instead of
 * restarting.
 */
export async function runUtilityBackend(deps: UtilityBackendDeps): Promise<UtilityBackend | null> {
  const served = new Set<ServedPort>();
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  // Listeners below attach before the store threads answer: nothing main sends is missed.
  const starting: Promise<ThreadedBackend | null> = (async () => {
    const launch = parseLaunchArgs(deps.argv, deps.env);
    // Main unwraps the key from the OS keychain and hands it over in the environment, never argv
    // (which any process can list).
    const databaseKey = deps.env.KOMA_DATABASE_KEY;
    if (!databaseKey) throw new Error('The Koma backend was started without its database key (KOMA_DATABASE_KEY).');
    return startThreadedBackend({
      workerScript: deps.workerScript ?? join(__dirname, 'store-worker.cjs'),
      mode: 'electron',
      ...launch,
      databaseKey,
      // The CRM refresh token is kept encrypted with a key derived from the keychain-protected
      // database key; the sign-in page opens in the system browser through main.
      secretsKeyHex: Buffer.from(hkdfSync('sha256', Buffer.from(databaseKey, 'hex'), Buffer.alloc(0), 'koma secrets v1', 32)).toString('hex'),
      openExternal: (url) => deps.parentPort.postMessage({ type: 'open-external', url }),
      keyProtection: deps.env.KOMA_KEY_PROTECTION === 'plaintext_fallback' ? 'plaintext_fallback' : 'os_keychain',
      autoBackup: true,
      services: true,
      logError: (what, error) => deps.log(`${what} failed`, error),
      // A store thread that dies leaves the store in an unknown state: main restarts the backend.
      onThreadExit: () => deps.exit(1),
    });
  })().catch((error: unknown) => {
    deps.log('the backend could not start', error);
    deps.parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    // Main kills us once it has read the message; exiting at once could drop it, since Electron
    // delivers parentPort messages from another thread. The timer is the fallback.
    setTimeout(() => deps.exit(1), fatalExitDelayMs);
    return null;
  });
  const dispatch: Dispatch = async (command, payload) => {
    const ready = await starting;
    if (!ready) return { ok: false, error: { code: 'internal', message: 'The Koma backend could not start.' } };
    return ready.dispatch(command, payload);
  };

  deps.parentPort.on('message', ({ data, ports }) => {
    if (!isControlMessage(data)) {
      deps.log('ignored an unknown message from main');
      return;
    }
    if (data.type === 'connect') {
      const [port] = ports;
      if (!port) {
        deps.log('a connect message arrived without a port');
        return;
      }
      const servedPort: ServedPort = servePort(fromMainPort(port), dispatch, {
        log: deps.log,
        // The window reloaded or closed: forget its port.
        onClose: () => served.delete(servedPort),
      });
      served.add(servedPort);
      return;
    }
    for (const servedPort of served) servedPort.close();
    served.clear();
    void starting
      .then((ready) => ready?.close())
      .then(
        () => {
          markClosed();
          deps.exit(0);
        },
        (error: unknown) => {
          deps.log('closing the database failed', error);
          markClosed();
          deps.exit(1);
        },
      );
  });

  const backend = await starting;
  if (!backend) return null;
  return { backend, servedCount: () => served.size, closed };
}

interface UtilityProcessGlobals {
  /** 'utility' inside an Electron utility process. */
  type?: string;
  parentPort?: ParentPortLike;
}

const electronProcess = process as unknown as UtilityProcessGlobals;
if (electronProcess.type === 'utility' && electronProcess.parentPort) {
  const log = (message: string, error?: unknown) => console.error(`[koma:backend] ${message}`, error ?? '');
  // An exception nobody caught leaves the store in an unknown state: log it and let main restart us.
  process.on('uncaughtException', (error) => {
    log('uncaught exception', error);
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    log('unhandled rejection', error);
    process.exit(1);
  });
  void runUtilityBackend({
    parentPort: electronProcess.parentPort,
    argv: process.argv,
    env: process.env,
    exit: (code) => process.exit(code),
    log,
  });
}
