// A store thread (worker_threads): the writer, a reader or the backup copier, per workerData.role.
// Bundled by scripts/build-node.mjs to dist/backend/store-worker.cjs; the main thread of the backend
// process (storeThreads.ts) starts it and is the only one that talks to it.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readCommands, backupLaneCommands } from '../../../shared/contract/access';
import { manualClock, systemClock, type Clock } from '../../../shared/domain/clock';
import { createBackend, databaseFileName } from '../backend';
import { rescoreIfDayChanged } from '../app/behaviour/dailyRescore';
import type { BackendContext, ReadContext } from '../core/context';
import { featureHandlers } from '../app/features';
import { runMaintenanceStep } from '../app/maintenance';
import { anyLeadDue } from '../app/queue/freshness';
import { registerHandlers, type HandlerMap } from '../core/registry';
import { ensureDailyBackup, removeInterruptedBackups } from '../db/backups';
import { startCheckpointer, writerCheckpointPages, type Checkpointer } from '../db/checkpoints';
import { backupCacheKib, openReader, readerCacheKib, setCacheSize, writerCacheKib } from '../db/open';
import { createErrorLog } from '../entry/errorLog';
import { createFileSecretStore } from '../sync/secrets/fileSecretStore';
import { errorResult, runHandler } from '../transport/dispatcher';
import type { FromStore, StoreWorkerData, ToStore } from './protocol';

const port = parentPort!;
const data = workerData as StoreWorkerData;
const post = (message: FromStore) => port.postMessage(message);

const manual = data.clock === 'manual' ? manualClock(new Date(data.startAtMs)) : null;
const clock: Clock = manual ?? systemClock;
const logError = data.logToFile ? createErrorLog(data.dataDir) : (what: string, error: unknown) => console.error(`[koma:${data.role}] ${what}`, error);

interface Store {
  handlers: HandlerMap;
  ctx: ReadContext;
  onMessage(message: ToStore): Promise<void> | void;
  close(): void;
}

/** How often the writer looks for a backlog of due leads no read has asked it to place. */
const backlogLookMs = 1_000;

function writer(): Store {
  // What a killed backup or restore left half written; here, before any backup thread can start a new one.
  removeInterruptedBackups(data.dataDir);
  const backend = createBackend({
    dataDir: data.dataDir,
    resourcesDir: data.resourcesDir,
    mode: data.mode,
    version: data.version,
    clock,
    databaseKey: data.databaseKey,
    keyProtection: data.keyProtection,
    logError,
    services: data.services,
    sync: {
      ...(data.secretsKeyHex ? { secrets: createFileSecretStore(data.dataDir, { key: Buffer.from(data.secretsKeyHex, 'hex') }) } : {}),
      openExternal: (url) => post({ type: 'openExternal', url }),
      autoStart: data.services,
    },
  });
  // The readers hold the hot pages for the list and searches; the writer needs few (db/open.ts).
  setCacheSize(backend.context.db, writerCacheKib);
  // A reader checkpoints the WAL; the writer only when it has grown far past that (db/checkpoints.ts).
  backend.context.db.pragma(`wal_autocheckpoint = ${writerCheckpointPages}`);
  const ctx = backend.context as ReadContext;
  // A backlog of due leads is placed chunk after chunk even when no read asks for more: each chunk
  // is its own task, so requests that arrived meanwhile are answered between two.
  let draining = false;
  let closed = false;
  const drain = () => {
    if (draining) return;
    draining = true;
    const step = () => {
      if (closed) return;
      try {
        if (runMaintenanceStep(backend.context, 'requeue').remaining > 0) return void setImmediate(step);
      } catch (error) {
        logError('re-placing the queue', error);
      }
      draining = false;
    };
    setImmediate(step);
  };
  // A backlog no read has asked for yet is placed too: the one a new day's re-score leaves, or one a
  // stop cut short. Left alone it lingered, and every count of the list classified it in memory
  // (~0.6 s a search with 74,000 leads due).
  const look = setInterval(() => {
    if (!draining && !closed && anyLeadDue(backend.context.db, clock.now())) drain();
  }, backlogLookMs);
  look.unref();
  if (anyLeadDue(backend.context.db, clock.now())) drain();
  return {
    handlers: backend.handlers,
    ctx,
    onMessage(message) {
      if (message.type === 'maintain') {
        const step = runMaintenanceStep(backend.context, message.job);
        post({ type: 'done', id: message.id, result: { ok: true, value: step } });
        if (step.remaining > 0) drain();
      } else if (message.type === 'clock' && data.services) {
        // A test moved the clock (browser mode's test hook): a new day re-scores now, as it would have.
        rescoreIfDayChanged(ctx);
      }
    },
    close: () => {
      closed = true;
      clearInterval(look);
      backend.close();
    },
  };
}

function reader(recovery: BackendContext['recovery']): Store {
  const databasePath = join(data.dataDir, databaseFileName);
  const db = openReader(databasePath, data.databaseKey, data.role === 'backup' ? backupCacheKib : readerCacheKib);
  let checkpointer: Checkpointer | null = null;
  try {
    if (data.checkpoints) checkpointer = startCheckpointer(databasePath, data.databaseKey, logError);
  } catch (error) {
    // The reads go on; the writer's backstop checkpoints (db/checkpoints.ts).
    logError('starting the WAL checkpoints', error);
  }
  const ctx: ReadContext = {
    db,
    clock,
    ids: {
      next: () => {
        throw new Error('A read handler asked for a new id: only writes make records');
      },
    },
    mode: data.mode,
    dataDir: data.dataDir,
    databasePath,
    resourcesDir: data.resourcesDir,
    version: data.version,
    databaseKey: data.databaseKey,
    keyProtection: data.keyProtection,
    recovery,
  };
  const names = data.role === 'backup' ? backupLaneCommands : readCommands;
  return {
    handlers: registerHandlers(names, ...featureHandlers.map((feature) => Object.fromEntries(Object.entries(feature).filter(([name]) => (names as readonly string[]).includes(name))))),
    ctx,
    onMessage(message) {
      if (message.type === 'dailyBackup') {
        const made = ensureDailyBackup(db, data.dataDir, clock.now(), data.databaseKey);
        post({ type: 'done', id: message.id, result: { ok: true, value: made } });
      }
    },
    close: () => {
      checkpointer?.close();
      db.close();
    },
  };
}

let store: Store | null = null;
function open(recovery: BackendContext['recovery']): void {
  try {
    store = data.role === 'writer' ? writer() : reader(recovery);
    post({ type: 'ready', recovery: store.ctx.recovery });
  } catch (error) {
    post({ type: 'fatal', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) });
    // Nothing more to do here; the main thread reports it and stops the others.
    process.exit(1);
  }
}
if (!data.openWhenTold) open(data.recovery ?? null);

// Each message runs as it arrives. SQLite calls are synchronous, so two requests never share the
// connection mid-statement; an async handler (sync.now waits on the network) lets others run
// meanwhile, as on one thread before.
port.on('message', (message: ToStore) => {
  if (message.type === 'open') return open(message.recovery);
  handle(message).catch((error: unknown) => logError(`store thread (${data.role})`, error));
});

async function handle(message: ToStore): Promise<void> {
  if ('nowMs' in message && manual) manual.set(new Date(message.nowMs));
  if (!store) {
    // A reader still waiting for the writer: only the clock and a close can reach it.
    if (message.type === 'close') {
      post({ type: 'done', id: message.id, result: { ok: true, value: null } });
      port.close();
    }
    return;
  }
  if (message.type === 'run') {
    const outcome = await runHandler(store.handlers, store.ctx, message.command, message.input, logError);
    post({ type: 'reply', id: message.id, outcome });
    return;
  }
  if (message.type === 'close') {
    store.close();
    post({ type: 'done', id: message.id, result: { ok: true, value: null } });
    port.close();
    return;
  }
  try {
    await store.onMessage(message);
  } catch (error) {
    if ('id' in message) post({ type: 'done', id: message.id, result: errorResult(message.type, error, logError) });
    else logError(`store thread (${data.role})`, error);
  }
}
