import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { startHttpServer, type HttpServer } from '../../electron/backend/transport/http';
import { manualClock, sequentialIds } from '../../shared/domain/clock';
import { testDatabaseKey } from '../helpers/testKey';

const token = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
const secret = 'SECRET-OUTSIDE-THE-RENDERER-8f3a';
const indexHtml = '<!doctype html><html><head><title>Koma test</title></head><body><h1>Koma</h1></body></html>';
const appJs = 'console.log("koma app");';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch would normalise "/../" and "%2e%2e" before sending them. */
function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const json = (extra: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', ...extra });
const bearer = (value = token) => ({ Authorization: `Bearer ${value}` });

function api(port: number, command: string, payload: unknown, headers: Record<string, string> = { ...json(), ...bearer() }): Promise<Reply> {
  return send(port, 'POST', `/api/${command}`, headers, JSON.stringify(payload));
}

function portIsOpen(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

let root: string;
let staticDir: string;
let backend: Backend;
let server: HttpServer;
let port: number;
const clock = manualClock(new Date('2025-04-01T00:00:00.000Z'));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'koma-http-'));
  staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), indexHtml);
  writeFileSync(join(staticDir, 'assets', 'app.js'), appJs);
  // Bait beside and above the renderer folder: none of it may ever be served.
  writeFileSync(join(root, 'secret.txt'), secret);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: secret }));
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
  backend = createBackend({
    dataDir: join(root, 'data'),
    resourcesDir: resolve('resources'),
    mode: 'browser', databaseKey: testDatabaseKey,
    version: '9.9.9-test',
    clock,
    ids: sequentialIds('t'),
    logError: () => {},
  });
  server = await startHttpServer({ dispatch: backend.dispatch, token, staticDir, testClock: clock });
  port = server.port;
});

afterAll(async () => {
  await server?.close();
  backend?.close();
  rmSync(root, { recursive: true, force: true });
});

const noCorsHeaders = (headers: IncomingHttpHeaders) => Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('HTTP transport: the API', () => {
  it('answers app.info with the Bearer token, with the security headers and no CORS headers', async () => {
    const reply = await api(port, 'app.info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'browser', version: '9.9.9-test', leadCount: 0 } });
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(noCorsHeaders(reply.headers)).toEqual([]);
  });

  it.each<[string, Record<string, string>]>([
    ['no token', json()],
    ['a wrong token', { ...json(), ...bearer('not-the-token') }],
    ['a token one character short', { ...json(), ...bearer(token.slice(0, -1)) }],
    ['the token in another scheme', { ...json(), Authorization: `Basic ${token}` }],
    ['the token only as a cookie', { ...json(), Cookie: `koma_token=${token}` }],
  ])('refuses %s with 403', async (_case, headers) => {
    const reply = await api(port, 'app.info', {}, headers);
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(reply.body).not.toContain('9.9.9-test');
  });

  it('returns invalid_input for a bad payload and writes nothing', async () => {
    const changes = () => (backend.context.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    const reply = await api(port, 'callList.page', { limit: -1 });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'limit' }] } });
    expect(changes()).toBe(before);
  });

  it('returns unknown_command as a 200 Result, like every dispatcher answer', async () => {
    const reply = await api(port, 'leads.dropAll', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('treats an empty body as no input', async () => {
    const reply = await send(port, 'POST', '/api/app.info', { ...json(), ...bearer() });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it('answers 400 with an invalid_input Result for a body that is not JSON', async () => {
    const reply = await send(port, 'POST', '/api/app.info', { ...json(), ...bearer() }, '{"oops":');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Request body is not valid JSON' } });
  });

  it.each<[string, Record<string, string>]>([
    ['no content type', {}],
    ['a form post', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['plain text', { 'Content-Type': 'text/plain' }],
    ['JSON in another charset', { 'Content-Type': 'application/json; charset=shift_jis' }],
  ])('refuses %s with 415', async (_case, headers) => {
    const reply = await send(port, 'POST', '/api/app.info', { ...headers, ...bearer() }, '{}');
    expect(reply.status).toBe(415);
  });

  it('accepts application/json with charset=utf-8', async () => {
    const reply = await api(port, 'app.info', {}, { 'Content-Type': 'application/json; charset=UTF-8', ...bearer() });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it.each([
    ['GET', '/api/x'],
    ['GET', '/api/app.info'],
    ['PUT', '/api/app.info'],
    ['DELETE', '/api/app.info'],
    ['OPTIONS', '/api/app.info'],
    ['OPTIONS', '/'],
    ['POST', '/index.html'],
  ])('%s %s is 405 and never answers CORS', async (method, path) => {
    const reply = await send(port, method, path, {
      ...bearer(),
      Origin: 'http://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type',
    });
    expect(reply.status).toBe(405);
    expect(noCorsHeaders(reply.headers)).toEqual([]);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const reply = await api(port, 'app.info', {}, { ...json(), ...bearer(), Host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('9.9.9-test');
  });
});

describe('HTTP transport: body limit', () => {
  let small: HttpServer;
  const limit = 1024;
  beforeAll(async () => {
    small = await startHttpServer({ dispatch: backend.dispatch, token, staticDir, maxBodyBytes: limit });
  });
  afterAll(() => small.close());

  it('refuses a declared oversized body with 413 and closes the connection', async () => {
    const body = JSON.stringify({ search: 'x'.repeat(limit * 4) });
    const reply = await send(small.port, 'POST', '/api/callList.page', { ...json(), ...bearer() }, body);
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
  });

  it('refuses a chunked body once it crosses the limit', async () => {
    const reply = await new Promise<number>((done, fail) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: small.port, method: 'POST', path: '/api/callList.page', headers: { ...json(), ...bearer(), 'Transfer-Encoding': 'chunked' } },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      req.write('{"search":"');
      req.write('y'.repeat(limit * 2));
      // Never ended: the server must answer without waiting for the rest.
    });
    expect(reply).toBe(413);
  });

  it('still serves a body under the limit', async () => {
    const reply = await api(small.port, 'callList.page', { search: 'z' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('uses a default limit large enough for a 64 MB CSV as base64', async () => {
    const { defaultMaxBodyBytes } = await import('../../electron/backend/transport/http');
    expect(defaultMaxBodyBytes).toBeGreaterThan(Math.ceil((64 * 1024 * 1024) / 3) * 4);
  });
});

describe('HTTP transport: static files', () => {
  it.each(['/', '/index.html', '/assets/app.js', '/calls/today'])('refuses %s without the token, pointing at the printed URL', async (path) => {
    const reply = await send(port, 'GET', path);
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('npm run start:browser');
    expect(reply.body).not.toContain('Koma test');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a wrong ?token= and a wrong cookie', async () => {
    expect((await send(port, 'GET', '/?token=nope')).status).toBe(403);
    expect((await send(port, 'GET', '/', { Cookie: 'koma_token=nope' })).status).toBe(403);
  });

  it('serves the page for ?token=, sets the cookie, and the cookie then authorises static requests', async () => {
    const first = await send(port, 'GET', `/?token=${token}`);
    expect(first.status).toBe(200);
    expect(first.body).toBe(indexHtml);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`koma_token=${token}; HttpOnly; SameSite=Strict; Path=/`);

    const cookieHeader = { Cookie: `other=1; ${cookie.split(';')[0]}` };
    const script = await send(port, 'GET', '/assets/app.js', cookieHeader);
    expect(script.status).toBe(200);
    expect(script.body).toBe(appJs);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['set-cookie']).toBeUndefined();

    const route = await send(port, 'GET', '/calls/today', cookieHeader);
    expect(route.status).toBe(200);
    expect(route.body).toBe(indexHtml);

    const head = await send(port, 'HEAD', '/assets/app.js', cookieHeader);
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(appJs)));
    expect(head.body).toBe('');

    expect((await send(port, 'GET', '/assets/missing.js', cookieHeader)).status).toBe(404);
  });

  it('accepts our cookie beside another Koma instance’s stale one', async () => {
    const reply = await send(port, 'GET', '/', { Cookie: `koma_token=stale; koma_token=${token}` });
    expect(reply.status).toBe(200);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/assets/./app.js',
    '/index.html%00.js',
    '/%00',
    '/%E0%A4%A',
    '/assets/link.txt',
    'http://127.0.0.1/../secret.txt',
  ])('never serves %s, even to an authorised client', async (path) => {
    const reply = await send(port, 'GET', path, { Cookie: `koma_token=${token}` });
    expect(reply.status).not.toBe(200);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(secret);
    expect(reply.body).not.toContain('root:');
  });
});

describe('HTTP transport: the test clock hook', () => {
  it('sets and advances the backend clock with the token', async () => {
    const set = await send(port, 'POST', '/__test/clock', { ...json(), ...bearer() }, JSON.stringify({ now: '2025-06-02T09:00:00+09:00' }));
    expect(JSON.parse(set.body)).toEqual({ ok: true, value: { now: '2025-06-02T00:00:00.000Z' } });
    const moved = await send(port, 'POST', '/__test/clock', { ...json(), ...bearer() }, JSON.stringify({ advanceMs: 90_000 }));
    expect(JSON.parse(moved.body)).toEqual({ ok: true, value: { now: '2025-06-02T00:01:30.000Z' } });
    expect(clock.now().toISOString()).toBe('2025-06-02T00:01:30.000Z');
  });

  it.each([{ now: 'tomorrow' }, { advanceMs: -1 }, { now: '2025-06-02T00:00:00Z', advanceMs: 1 }, {}])('refuses %j and leaves the clock alone', async (payload) => {
    const before = clock.now().toISOString();
    const reply = await send(port, 'POST', '/__test/clock', { ...json(), ...bearer() }, JSON.stringify(payload));
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(clock.now().toISOString()).toBe(before);
  });

  it('needs the token', async () => {
    const reply = await send(port, 'POST', '/__test/clock', json(), JSON.stringify({ advanceMs: 1 }));
    expect(reply.status).toBe(403);
  });

  it('does not exist unless a test clock is given', async () => {
    const plain = await startHttpServer({ dispatch: backend.dispatch, token, staticDir });
    try {
      const before = clock.now().toISOString();
      const reply = await send(plain.port, 'POST', '/__test/clock', { ...json(), ...bearer() }, JSON.stringify({ advanceMs: 1000 }));
      expect(reply.status).not.toBe(200);
      expect(clock.now().toISOString()).toBe(before);
    } finally {
      await plain.close();
    }
  });
});

describe('HTTP transport: listening', () => {
  it('binds 127.0.0.1 on a random port and prints the tokened URL', async () => {
    expect(port).toBeGreaterThan(0);
    expect(server.origin).toBe(`http://127.0.0.1:${port}`);
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    expect(await portIsOpen('127.0.0.1', port)).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && address.family === 'IPv4')
      .map((address) => address!.address);
    for (const address of external) expect(await portIsOpen(address, port)).toBe(false);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10'])('refuses to listen on %s', async (host) => {
    await expect(startHttpServer({ dispatch: backend.dispatch, token, staticDir, host })).rejects.toThrow(/loopback/);
  });

  it('stops listening on close', async () => {
    const extra = await startHttpServer({ dispatch: backend.dispatch, token, staticDir });
    // A kept-alive connection must not hold close() open.
    await send(extra.port, 'GET', `/?token=${token}`, { Connection: 'keep-alive' });
    await extra.close();
    expect(await portIsOpen('127.0.0.1', extra.port)).toBe(false);
  });
});
