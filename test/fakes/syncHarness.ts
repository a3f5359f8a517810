import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppError, CommandInput, CommandName, CommandOutput } from '../../shared/contract';
import { defaultSyncSettings, type SyncSettings } from '../../shared/contract/sync';
import type { manualClock } from '../../shared/domain/clock';
import type { Backend } from '../../electron/backend/backend';
import type { SyncOptions } from '../../electron/backend/sync/service';
import { createTempBackend } from '../helpers/tempBackend';
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

/** A deep copy: a test may change the nested settings without changing the defaults for the tests after it. */
export function salesforceSettingsFor(fake: FakeSalesforce, patch: Partial<SyncSettings> = {}): SyncSettings {
  const defaults = structuredClone(defaultSyncSettings);
  return {
    ...defaults,
    connector: 'salesforce',
    ...patch,
    salesforce: { ...defaults.salesforce, loginUrl: fake.url, clientId: 'koma-test-client', callbackPort: 0, ...patch.salesforce },
  };
}

/**
 * A backend with sync wired to a fake Salesforce on loopback, a manual clock and sequential ids;
 * the engine is driven by the test (no background loop). The browser is played by fetch: it
 * follows the authorize redirect to Koma's loopback callback like a system browser would.
 */
export async function createSyncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const fake = options.fake ?? (await startFakeSalesforce(options.fakeOptions));
  let browser: Promise<void> = Promise.resolve();
  const temp = createTempBackend({
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'koma-sync-')),
    ...(options.start ? { start: options.start } : {}),
    ...(options.idPrefix ? { idPrefix: options.idPrefix } : {}),
    logError: (command, error) => console.error(`[sync test] ${command} failed`, error),
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
  const { backend, clock, dataDir } = temp;
  const harness: SyncHarness = {
    backend,
    clock,
    dataDir,
    fake,
    call: temp.call,
    callError: temp.callError,
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
      temp.close({ keepData });
      if (!keepFake && !options.fake) await fake.close();
    },
  };
  if (options.configure !== false) await harness.call('sync.settings.save', { settings: salesforceSettingsFor(fake) });
  return harness;
}

/**
 * A harness for a CRM other than Salesforce (its own fake Salesforce stays unused): `crm`, its
 * fake, already started, is closed with it, and `connect` saves the CRM's settings and token
 * through `sync.settings.save` (null: not connected yet).
 */
export async function createCrmHarness(crm: { close(): Promise<void> }, connect: ((h: SyncHarness) => Promise<unknown>) | null, options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const h = await createSyncHarness({ ...options, configure: false });
  if (connect) await connect(h);
  const close = h.close.bind(h);
  h.close = async (o) => {
    await close(o);
    await crm.close();
  };
  return h;
}

/**
 * Once a property test's faults are cleared: sync until nothing is pending or waiting for
 * attention — reconnecting (`reconnect`) whenever a fault left Koma signed out, and retrying what
 * the CRM refused meanwhile — or fail naming what is left.
 */
export async function settleAfterFaults(h: SyncHarness, reconnect: () => Promise<unknown>): Promise<void> {
  for (let round = 0; round < 20; round++) {
    if (!(await h.call('sync.status', {})).signedIn) await reconnect();
    await h.call('sync.now', {});
    await h.settle(200);
    const status = await h.call('sync.status', {});
    if (status.pending === 0 && status.attention === 0 && status.signedIn) return;
    await h.call('sync.retry', { all: true }).catch(() => undefined);
  }
  throw new Error(`did not settle: ${JSON.stringify(h.outbox().filter((r) => r.state !== 'done'))}`);
}
