import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { commandNames } from '../../shared/contract';
import { systemClock, type Clock, type IdGenerator } from '../../shared/domain/clock';
import { appInfoHandlers } from './app/appInfo';
import { backupHandlers } from './app/backups/handlers';
import { rescoreIfDayChanged } from './app/behaviour/dailyRescore';
import { behaviourHandlers } from './app/behaviour/handlers';
import { callListHandlers } from './app/callList/handlers';
import type { BackendContext, KeyProtection } from './app/context';
import { callHandlers } from './app/calls/handlers';
import { fieldRepHandlers } from './app/handoffs/fieldReps';
import { handoffHandlers } from './app/handoffs/handlers';
import { hearingHandlers } from './app/hearing/handlers';
import { importHandlers } from './app/imports/handlers';
import { kpiHandlers } from './app/kpi/handlers';
import { plannerHandlers } from './app/planner/handlers';
import { decisionHandlers } from './app/leads/decisions';
import { leadDetailHandlers } from './app/leads/detail';
import { prepHandlers } from './app/prep/handlers';
import { queueHandlers } from './app/queue/handlers';
import { settingsHandlers } from './app/settings/handlers';
import { createSyncHandlers } from './app/sync/handlers';
import { registerHandlers } from './app/registry';
import { startBackupSchedule } from './db/backupSchedule';
import { recoverIfDamaged } from './db/backups';
import type { DatabaseKey } from './db/encryption';
import { lockDataFolder } from './db/folderLock';
import { openDatabase, type Db } from './db/open';
import { createSyncService, type SyncOptions, type SyncService } from './sync/service';
import { createDispatcher, type Dispatch } from './transport/dispatcher';

export interface BackendOptions {
  dataDir: string;
  resourcesDir: string;
  mode: 'electron' | 'browser';
  version: string;
  clock?: Clock;
  ids?: IdGenerator;
  logError?: (command: string, error: unknown) => void;
  /** The 256-bit key the store is encrypted with (64 hex digits), from the OS keychain or browser mode's key file. */
  databaseKey: DatabaseKey | null;
  /** How the key is kept, so the UI can say when it is weaker than the OS keychain. */
  keyProtection?: KeyProtection;
  /** Daily online backups in the data dir's backups/ folder; the entries turn this on, tests leave it off. */
  autoBackup?: boolean;
  /** How long after start the first backup check runs (tests: 0). */
  firstBackupDelayMs?: number;
  /** CRM sync: secret store, system-browser opener, fetch and timers for tests; `autoStart` runs its loop at once. */
  sync?: SyncOptions;
}

export interface Backend {
  readonly dispatch: Dispatch;
  readonly context: BackendContext;
  readonly sync: SyncService;
  /** Starts the sync engine's background loop (the entries call it; tests drive the engine instead). */
  startSync(): void;
  stopSync(): Promise<void>;
  close(): void;
}

export const databaseFileName = 'koma.sqlite3';

/** The whole backend, independent of its transport: a store, the handlers and the dispatcher. */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, databaseFileName);
  const clock = options.clock ?? systemClock;
  // Before anything reads or repairs the store: a second Koma on this folder stops here.
  const lock = lockDataFolder(options.dataDir);
  let db: Db;
  let recovery: BackendContext['recovery'];
  try {
    recovery = recoverIfDamaged(databasePath, options.dataDir, clock.now(), options.databaseKey);
    db = openDatabase(databasePath, options.databaseKey);
  } catch (error) {
    lock.release();
    throw error;
  }
  const context: BackendContext = {
    db,
    clock,
    ids: options.ids ?? { next: () => crypto.randomUUID() },
    mode: options.mode,
    dataDir: options.dataDir,
    databasePath,
    resourcesDir: options.resourcesDir,
    version: options.version,
    recovery,
    databaseKey: options.databaseKey,
    keyProtection: options.databaseKey ? (options.keyProtection ?? 'key_file') : 'none',
  };
  const sync = createSyncService(context, options.sync ?? {}, options.logError ?? ((what, error) => console.error(`[koma] ${what}`, error)));
  const handlers = registerHandlers(
    commandNames,
    appInfoHandlers,
    behaviourHandlers,
    callListHandlers,
    importHandlers,
    queueHandlers,
    leadDetailHandlers,
    decisionHandlers,
    callHandlers,
    prepHandlers,
    settingsHandlers,
    hearingHandlers,
    handoffHandlers,
    fieldRepHandlers,
    plannerHandlers,
    kpiHandlers,
    backupHandlers,
    createSyncHandlers(sync),
  );
  // Behaviour decays daily: a backend started on a new day re-scores before it answers anything.
  rescoreIfDayChanged(context);
  const dispatch = createDispatcher(handlers, context, options.logError ? { logError: options.logError } : {});
  const logError = options.logError ?? ((command: string, error: unknown) => console.error(`[koma] ${command} failed`, error));
  const stopBackups = options.autoBackup ? startBackupSchedule(db, options.dataDir, options.databaseKey, clock, (error) => logError('backup', error), options.firstBackupDelayMs) : () => undefined;
  if (options.sync?.autoStart) sync.start();
  return {
    dispatch,
    context,
    sync,
    startSync: () => sync.start(),
    stopSync: () => sync.stop(),
    close: () => {
      // Sync first: its request in flight is abandoned and nothing it does touches the closed store.
      void sync.stop();
      stopBackups();
      db.close();
      lock.release();
    },
  };
}
