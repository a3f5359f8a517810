// The backend as an Electron utility process: plain Node plus `process.parentPort`, over which main
// sends one MessagePort per window load and, at quit, a shutdown request. No `electron` import:
// the little of Electron's API used here is typed locally.
import { hkdfSync } from 'node:crypto';
import { createBackend, type Backend, type BackendOptions } from '../backend';
import { createFileSecretStore } from '../sync/secrets/fileSecretStore';
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
  createBackend?: (options: BackendOptions) => Backend;
}

export interface UtilityBackend {
  readonly backend: Backend;
  /** Ports currently served, for the shutdown path and for tests. */
  readonly servedCount: () => number;
}

/**
 * Starts the backend and serves it on every port main connects. Returns null when the backend
 * cannot start: main is told why (the message only) so it can show it instead of restarting.
 */
export function runUtilityBackend(deps: UtilityBackendDeps): UtilityBackend | null {
  let backend: Backend;
  try {
    const launch = parseLaunchArgs(deps.argv, deps.env);
    // Main unwraps the key from the OS keychain and hands it over in the environment, never argv
    // (which any process can list).
    const databaseKey = deps.env.KOMA_DATABASE_KEY;
    if (!databaseKey) throw new Error('The Koma backend was started without its database key (KOMA_DATABASE_KEY).');
    backend = (deps.createBackend ?? createBackend)({
      mode: 'electron',
      ...launch,
      databaseKey,
      sync: {
        // The CRM refresh token is kept encrypted with a key derived from the keychain-protected
        // database key; the sign-in page opens in the system browser through main.
        secrets: createFileSecretStore(launch.dataDir, { key: Buffer.from(hkdfSync('sha256', Buffer.from(databaseKey, 'hex'), Buffer.alloc(0), 'koma secrets v1', 32)) }),
        openExternal: (url) => deps.parentPort.postMessage({ type: 'open-external', url }),
      },
      keyProtection: deps.env.KOMA_KEY_PROTECTION === 'plaintext_fallback' ? 'plaintext_fallback' : 'os_keychain',
      autoBackup: true,
      logError: (command, error) => deps.log(`${command} failed`, error),
    });
  } catch (error) {
    deps.log('the backend could not start', error);
    deps.parentPort.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    // Main kills us once it has read the message; exiting at once could drop it, since Electron
    // delivers parentPort messages from another thread. The timer is the fallback.
    setTimeout(() => deps.exit(1), fatalExitDelayMs);
    return null;
  }

  const served = new Set<ServedPort>();
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
      const servedPort: ServedPort = servePort(fromMainPort(port), backend.dispatch, {
        log: deps.log,
        // The window reloaded or closed: forget its port.
        onClose: () => served.delete(servedPort),
      });
      served.add(servedPort);
      return;
    }
    for (const servedPort of served) servedPort.close();
    served.clear();
    try {
      backend.close();
      deps.exit(0);
    } catch (error) {
      deps.log('closing the database failed', error);
      deps.exit(1);
    }
  });

  backend.startSync();
  return { backend, servedCount: () => served.size };
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
  runUtilityBackend({
    parentPort: electronProcess.parentPort,
    argv: process.argv,
    env: process.env,
    exit: (code) => process.exit(code),
    log,
  });
}
