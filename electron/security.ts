// Every window's hardening in one place, as data and small functions a test can read back and
// drive with fakes: the renderer is untrusted (docs/architecture.md).
import path from 'node:path';
import type { CustomScheme, WebPreferences } from 'electron';
import { contentTypeOf } from './backend/transport/contentTypes';

// ---------------------------------------------------------------------------------------------
// The app:// origin the renderer is served from (never file://: a file:// page could read any file).

export const appScheme = 'app';
export const appHost = 'koma';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Registered before `ready`: a standard, secure scheme gets a real origin, fetch and a code cache. */
export const appSchemeRegistration: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** True only for URLs on the app's own origin; anything unparsable is foreign. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
}

/**
 * A phone number for the softphone, in one of the dial modes' shapes (shared/domain/dial/dialUrl.ts):
 * `tel:` / `callto:` with digits and the usual separators, `zoomphonecall://` with an E.164 number,
 * or `dialpad://` with an E.164 number and only Koma's call id as customData — no parameter a
 * handler could misread. The OS hands it to the registered phone app.
 */
export function isDialUrl(url: string): boolean {
  return (
    /^(tel|callto):\+?[0-9][0-9\-() .]{3,30}$/.test(url) ||
    /^zoomphonecall:\/\/\+[0-9]{6,15}$/.test(url) ||
    /^dialpad:\/\/\+[0-9]{6,15}\?customData=[0-9a-f-]{36}$/.test(url)
  );
}

/**
 * A follow-up mail for the rep's mail app: a mailto: URL as shared/domain/followup/mail.ts builds it
 * (RFC 6068, every special character percent-encoded, at most its 2,000-character limit), so no raw
 * space, quote or control character can reach the OS's command line for the mail app.
 */
export function isMailUrl(url: string): boolean {
  return url.length <= 2000 && /^mailto:[A-Za-z0-9._~%@-]*\?subject=[A-Za-z0-9._~%-]*&body=[A-Za-z0-9._~%-]*$/.test(url);
}

/** What may be handed to the OS browser: plain http(s) with a host and no embedded credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// BrowserWindow webPreferences.

export const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} as const satisfies WebPreferences;

export function webPreferences(preloadPath: string): WebPreferences {
  return { ...hardenedWebPreferences, preload: preloadPath };
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy. Inline styles stay allowed because React's style props need them;
// scripts come only from the app's own files.

export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const contentSecurityPolicy = Object.entries(cspDirectives)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

export type ResponseHeaders = Record<string, string | string[]>;

/** The response's headers with our CSP as the only one (any CSP the response carried is dropped). */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}

// ---------------------------------------------------------------------------------------------
// The app:// protocol handler: serves the built renderer and nothing outside it.

/** The file under `rootDir` an app:// URL names, or null for anything else (other hosts, traversal). */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (!url || !isAppUrl(requestUrl) || url.port !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, pathname === '/' ? 'index.html' : `.${pathname}`);
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return file;
}

export { contentTypeOf };

export type ReadFile = (file: string) => Promise<Uint8Array>;

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** For `protocol.handle(appScheme, …)`; `readFile` is injected so a test serves from a temp dir. */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFile): (request: Request) => Promise<Response> {
  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const plain = (status: number, body: string) =>
    new Response(body, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return plain(404, 'Not found');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': contentTypeOf(file) },
      });
    } catch (error) {
      if (isMissingFile(error)) return plain(404, 'Not found');
      throw error;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Runtime guards. The electron objects are passed in, typed by the little each guard uses, so a
// test drives them with EventEmitter fakes and main passes the real modules.

export interface PreventableEvent {
  preventDefault(): void;
}
/** Electron passes the target both as `event.url` and (deprecated) as the second argument. */
export interface NavigationEvent extends PreventableEvent {
  url?: string;
}

export interface GuardedWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent, url?: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent, url?: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: ResponseHeaders }) => void) => void,
    ): void;
  };
}

export interface HardeningModules {
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedWebContents) => void): unknown };
  session: { defaultSession: GuardedSession };
  shell: { openExternal(url: string): Promise<void> };
}

export type HardeningLog = (message: string) => void;

/** Keeps one webContents on the app's origin: no navigation away, no windows, no webviews. */
export function hardenWebContents(contents: GuardedWebContents, shell: HardeningModules['shell'], log: HardeningLog): void {
  const stayOnAppOrigin = (kind: string) => (event: NavigationEvent, url?: string) => {
    const target = event.url ?? url ?? '';
    if (isAppUrl(target)) return;
    event.preventDefault();
    // "Start call" follows a tel: link: the page stays, the softphone dials. A follow-up mail's
    // mailto: link opens the rep's mail app the same way.
    if (kind === 'navigation' && (isDialUrl(target) || isMailUrl(target))) {
      shell.openExternal(target).catch((error: unknown) => log(`could not open ${target.slice(0, 20)}: ${String(error)}`));
      return;
    }
    log(`blocked ${kind} to ${target.slice(0, 200)}`);
  };
  contents.on('will-navigate', stayOnAppOrigin('navigation'));
  contents.on('will-redirect', stayOnAppOrigin('redirect'));
  contents.on('will-frame-navigate', stayOnAppOrigin('frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Links meant for the outside world open in the OS browser; the app never opens a window.
    if (isSafeExternalUrl(url) || isDialUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => log(`could not open ${url.slice(0, 200)}: ${String(error)}`));
    } else {
      log(`blocked a new window for ${url.slice(0, 200)}`);
    }
    return { action: 'deny' };
  });
}

/** Call once `app` is ready (the default session exists only then), before any window is created. */
export function hardenApp(modules: HardeningModules, log: HardeningLog = (message) => console.warn(`[koma:security] ${message}`)): void {
  const { defaultSession } = modules.session;
  defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  modules.app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, modules.shell, log));
}
