import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandInput, CommandName, CommandOutput, AppError } from '../../shared/contract';
import { manualClock, sequentialIds } from '../../shared/domain/clock';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { SyncOptions } from '../../electron/backend/sync/service';
import { testDatabaseKey } from './testKey';

/** The project's resources folder (the sample call list lives there). */
export const repoResourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

export const defaultTestStart = new Date('2025-04-07T00:00:00.000Z');

export interface TempBackendOptions {
  /** Where the clock starts; it only moves when the test moves it. */
  start?: Date;
  idPrefix?: string;
  resourcesDir?: string;
  /** Reopen an existing data dir instead of creating a fresh one. */
  dataDir?: string;
  logError?: (command: string, error: unknown) => void;
  /** Sync wiring for tests that drive the engine (test/fakes/syncHarness.ts). */
  sync?: SyncOptions;
}

export interface TempBackend {
  readonly backend: Backend;
  readonly clock: ReturnType<typeof manualClock>;
  readonly dataDir: string;
  /** Sends a command through the real dispatcher (contract validation included); returns the raw Result. */
  send(command: string, payload: unknown): ReturnType<Backend['dispatch']>;
  /** Sends a command and returns its value, failing the test with the error when it is not ok. */
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  /** Sends a command expected to fail and returns its error. */
  callError(command: string, payload: unknown): Promise<AppError>;
  /** Closes the store; with `keepData` the data dir survives for a reopen. */
  close(options?: { keepData?: boolean }): void;
}

/**
 * A backend on a fresh temp data dir with a manual clock and sequential ids: what integration tests
 * drive through `dispatch`, exactly as a transport would. Call close() in afterEach.
 */
export function createTempBackend(options: TempBackendOptions = {}): TempBackend {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'koma-test-'));
  const clock = manualClock(options.start ?? defaultTestStart);
  const backend = createBackend({
    dataDir,
    resourcesDir: options.resourcesDir ?? repoResourcesDir,
    mode: 'browser', databaseKey: testDatabaseKey,
    version: '0.0.0-test',
    clock,
    ids: sequentialIds(options.idPrefix ?? 'id'),
    logError: options.logError ?? ((command, error) => console.error(`[test] ${command} failed`, error)),
    ...(options.sync ? { sync: options.sync } : {}),
  });
  let closed = false;
  return {
    backend,
    clock,
    dataDir,
    send: (command, payload) => backend.dispatch(command, payload),
    async call(command, input) {
      const result = await backend.dispatch(command, input);
      if (!result.ok) throw new Error(`${command} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as CommandOutput<typeof command>;
    },
    async callError(command, payload) {
      const result = await backend.dispatch(command, payload);
      if (result.ok) throw new Error(`${command} was expected to fail but returned ${JSON.stringify(result.value).slice(0, 200)}`);
      return result.error;
    },
    close({ keepData = false } = {}) {
      if (!closed) backend.close();
      closed = true;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Row counts of every table, to show that a refused command wrote nothing. */
export function tableCounts(backend: Backend): Record<string, number> {
  const db = backend.context.db;
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]),
  );
}

/** Lets pending callbacks (setImmediate, I/O) run: how tests wait on jobs without sleeping. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
