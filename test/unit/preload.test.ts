import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames, type Result } from '../../shared/contract';
import type { KomaApi } from '../../shared/contract/api';
import { backendPortChannel, backendRestartedError, fromNodePort, servePort, type PortDispatch } from '../../electron/backend/transport/messagePort';

// The preload runs against these fakes: no Electron binary, no real `electron` module.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((event: { ports: unknown[] }, ...args: unknown[]) => void)[]>();
  const exposed = new Map<string, unknown>();
  return {
    listeners,
    exposed,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      on: (channel: string, listener: (event: { ports: unknown[] }, ...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

const channels: MessageChannel[] = [];

/** What main does on each page load: a fresh channel, the backend on one end, the page on the other. */
function handOverPort(dispatch: PortDispatch): MessageChannel {
  const channel = new MessageChannel();
  channels.push(channel);
  servePort(fromNodePort(channel.port1), dispatch, { log: () => {} });
  for (const listener of electron.listeners.get(backendPortChannel) ?? []) listener({ ports: [channel.port2] });
  return channel;
}

async function loadPreload(): Promise<KomaApi> {
  vi.resetModules();
  await import('../../electron/preload');
  expect(electron.exposed.size).toBe(1);
  return electron.exposed.get('koma') as KomaApi;
}

const echo: PortDispatch = async (command, payload) => ({ ok: true, value: { command, payload } });

beforeEach(() => {
  electron.listeners.clear();
  electron.exposed.clear();
});
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('preload', () => {
  it('exposes exactly one named method per contract command on window.koma, nothing else', async () => {
    const koma = await loadPreload();
    expect(Object.keys(koma).sort()).toEqual([...commandNames].sort());
    for (const name of commandNames) expect(typeof koma[name]).toBe('function');
    expect(electron.listeners.size).toBe(1);
    expect([...electron.listeners.keys()]).toEqual([backendPortChannel]);
  });

  it('sends each call as its own command over the port and resolves with the reply', async () => {
    const koma = await loadPreload();
    handOverPort(echo);
    await expect(koma['app.info']({})).resolves.toEqual({ ok: true, value: { command: 'app.info', payload: {} } });
    await expect(koma['callList.page']({ search: 'ヤマダ', limit: 5 })).resolves.toEqual({
      ok: true,
      value: { command: 'callList.page', payload: { search: 'ヤマダ', limit: 5 } },
    });
  });

  it('holds calls made before the port arrives and sends them once it does', async () => {
    const koma = await loadPreload();
    const early = koma['app.info']({});
    handOverPort(echo);
    await expect(early).resolves.toMatchObject({ ok: true, value: { command: 'app.info' } });
  });

  it('answers pending calls as "restarted" when the backend goes, then uses the next port', async () => {
    const koma = await loadPreload();
    let started!: () => void;
    const callStarted = new Promise<void>((resolve) => (started = resolve));
    const first = handOverPort(() => {
      started();
      return new Promise<Result<unknown>>(() => {});
    });
    const pending = koma['app.info']({});
    await callStarted;
    first.port1.close();
    await expect(pending).resolves.toEqual({ ok: false, error: backendRestartedError });

    handOverPort(echo);
    await expect(koma['app.info']({})).resolves.toMatchObject({ ok: true });
  });

  it('a newer port replaces an older one that is still open', async () => {
    const koma = await loadPreload();
    const stalled = handOverPort(() => new Promise<Result<unknown>>(() => {}));
    const pending = koma['app.info']({});
    handOverPort(echo);
    await expect(pending).resolves.toEqual({ ok: false, error: backendRestartedError });
    await expect(koma['app.info']({})).resolves.toMatchObject({ ok: true });
    stalled.port1.close();
  });

  it('ignores a port message that carries no port', async () => {
    const koma = await loadPreload();
    for (const listener of electron.listeners.get(backendPortChannel) ?? []) listener({ ports: [] });
    const call = koma['app.info']({});
    handOverPort(echo);
    await expect(call).resolves.toMatchObject({ ok: true });
  });
});
