import { Worker } from 'node:worker_threads';
import type { Result } from '../../../shared/contract';
import type { Clock } from '../../../shared/domain/clock';
import type { BackendContext, KeyProtection } from '../core/context';
import type { Services } from '../services/lifecycle';
import type { Dispatch, HandlerOutcome } from '../transport/dispatcher';
import type { FromStore, StoreRole, StoreWorkerData, ToStore } from './protocol';

/**
 * Reader threads. One: each costs ~30 MB (a V8 heap and a page cache of its own), and the reads
 * are short now that the dashboard reads daily tallies and lists are keyset pages; the one long
 * read, an import's preview, is async and decodes in slices, so other reads run between them. A
 * second reader measured 30 MB more for no figure gained (docs/performance.md).
 */
export const defaultReaders = 1;

export interface ThreadedBackendOptions {
  /** dist/backend/store-worker.cjs (tests bundle electron/backend/threads/storeWorker.ts). */
  workerScript: string;
  dataDir: string;
  resourcesDir: string;
  version: string;
  mode: 'electron' | 'browser';
  databaseKey: string | null;
  keyProtection?: KeyProtection;
  /** Browser mode's test clock; the store threads follow it (every message carries its time). */
  testClock?: Clock;
  /** Reader threads (default `defaultReaders`). */
  readers?: number;
  autoBackup?: boolean;
  firstBackupDelayMs?: number;
  /** The writer's services: the sync loop and the daily re-score. */
  services?: boolean;
  secretsKeyHex?: string;
  openExternal?: (url: string) => void;
  logToFile?: boolean;
  logError?: (what: string, error: unknown) => void;
  /** A store thread died unexpectedly: the process should end (the app restarts the backend). */
  onThreadExit?: (role: StoreRole, code: number) => void;
}

export interface ThreadedBackend {
  readonly dispatch: Dispatch;
  readonly recovery: BackendContext['recovery'];
  readonly services: Services;
  /** The reader threads are open (reads ran on the writer until then). */
  readonly readersReady: Promise<void>;
  /** Browser mode's test hook moved the clock: tell the threads (a new day re-scores). */
  clockMoved(): void;
  close(): Promise<void>;
}

/** Start-up failed on a store thread; `plain` when its message was written for the rep. */
export class StoreStartError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreStartError';
  }

  get plain(): boolean {
    return ['FolderInUseError', 'KeyFileMissingError', 'DatabaseKeyError', 'DatabaseTooNewError'].includes(this.kind);
  }
}

const stoppedAnswer: Result<never> = {
  ok: false,
  error: { code: 'store_io', message: 'Koma’s data thread stopped — restart Koma; everything you saved before is safe.' },
};

type Reply = Extract<FromStore, { type: 'reply' } | { type: 'done' }>;

class StoreThread {
  readonly worker: Worker;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private nextId = 1;
  private closing = false;
  private exited = false;
  readonly ready: Promise<BackendContext['recovery']>;

  constructor(
    readonly role: StoreRole,
    script: string,
    data: StoreWorkerData,
    private readonly onOther: (message: FromStore) => void,
    onExit: (role: StoreRole, code: number) => void,
  ) {
    this.worker = new Worker(script, { workerData: data, resourceLimits: heapLimits[role] });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (message: FromStore) => {
        if (message.type === 'ready') resolve(message.recovery);
        else if (message.type === 'fatal') reject(new StoreStartError(message.name, message.message));
        else if (message.type === 'reply' || message.type === 'done') {
          this.pending.get(message.id)?.(message);
          this.pending.delete(message.id);
        } else this.onOther(message);
      });
      this.worker.on('error', (error) => reject(error));
      this.worker.on('exit', (code) => {
        this.exited = true;
        reject(new StoreStartError('Exit', `The ${role} thread stopped while starting (code ${code})`));
        for (const answer of this.pending.values()) answer({ type: 'done', id: 0, result: stoppedAnswer });
        this.pending.clear();
        if (!this.closing) onExit(role, code);
      });
    });
  }

  get inFlight(): number {
    return this.pending.size;
  }

  request(message: DistributiveOmit<ToStore, 'id'>): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...message, id });
    });
  }

  post(message: ToStore): void {
    this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // The writer's close checkpoints the WAL and removes the open marker: stopped mid-way, the next
    // start would run the full integrity check (seconds on a year's store). It gets a minute.
    const timer = setTimeout(() => void this.worker.terminate(), this.role === 'writer' ? 60_000 : 5_000);
    void this.request({ type: 'close' });
    await exited;
    clearTimeout(timer);
  }
}

/**
 * Each store thread is a V8 heap of its own. Left alone, V8 grows a thread's young generation to
 * tens of megabytes under allocation (rows turned into objects), and keeps it: with four threads
 * that was a third of the backend's memory (docs/performance.md). Small young generations mean
 * more frequent, shorter scavenges of short-lived rows; the old generation is left to V8 (an
 * import's file lives there for a while, and a thread out of memory would stop the backend).
 */
const heapLimits: Record<StoreRole, { maxYoungGenerationSizeMb: number }> = {
  writer: { maxYoungGenerationSizeMb: 8 },
  reader: { maxYoungGenerationSizeMb: 4 },
  backup: { maxYoungGenerationSizeMb: 2 },
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What this thread needs beside the store threads: validation, lanes, the services. Imported lazily (see below). */
async function loadTransportSide() {
  const [{ validateRequest }, { laneOf }, { createServices }, { backupService }] = await Promise.all([
    import('../transport/dispatcher'),
    import('../../../shared/contract/access'),
    import('../services/lifecycle'),
    import('../db/backupSchedule'),
  ]);
  return { validateRequest, laneOf, createServices, backupService };
}

/**
 * The backend with its store on threads (docs/architecture.md, "Threads"): this thread only
 * transports and validates, and never runs SQL. Writes go to the one writer thread, reads to the
 * least busy reader (read-only connections on the WAL), backups to the backup thread. A read that
 * finds leads the clock has moved asks the writer to re-place them first, then runs again.
 */
export async function startThreadedBackend(options: ThreadedBackendOptions): Promise<ThreadedBackend> {
  const logError = options.logError ?? ((what: string, error: unknown) => console.error(`[koma] ${what}`, error));
  const now = () => (options.testClock ? options.testClock.now().getTime() : Date.now());
  const base: Omit<StoreWorkerData, 'role' | 'services'> = {
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    version: options.version,
    mode: options.mode,
    databaseKey: options.databaseKey,
    keyProtection: options.databaseKey ? (options.keyProtection ?? 'key_file') : 'none',
    clock: options.testClock ? 'manual' : 'system',
    startAtMs: now(),
    logToFile: options.logToFile ?? false,
    ...(options.secretsKeyHex ? { secretsKeyHex: options.secretsKeyHex } : {}),
  };
  const onOther = (message: FromStore) => {
    if (message.type === 'openExternal') options.openExternal?.(message.url);
  };
  const onExit = (role: StoreRole, code: number) => {
    logError(`the ${role} thread stopped`, new Error(`exit code ${code}`));
    options.onThreadExit?.(role, code);
  };
  const threads: StoreThread[] = [];
  const spawn = (role: StoreRole, extra: Partial<StoreWorkerData> = {}) => {
    const thread = new StoreThread(role, options.workerScript, { ...base, role, services: false, ...extra }, onOther, onExit);
    threads.push(thread);
    return thread;
  };

  // The writer first: it takes the folder lock, recovers and migrates the store before anyone reads.
  // The readers load beside it and open the store when told; until one is open, the writer answers
  // reads too, so the first rows never wait for a reader to start (docs/performance.md).
  const writer = spawn('writer', { services: options.services ?? false });
  const transportSide = loadTransportSide();
  const starting = Array.from({ length: Math.max(1, options.readers ?? defaultReaders) }, (_, i) => spawn('reader', { openWhenTold: true, checkpoints: i === 0 }));
  // Handled below once the writer is open; until then a reader stopped by a failed start is expected.
  for (const thread of starting) thread.ready.catch(() => undefined);
  let recovery: BackendContext['recovery'];
  let loaded: Awaited<typeof transportSide>;
  try {
    // This module's own code is small so that an entry can start the threads before it evaluates
    // the contract's schemas and the services: those load here, while the threads load theirs.
    [loaded, recovery] = await Promise.all([transportSide, writer.ready]);
  } catch (error) {
    await Promise.all(threads.map((t) => t.close().catch(() => undefined)));
    throw error;
  }
  const readers: StoreThread[] = [];
  const readersReady = Promise.all(
    starting.map((thread) => {
      thread.post({ type: 'open', recovery });
      return thread.ready.then(
        () => void readers.push(thread),
        // The writer opened this store a moment ago, so this is rare; its reads stay on the writer.
        (error: unknown) => logError('a reader thread could not start', error),
      );
    }),
  ).then(() => undefined);

  // The backup thread starts for a backup and stops after it: it would sit idle all day but for one
  // copy, and each store thread costs ~30 MB of its own (a V8 heap with the backend's bundle,
  // docs/performance.md). Backups that overlap share one thread.
  let backupRun: { thread: StoreThread; users: number } | null = null;
  const stopping = new Set<Promise<void>>();
  const withBackupThread = async <T>(use: (thread: StoreThread) => Promise<T>): Promise<T> => {
    const run = (backupRun ??= { thread: spawn('backup', { recovery }), users: 0 });
    run.users++;
    try {
      await run.thread.ready;
      return await use(run.thread);
    } finally {
      if (--run.users === 0) {
        if (backupRun === run) backupRun = null;
        threads.splice(threads.indexOf(run.thread), 1);
        const stopped = run.thread.close().finally(() => stopping.delete(stopped));
        stopping.add(stopped);
      }
    }
  };

  const leastBusy = () => readers.reduce((best, t) => (t.inFlight < best.inFlight ? t : best), readers[0] ?? writer);
  const outcomeOf = (reply: Reply): HandlerOutcome => (reply.type === 'reply' ? reply.outcome : { result: reply.result });

  const { validateRequest, laneOf, createServices, backupService } = loaded;
  const dispatch: Dispatch = async (command, payload) => {
    const request = validateRequest(command, payload);
    if (!request.ok) return request;
    const lane = laneOf(request.command);
    const runOn = (thread: StoreThread) => thread.request({ type: 'run', command: request.command, input: request.input, nowMs: now() }).then(outcomeOf);
    if (lane === 'backup') {
      try {
        const outcome = await withBackupThread(runOn);
        return 'result' in outcome ? outcome.result : stoppedAnswer;
      } catch (error) {
        logError('the backup thread could not start', error);
        return stoppedAnswer;
      }
    }
    const thread = lane === 'write' ? writer : leastBusy();
    const run = () => runOn(thread);
    let outcome = await run();
    // A read that needs a maintenance job first has the writer do a step of it (for the queue, one
    // chunk of a backlog, head first) and runs again, until its answer lies in what is done. It
    // gives up only when the job has nothing left to do and the read still asks (twice: the clock
    // may have moved between).
    for (let idle = 0; 'maintenance' in outcome && idle < 2; ) {
      const done = outcomeOf(await writer.request({ type: 'maintain', job: outcome.maintenance, nowMs: now() }));
      if ('result' in done && !done.result.ok) return done.result;
      const remaining = 'result' in done && done.result.ok ? (done.result.value as { remaining: number }).remaining : 0;
      if (remaining === 0) idle++;
      outcome = await run();
    }
    if ('maintenance' in outcome) return { ok: false, error: { code: 'store_busy', message: 'The list is being brought up to date — try again in a moment.' } };
    return outcome.result;
  };

  const services = createServices(
    options.autoBackup
      ? [
          backupService(
            async () => {
              const done = outcomeOf(await withBackupThread((backup) => backup.request({ type: 'dailyBackup', nowMs: now() })));
              if ('result' in done && !done.result.ok) logError('backup', new Error(done.result.error.message));
            },
            logError,
            options.firstBackupDelayMs,
          ),
        ]
      : [],
    logError,
  );
  services.start();

  return {
    dispatch,
    recovery,
    services,
    readersReady,
    clockMoved: () => {
      for (const thread of threads) thread.post({ type: 'clock', nowMs: now() });
    },
    async close() {
      await services.stop();
      // Readers and a backup thread first; the writer (which holds the folder lock) last.
      await Promise.all([...starting, ...(backupRun ? [backupRun.thread] : [])].map((t) => t.close()));
      await Promise.all(stopping);
      await writer.close();
    },
  };
}
