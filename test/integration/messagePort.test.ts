import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { testDatabaseKey } from '../helpers/testKey';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, databaseFileName, type Backend } from '../../electron/backend/backend';
import { migrations } from '../../electron/backend/db/migrations';
import { bundleForNode } from '../helpers/bundle';
import { fatalExitDelayMs, runUtilityBackend, type ParentPortLike } from '../../electron/backend/entry/utilityProcess';
import {
  createPortClient,
  fromNodePort,
  parseLaunchArgs,
  servePort,
  toLaunchArgs,
  type MainStylePort,
  type PortClient,
} from '../../electron/backend/transport/messagePort';
import type { CommandName } from '../../shared/contract';
import { manualClock, sequentialIds } from '../../shared/domain/clock';

let dir: string;
const channels: MessageChannel[] = [];
const backends: Backend[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koma-port-'));
});
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
  for (const backend of backends.splice(0)) if (backend.context.db.open) backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function channel(): MessageChannel {
  const created = new MessageChannel();
  channels.push(created);
  return created;
}

function startBackend(): Backend {
  const backend = createBackend({
    mode: 'electron',
    databaseKey: testDatabaseKey,
    dataDir: join(dir, 'data'),
    resourcesDir: join(dir, 'resources'),
    version: '1.2.3-test',
    clock: manualClock(new Date('2025-04-01T09:00:00+09:00')),
    ids: sequentialIds('t'),
    logError: () => {},
  });
  backends.push(backend);
  return backend;
}

/** One callable lead, written the way the store holds it. */
function seedLead(backend: Backend): void {
  const at = '2025-04-01T00:00:00.000Z';
  const db = backend.context.db;
  db.transaction(() => {
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', '株式会社山田製作所', 'やまだせいさくしょ', at, at);
    db.prepare(
      `INSERT INTO leads (id, company_id, full_name, phone, source, search_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run('l1', 'c1', '山田 太郎', '03-1234-5678', 'web_inquiry', 'やまだ たろう', at, at);
  })();
}

/** The backend on one end of a real worker_threads channel, the preload's client on the other. */
function connect(backend: Backend): { client: PortClient; page: MessagePort } {
  const { port1, port2 } = channel();
  servePort(fromNodePort(port1), backend.dispatch, { log: () => {} });
  const client = createPortClient();
  client.connect(fromNodePort(port2));
  return { client, page: port2 };
}

describe('the backend over a MessagePort', () => {
  it('answers app.info and callList.page', async () => {
    const backend = startBackend();
    seedLead(backend);
    const { client } = connect(backend);

    await expect(client.send('app.info', {})).resolves.toEqual({
      ok: true,
      value: {
        version: '1.2.3-test',
        mode: 'electron',
        dataDir: join(dir, 'data'),
        databasePath: join(dir, 'data', databaseFileName),
        leadCount: 1,
        recovery: null,
        keyProtection: 'key_file',
      },
    });
    const page = await client.send('callList.page', { limit: 10 });
    expect(page).toMatchObject({ ok: true, value: { total: 1, offset: 0, rows: [{ id: 'l1', companyName: '株式会社山田製作所', fullName: '山田 太郎' }] } });
  });

  it('answers an invalid payload with invalid_input and an unknown command with unknown_command', async () => {
    const { client } = connect(startBackend());
    const invalid = await client.send('callList.page', { limit: 0, extra: true });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(invalid.ok ? [] : invalid.error.issues?.map((issue) => issue.path)).toContain('limit');
    await expect(client.send('db.exec' as CommandName, { sql: 'DROP TABLE leads' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_command' },
    });
  });

  it('answers a malformed envelope that has an id, drops one without, and stays up', async () => {
    const { client, page } = connect(startBackend());
    const replies: unknown[] = [];
    page.on('message', (data) => replies.push(data));

    page.postMessage({ id: 'raw-1', command: 42 });
    page.postMessage('not an envelope');
    page.postMessage({ command: 'app.info' });
    page.postMessage({ id: { nested: true }, command: 'app.info' });
    page.postMessage(null);

    // Replies come back in order, so once this one is here every earlier answer has arrived too.
    await expect(client.send('app.info', {})).resolves.toMatchObject({ ok: true, value: { mode: 'electron' } });
    const raw = replies.filter((reply) => (reply as { id: unknown }).id === 'raw-1');
    expect(raw).toEqual([{ id: 'raw-1', result: { ok: false, error: { code: 'invalid_input', message: expect.stringContaining('command') } } }]);
    // Everything else received was the answer to the client's own call (id 1).
    expect(replies.filter((reply) => (reply as { id: unknown }).id !== 'raw-1')).toEqual([expect.objectContaining({ id: 1 })]);
  });

  it('never sends a stack: a dispatcher that throws becomes a short internal error', async () => {
    const { port1, port2 } = channel();
    const log = vi.fn();
    servePort(fromNodePort(port1), () => Promise.reject(new Error('SQLITE_CORRUPT at /home/rep/secret/path')), { log });
    const client = createPortClient();
    client.connect(fromNodePort(port2));
    const result = await client.send('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE_CORRUPT|secret|at /);
    expect(log).toHaveBeenCalledOnce();
  });
});

/** Electron's MessagePortMain over a Node port: its 'message' listener gets `{ data }`. */
class MainPortOverNode implements MainStylePort {
  constructor(private readonly port: MessagePort) {}
  on(event: 'message', listener: (event: { data: unknown }) => void): this;
  on(event: 'close', listener: () => void): this;
  on(event: 'message' | 'close', listener: ((event: { data: unknown }) => void) | (() => void)): this {
    if (event === 'message') this.port.on('message', (data: unknown) => (listener as (event: { data: unknown }) => void)({ data }));
    else this.port.on('close', listener as () => void);
    return this;
  }
  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }
  start(): void {}
  close(): void {
    this.port.close();
  }
}

class FakeParentPort extends EventEmitter implements ParentPortLike {
  readonly posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

// The entry runs the store on worker threads: the test bundles their script as the build does.
const storeWorker = bundleForNode('electron/backend/threads/storeWorker.ts');

describe('the utility-process entry', () => {
  const launch = () => ({ dataDir: join(dir, 'data'), resourcesDir: join(dir, 'resources'), version: '2.0.0-test' });

  it('serves each connected port, and on shutdown closes the database and exits 0', async () => {
    const parentPort = new FakeParentPort();
    const exit = vi.fn();
    const running = await runUtilityBackend({ parentPort, argv: ['electron', 'utility-process.cjs', ...toLaunchArgs(launch())], env: { KOMA_DATABASE_KEY: testDatabaseKey }, exit, log: () => {}, workerScript: await storeWorker });
    expect(running).not.toBeNull();

    const clients = [0, 1].map(() => {
      const { port1, port2 } = channel();
      parentPort.emit('message', { data: { type: 'connect' }, ports: [new MainPortOverNode(port1)] });
      const client = createPortClient();
      client.connect(fromNodePort(port2));
      return client;
    });
    for (const client of clients) {
      await expect(client.send('app.info', {})).resolves.toMatchObject({ ok: true, value: { mode: 'electron', version: '2.0.0-test', leadCount: 0 } });
    }
    expect(running?.servedCount()).toBe(2);

    parentPort.emit('message', { data: { type: 'connect' }, ports: [] });
    parentPort.emit('message', { data: { type: 'reboot' }, ports: [] });
    expect(running?.servedCount()).toBe(2);
    expect(exit).not.toHaveBeenCalled();

    parentPort.emit('message', { data: { type: 'shutdown' }, ports: [] });
    expect(running?.servedCount()).toBe(0);
    await running?.closed;
    expect(exit).toHaveBeenCalledExactlyOnceWith(0);
    // The store threads let the folder go: another backend can open it.
    createBackend({ dataDir: launch().dataDir, resourcesDir: dir, mode: 'browser', databaseKey: testDatabaseKey, version: 'test' }).close();
  });

  it('tells main why it cannot start (a database from a newer Koma), then exits 1', async () => {
    const workerScript = await storeWorker;
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const options = launch();
      const raw = new Database(join(dir, databaseFileName));
      raw.pragma(`user_version = ${migrations.length + 1}`);
      raw.close();
      const parentPort = new FakeParentPort();
      const exit = vi.fn();
      const log = vi.fn();
      const running = await runUtilityBackend({ parentPort, argv: toLaunchArgs({ ...options, dataDir: dir }), env: { KOMA_DATABASE_KEY: testDatabaseKey }, exit, log, workerScript });

      expect(running).toBeNull();
      expect(parentPort.posted).toEqual([{ type: 'fatal', message: expect.stringMatching(/newer version of Koma/) }]);
      expect(log).toHaveBeenCalledOnce();
      expect(exit).not.toHaveBeenCalled();
      vi.advanceTimersByTime(fatalExitDelayMs);
      expect(exit).toHaveBeenCalledExactlyOnceWith(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('launch arguments', () => {
  const options = { dataDir: '/Users/山田/Library/Application Support/Koma', resourcesDir: 'C:\\Program Files\\Koma\\resources', version: '0.1.0' };

  it('round-trip through argv, including spaces, backslashes and Japanese', () => {
    expect(parseLaunchArgs(['/path/to/electron', 'entry.cjs', ...toLaunchArgs(options)], {})).toEqual(options);
  });

  it('fall back to the environment, argv winning', () => {
    const env = { KOMA_DATA_DIR: '/env/data', KOMA_RESOURCES_DIR: '/env/resources', KOMA_VERSION: '9.9.9' };
    expect(parseLaunchArgs([], env)).toEqual({ dataDir: '/env/data', resourcesDir: '/env/resources', version: '9.9.9' });
    expect(parseLaunchArgs(['--app-version=1.0.0'], env)).toMatchObject({ version: '1.0.0', dataDir: '/env/data' });
  });

  it.each([
    ['data-dir', 'KOMA_DATA_DIR'],
    ['resources-dir', 'KOMA_RESOURCES_DIR'],
    ['app-version', 'KOMA_VERSION'],
  ])('refuse to start without --%s or %s', (arg, envName) => {
    const argv = toLaunchArgs(options).filter((a) => !a.startsWith(`--${arg}=`));
    expect(() => parseLaunchArgs(argv, {})).toThrow(envName);
  });
});
