import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Result } from '../../../shared/contract';
import { importBodyBytes, maxBodyBytesOf } from '../../../shared/contract/limits';
import type { Dispatch } from './dispatcher';
import { bearerToken, cookieTokens, tokenCookie, tokenMatches } from './http/auth';
import { readBody } from './http/body';
import { sendJson, sendText, setSecurityHeaders } from './http/headers';
import { contentTypeOf } from './contentTypes';
import { lookupStatic, safeRequestPath, streamFile } from './http/staticFiles';
import { moveClock, type MovableClock } from './http/testClock';

export interface HttpServerOptions {
  dispatch: Dispatch;
  /** The per-launch secret; every API call and every static request must present it. */
  token: string;
  /** The built renderer (dist/renderer), served from the same origin as the API. */
  staticDir: string;
  /** Loopback only; anything else is refused. */
  host?: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** A ceiling over every command's own limit (shared/contract/limits.ts); tests lower it. */
  maxBodyBytes?: number;
  /** Test-only: when given, POST /__test/clock sets or advances it. Absent, the route does not exist. */
  testClock?: MovableClock;
}

export interface HttpServer {
  /** The address to open, token included: http://127.0.0.1:PORT/?token=TOKEN */
  readonly url: string;
  /** http://127.0.0.1:PORT, without the token. */
  readonly origin: string;
  readonly port: number;
  /** Stops accepting, lets requests in flight finish (cut off after a grace period), then resolves. */
  close(): Promise<void>;
}

/**
 * The largest request the contract can need: a 64 MB CSV as base64 plus the JSON around it
 * (file name, column mapping). Derived from the contract so the two limits cannot drift apart.
 */
export const defaultMaxBodyBytes = importBodyBytes;

/** How long close() waits for open requests before cutting their connections. */
const closeGraceMs = 3000;
const closeSweepMs = 50;

const apiPrefix = '/api/';
const testClockPath = '/__test/clock';

const notAuthorised: Result<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Missing or wrong token: use the address printed by npm run start:browser.' },
};

const staticForbiddenText =
  'Koma: access denied.\n\nOpen the full address (with ?token=…) printed in the terminal by `npm run start:browser`.';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Only JSON in UTF-8: anything else could be a form post from another site, which never sends JSON. */
function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || param === 'charset=utf-8');
}

/** Answers before the body is read and makes sure the rest of it never is. */
function refuseUnread(req: IncomingMessage, res: ServerResponse, send: () => void): void {
  res.shouldKeepAlive = false;
  res.setHeader('Connection', 'close');
  req.pause();
  send();
}

/**
 * Browser mode's transport: the backend's dispatcher behind loopback HTTP, plus the built renderer
 * from the same origin. The token is the only authority: the API accepts it only in the
 * Authorization header (which another web page cannot set without a CORS preflight we never
 * answer), static files accept it in the query once and then in an HttpOnly SameSite cookie.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`Browser mode only listens on loopback addresses, not "${host}"`);
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const staticDir = resolve(options.staticDir);
  const { dispatch, token, testClock } = options;
  const inFlight = new Set<Promise<unknown>>();
  let allowedHosts = new Set<string>();

  /** Reads, parses and authorises a JSON POST; answers the request itself when it cannot go on. */
  async function readJsonRequest(req: IncomingMessage, res: ServerResponse, limit: number): Promise<{ payload: unknown } | null> {
    if (req.method !== 'POST') {
      refuseUnread(req, res, () => sendText(res, 405, 'Method not allowed', { Allow: 'POST' }));
      return null;
    }
    if (!tokenMatches(bearerToken(req.headers.authorization), token)) {
      refuseUnread(req, res, () => sendJson(res, 403, notAuthorised));
      return null;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      refuseUnread(req, res, () => sendText(res, 415, 'Content-Type must be application/json'));
      return null;
    }
    const body = await readBody(req, limit);
    if (body.kind === 'aborted') {
      res.destroy();
      return null;
    }
    if (body.kind === 'too_large') {
      refuseUnread(req, res, () => sendText(res, 413, `Request body is larger than ${limit} bytes`));
      return null;
    }
    if (body.body.length === 0) return { payload: undefined };
    try {
      return { payload: JSON.parse(body.body.toString('utf8')) as unknown };
    } catch {
      // 400 rather than 200: the request never reached the dispatcher. The body is still a Result,
      // so a client that reads the body whatever the status sees the same shape as ever.
      sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Request body is not valid JSON' } });
      return null;
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    let command = rawPath.slice(apiPrefix.length);
    try {
      command = decodeURIComponent(command);
    } catch {
      // Left as sent: the dispatcher answers unknown_command for it.
    }
    const request = await readJsonRequest(req, res, Math.min(maxBodyBytes, maxBodyBytesOf(command)));
    if (!request) return;
    const pending = dispatch(command, request.payload);
    inFlight.add(pending);
    try {
      sendJson(res, 200, await pending);
    } finally {
      inFlight.delete(pending);
    }
  }

  async function handleTestClock(req: IncomingMessage, res: ServerResponse, clock: MovableClock): Promise<void> {
    const request = await readJsonRequest(req, res, Math.min(maxBodyBytes, maxBodyBytesOf('')));
    if (request) sendJson(res, 200, moveClock(clock, request.payload));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, rawPath: string, query: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuseUnread(req, res, () => sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' }));
      return;
    }
    const requestPath = safeRequestPath(rawPath);
    if (requestPath === null) {
      sendText(res, 400, 'Bad request path');
      return;
    }
    const queryToken = new URLSearchParams(query).get('token') ?? undefined;
    const viaQuery = tokenMatches(queryToken, token);
    if (!viaQuery && !cookieTokens(req.headers.cookie).some((value) => tokenMatches(value, token))) {
      sendText(res, 403, staticForbiddenText);
      return;
    }
    let found = await lookupStatic(staticDir, requestPath === '/' ? '/index.html' : requestPath);
    if (found.kind === 'spa') found = await lookupStatic(staticDir, '/index.html');
    if (found.kind !== 'file') {
      sendText(res, 404, 'Not found');
      return;
    }
    const isHtml = found.path.endsWith('.html');
    res.writeHead(200, {
      'Content-Type': contentTypeOf(found.path),
      'Content-Length': String(found.size),
      // Vite's assets/ carry a content hash in their names; everything else is revalidated.
      'Cache-Control': isHtml ? 'no-store' : requestPath.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-cache',
      ...(viaQuery ? { 'Set-Cookie': tokenCookie(token) } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = streamFile(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) arrives with its own Host.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      refuseUnread(req, res, () => sendText(res, 403, 'Unexpected Host header'));
      return;
    }
    // The raw target, not a WHATWG URL: URL parsing would resolve "/%2e%2e/" before we could refuse it.
    const target = req.url ?? '';
    const queryAt = target.indexOf('?');
    const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? '' : target.slice(queryAt + 1);
    if (rawPath === '/api' || rawPath.startsWith(apiPrefix)) return handleApi(req, res, rawPath);
    if (testClock && rawPath === testClockPath) return handleTestClock(req, res, testClock);
    return handleStatic(req, res, rawPath, query);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[koma] HTTP request failed', error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Koma could not finish this request; nothing was changed. The details are in Koma\'s log.' } });
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen({ host, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  allowedHosts = new Set([`${urlHost}:${port}`, `localhost:${port}`]);
  const origin = `http://${urlHost}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A response that was still finishing a moment ago leaves a kept-alive connection that only
      // becomes idle afterwards: keep sweeping until none is left, then cut off what remains.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), closeSweepMs);
      const cutOff = setTimeout(() => server.closeAllConnections(), closeGraceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(cutOff);
      await Promise.allSettled([...inFlight]);
    })();
    return closing;
  };

  return { url: `${origin}/?token=${encodeURIComponent(token)}`, origin, port, close };
}
