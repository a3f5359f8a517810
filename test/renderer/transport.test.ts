import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { CommandError } from '../../renderer/src/api/commandError';
import { createHttpSend } from '../../renderer/src/api/httpTransport';
import { takeLaunchToken, tokenStorageKey } from '../../renderer/src/api/launchToken';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { toProblem } from '../../renderer/src/lib/problem';

function response(status: number, body: unknown, statusText = ''): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText, headers: { 'Content-Type': 'application/json' } });
}

function httpClient(fetch: typeof globalThis.fetch, token: string | null = 'secret-123') {
  return createClient(createHttpSend({ fetch, token: () => token }));
}

async function thrown(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CommandError)) throw new Error(`expected a CommandError, got ${String(error)}`);
  return error;
}

describe('the HTTP transport (browser mode)', () => {
  it('posts the input as JSON to /api/<command> with the launch token, and returns the value', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => response(200, { ok: true, value: { total: 0, offset: 0, rows: [] } }));
    const page = await httpClient(fetch).invoke('callList.page', { search: '山田', offset: 0, limit: 100 });
    expect(page).toEqual({ total: 0, offset: 0, rows: [] });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/callList.page');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer secret-123' });
    expect(JSON.parse(String(init?.body))).toEqual({ search: '山田', offset: 0, limit: 100 });
  });

  it('sends no Authorization header when the page has no token', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => response(200, { ok: true, value: {} }));
    await httpClient(fetch, null).invoke('app.info', {});
    expect(fetch.mock.calls[0]?.[1]?.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it.each([
    { name: '403', reply: () => response(403, 'Forbidden', 'Forbidden'), code: 'unauthorized', kind: 'unauthorized', message: /refused this page’s access token/ },
    { name: '500', reply: () => response(500, 'boom', 'Internal Server Error'), code: 'internal', kind: 'internal', message: /500 Internal Server Error/ },
    { name: 'a body that is not JSON', reply: () => response(200, '<html>'), code: 'internal', kind: 'internal', message: /not JSON/ },
    { name: 'a body that is not a Result', reply: () => response(200, { hello: 1 }), code: 'internal', kind: 'internal', message: /unknown shape/ },
    { name: 'a network failure', reply: () => Promise.reject(new TypeError('Failed to fetch')), code: 'internal', kind: 'backend_unreachable', message: /Koma is not running/ },
  ])('maps $name to a typed CommandError', async ({ reply, code, kind, message }) => {
    const error = await thrown(httpClient(vi.fn<typeof globalThis.fetch>(async () => reply())).invoke('app.info', {}));
    expect(error.code).toBe(code);
    expect(error.command).toBe('app.info');
    expect(error.message).toMatch(message);
    expect(toProblem(error).kind).toBe(kind);
  });

  it('passes a backend AppError through with its issues', async () => {
    const error = { code: 'invalid_input', message: 'Invalid input', issues: [{ path: 'search', message: 'too long' }] };
    const thrownError = await thrown(httpClient(async () => response(200, { ok: false, error })).invoke('callList.page', { search: 'x' }));
    expect(thrownError.code).toBe('invalid_input');
    expect(thrownError.issues).toEqual(error.issues);
  });
});

describe('the preload transport (Electron)', () => {
  it('calls the named method of window.koma', async () => {
    const info = vi.fn(async () => ({ ok: true as const, value: { version: '1', mode: 'electron' as const, dataDir: '', databasePath: '', leadCount: 4 } }));
    const value = await createClient(sendThroughPreload({ 'app.info': info })).invoke('app.info', {});
    expect(value.leadCount).toBe(4);
    expect(info).toHaveBeenCalledWith({});
  });

  it('answers unknown_command for a method the preload lacks', async () => {
    const error = await thrown(createClient(sendThroughPreload({})).invoke('app.info', {}));
    expect(error.code).toBe('unknown_command');
  });
});

describe('the launch token', () => {
  function environment(href: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [[tokenStorageKey, stored]] : []);
    const replaceState = vi.fn<History['replaceState']>();
    return {
      env: {
        location: { href },
        history: { state: null, replaceState },
        storage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
      },
      storage,
      replaceState,
    };
  }

  it('takes the token from the URL, keeps it for the session and removes it from the address bar', () => {
    const { env, storage, replaceState } = environment('http://127.0.0.1:5123/?token=abc&x=1#list');
    expect(takeLaunchToken(env)).toBe('abc');
    expect(storage.get(tokenStorageKey)).toBe('abc');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#list');
  });

  it('uses the kept token after a reload, without touching the address bar', () => {
    const { env, replaceState } = environment('http://127.0.0.1:5123/', 'kept');
    expect(takeLaunchToken(env)).toBe('kept');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('has no token when none was ever given', () => {
    expect(takeLaunchToken(environment('http://127.0.0.1:5123/').env)).toBeNull();
  });
});

describe('an abandoned request', () => {
  it('cancels the fetch and rejects with an AbortError at once, not as a backend failure', async () => {
    let signal: AbortSignal | undefined;
    const fetch = vi.fn<typeof globalThis.fetch>((_url, init) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    const controller = new AbortController();
    const pending = httpClient(fetch).invoke('callList.page', { search: 'sa', offset: 0, limit: 100 }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(signal?.aborted).toBe(true);
  });

  it('stops waiting on a transport that cannot cancel (the preload), and never sends one aborted before', async () => {
    const page = vi.fn(() => new Promise<never>(() => undefined));
    const client = createClient(sendThroughPreload({ 'callList.page': page }));
    const controller = new AbortController();
    const pending = client.invoke('callList.page', { search: 'sa', offset: 0, limit: 100 }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(client.invoke('callList.page', { search: 'sat', offset: 0, limit: 100 }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(page).toHaveBeenCalledTimes(1);
  });
});
