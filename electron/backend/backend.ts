import { finishInterruptedImports } from './app/imports/chunks';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandNames } from '../../shared/contract';
import { systemClock, type Clock, type IdGenerator } from '../../shared/domain/clock';
import { dailyRescoreService } from './app/behaviour/rescoreService';
import type { BackendContext, KeyProtection } from './core/context';
import { featureHandlers } from './app/features';
import { createSyncHandlers } from './sync/handlers';
import { createTeamHandlers } from './sync/teamHandlers';
import { registerHandlers, type HandlerMap } from './core/registry';
import { backupService } from './db/backupSchedule';
import { ensureDailyBackup, recoverIfDamaged } from './db/backups';
import type { DatabaseKey } from './db/encryption';
import { lockDataFolder } from './db/folderLock';
import { readRecoveryNotice, saveRecoveryNotice } from './db/recoveryNotice';
import { openDatabase, type Db } from './db/open';
import { createServices, type BackgroundService, type Services } from './services/lifecycle';
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
  /** Run the background services (daily re-score, backups, sync loop) with the backend; tests drive them instead. */
  services?: boolean;
}

export interface Backend {
  readonly dispatch: Dispatch;
  readonly context: BackendContext;
  /** The full handler map, for a store thread that runs validated requests itself. */
  readonly handlers: HandlerMap;
  readonly sync: SyncService;
  /** The background work around this store, started and stopped together. */
  readonly services: Services;
  /** Starts the sync engine's background loop (the entries call it; tests drive the engine instead). */
  startSync(): void;
  stopSync(): Promise<void>;
  close(): void;
}

export const databaseFileName = 'koma.sqlite3';

/** Present while a backend has the store open: found at start, it means the last run did not stop cleanly. */
export const openMarkerFileName = 'koma.open';

/**
 * Opens the store after checking it: the write-ahead log always, the whole file after an unclean
 * shutdown (or when opening fails as damaged). Damage found is recovered from the newest good
 * backup and noted for the rep until dismissed.
 */
function openCheckedStore(databasePath: string, dataDir: string, at: Date, key: DatabaseKey | null): Db {
  const marker = join(dataDir, openMarkerFileName);
  const note = (found: ReturnType<typeof recoverIfDamaged>) => {
    if (found) saveRecoveryNotice(dataDir, found);
    return found;
  };
  const recovered = note(recoverIfDamaged(databasePath, dataDir, at, key, { fullCheck: existsSync(marker) }));
  let db: Db;
  try {
    db = openDatabase(databasePath, key);
  } catch (error) {
    // Opening failed (a damaged header reads as a wrong key): the full check decides whether this is
    // damage to recover from, or a newer Koma's store or really another key (left untouched).
    if (recovered || !note(recoverIfDamaged(databasePath, dataDir, at, key, { fullCheck: true }))) throw error;
    db = openDatabase(databasePath, key);
  }
  writeFileSync(marker, `${process.pid}\n`);
  return db;
}

/** The whole backend, independent of its transport: a store, the handlers and the dispatcher. */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, databaseFileName);
  const clock = options.clock ?? systemClock;
  // Before anything reads or repairs the store: a second Koma on this folder stops here.
  const lock = lockDataFolder(options.dataDir);
  let db: Db;
  try {
    db = openCheckedStore(databasePath, options.dataDir, clock.now(), options.databaseKey);
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    // An import Koma stopped in the middle is undone (or, past its last chunk, finished) before anyone reads.
    finishInterruptedImports(db);
  } catch (error) {
    db.close();
    lock.release();
    throw error;
  }
  const recovery = readRecoveryNotice(options.dataDir);
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
  const logError = options.logError ?? ((command: string, error: unknown) => console.error(`[koma] ${command} failed`, error));
  const sync = createSyncService(context, options.sync ?? {}, options.logError ?? ((what, error) => console.error(`[koma] ${what}`, error)));
  const handlers = registerHandlers(commandNames, ...featureHandlers, createSyncHandlers(sync), createTeamHandlers(sync.team));
  const dispatch = createDispatcher(handlers, context, options.logError ? { logError: options.logError } : {});
  const background: BackgroundService[] = [
    // Behaviour decays daily: re-scored in the background, never inside a request.
    dailyRescoreService(context, logError),
    ...(options.autoBackup ? [backupService(() => ensureDailyBackup(db, options.dataDir, clock.now(), options.databaseKey), logError, options.firstBackupDelayMs)] : []),
    ...(options.sync?.autoStart ? [{ name: 'sync', start: () => sync.start(), stop: () => sync.stop() }] : []),
  ];
  const services = createServices(background, logError);
  if (options.services ?? Boolean(options.autoBackup || options.sync?.autoStart)) services.start();
  return {
    dispatch,
    context,
    handlers,
    sync,
    services,
    startSync: () => sync.start(),
    stopSync: () => sync.stop(),
    close: () => {
      // Services first (sync's request in flight is abandoned): nothing they do touches the closed store.
      void services.stop();
      void sync.stop();
      db.close();
      // A clean stop: the next start needs no full integrity check.
      rmSync(join(options.dataDir, openMarkerFileName), { force: true });
      lock.release();
    },
  };
}
