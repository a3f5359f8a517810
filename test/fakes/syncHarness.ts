import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppError, CommandInput, CommandName, CommandOutput } from '../../shared/contract';
import { defaultSyncSettings, type SyncSettings } from '../../shared/contract/sync';
import { manualClock, sequentialIds } from '../../shared/domain/clock';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { SyncOptions } from '../../electron/backend/sync/service';
import { defaultTestStart, repoResourcesDir } from '../helpers/tempBackend';
import { testDatabaseKey } from '../helpers/testKey';
import { startFakeSalesforce, type FakeOptions, type FakeSalesforce } from './fakeSalesforce';

export interface SyncHarnessOptions {
  dataDir?: string;
  fake?: FakeSalesforce;
  fakeOptions?: FakeOptions;
  idPrefix?: string;
  start?: Date;
  sync?: Partial<SyncOptions>;
  /** Salesforce settings pointing at the fake are saved unless this is false. */
  configure?: boolean;
}

export interface SyncHarness {
  readonly backend: Backend;
  readonly clock: ReturnType<typeof manualClock>;
  readonly dataDir: string;
  readonly fake: FakeSalesforce;
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  callError(command: string, payload: unknown): Promise<AppError>;
  /** Signs in through the real flow: PKCE authorize on the fake, loopback callback, code exchange. */
  signIn(): Promise<void>;
  /** Passes until nothing more can be sent, moving the clock past backoffs and pauses. */
  settle(maxRounds?: number): Promise<void>;
  outbox(): { id: string; entity: string; entity_id: string; op: string; state: string; attempts: number; last_error: string | null; next_attempt_at: string | null }[];
  close(options?: { keepData?: boolean; keepFake?: boolean }): Promise<void>;
}

export function salesforceSettingsFor(fake: FakeSalesforce, patch: Partial<SyncSettings> = {}): SyncSettings {
  return {
    ...defaultSyncSettings,
    connector: 'salesforce',
    ...patch,
    salesforce: { ...defaultSyncSettings.salesforce, loginUrl: fake.url, clientId: 'koma-test-client', callbackPort: 0, ...patch.salesforce },
  };
}

/**
 * A backend with sync wired to a fake Salesforce on loopback, a manual clock and sequential ids;
 * the engine is driven by the test (no background loop). The browser is played by fetch: it
 * follows the authorize redirect to Koma's loopback callback like a system browser would.
 */
export async function createSyncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const fake = options.fake ?? (await startFakeSalesforce(options.fakeOptions));
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'koma-sync-'));
  const clock = manualClock(options.start ?? defaultTestStart);
  let browser: Promise<void> = Promise.resolve();
  const backend = createBackend({
    dataDir,
    resourcesDir: repoResourcesDir,
    mode: 'browser',
    version: '0.0.0-test',
    clock,
    ids: sequentialIds(options.idPrefix ?? 'id'),
    logError: (command, error) => console.error(`[sync test] ${command} failed`, error),
    databaseKey: testDatabaseKey,
    sync: {
      random: () => 0.5,
      requestTimeoutMs: 2_000,
      openExternal: (url) => {
        browser = fetch(url).then(async (r) => {
          await r.text();
        });
      },
      ...options.sync,
    },
  });
  const harness: SyncHarness = {
    backend,
    clock,
    dataDir,
    fake,
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
    async signIn() {
      await harness.call('sync.signIn', {});
      await browser;
      const status = await harness.call('sync.status', {});
      if (!status.signedIn) throw new Error(`sign-in did not complete: ${status.lastError ?? 'no error recorded'}`);
    },
    async settle(maxRounds = 60) {
      for (let round = 0; round < maxRounds; round++) {
        await backend.sync.engine.drain();
        const { pending } = await harness.call('sync.status', {});
        if (pending === 0) return;
        clock.advance(61 * 60_000);
      }
      throw new Error(`sync did not settle: ${JSON.stringify(harness.outbox().filter((r) => r.state === 'pending').slice(0, 3))}`);
    },
    outbox: () =>
      backend.context.db
        .prepare('SELECT id, entity, entity_id, op, state, attempts, last_error, next_attempt_at FROM outbox ORDER BY seq')
        .all() as ReturnType<SyncHarness['outbox']>,
    async close({ keepData = false, keepFake = false } = {}) {
      await backend.stopSync();
      backend.close();
      if (!keepFake && !options.fake) await fake.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.configure !== false) await harness.call('sync.settings.save', { settings: salesforceSettingsFor(fake) });
  return harness;
}
