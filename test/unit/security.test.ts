import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type Mock } from 'vitest';
import {
  appEntryUrl,
  appSchemeRegistration,
  contentSecurityPolicy,
  createAppProtocolHandler,
  hardenApp,
  isAppUrl,
  isSafeExternalUrl,
  resolveAppFile,
  webPreferences,
  withContentSecurityPolicy,
  type GuardedSession,
  type NavigationEvent,
} from '../../electron/security';

describe('webPreferences', () => {
  const prefs = webPreferences('/app/dist/electron/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
  ] as const)('%s is %s', (key, expected) => {
    expect(prefs[key]).toBe(expected);
  });

  it('points at the given preload', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });
});

describe('content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s allows exactly %j', (directive, sources) => {
    expect(directives.get(directive)).toEqual(sources);
  });

  it('has no other directive and never allows eval', () => {
    expect(directives.size).toBe(10);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('replaces whatever CSP a response carried, whatever its case, and keeps other headers', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com/pricing', true],
    ['http://example.com', true],
    ['HTTPS://EXAMPLE.COM/', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['app://koma/index.html', false],
    ['ms-settings:privacy', false],
    ['smb://server/share', false],
    ['tel:0312345678', false],
    ['mailto:someone@example.com', false],
    ['https://user:secret@example.com/', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('isAppUrl', () => {
  it.each([
    [appEntryUrl, true],
    ['app://koma/assets/index.js', true],
    ['app://other/index.html', false],
    ['app://user@koma/index.html', false],
    ['https://koma/index.html', false],
    ['file:///index.html', false],
    ['garbage', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('is registered as a standard, secure scheme', () => {
    expect(appSchemeRegistration).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });
});

describe('the app:// protocol', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'koma-protocol-'));
    mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Koma</title>');
    writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['app://koma/', 'renderer/index.html'],
    ['app://koma/index.html', 'renderer/index.html'],
    ['app://koma/assets/app.js?v=1#x', 'renderer/assets/app.js'],
    ['app://koma/assets/%61pp.js', 'renderer/assets/app.js'],
    // The URL parser collapses dot segments (encoded ones too) before we see them…
    ['app://koma/../secret.txt', 'renderer/secret.txt'],
    ['app://koma/%2e%2e/secret.txt', 'renderer/secret.txt'],
    // …but not an encoded slash, which only decoding reveals.
    ['app://koma/..%2fsecret.txt', null],
    ['app://koma/assets/..%2f..%2fsecret.txt', null],
    ['app://koma/%2e%2e%2f%2e%2e%2fetc%2fpasswd', null],
    ['app://koma/a%00.js', null],
    ['app://koma/%E0%A4%A', null],
    ['app://koma:8080/index.html', null],
    ['app://evil/index.html', null],
    ['file:///etc/passwd', null],
  ])('%s → %s', (url, expected) => {
    const file = resolveAppFile(join(root, 'renderer'), url);
    expect(file).toBe(expected === null ? null : join(root, expected));
  });

  const handler = () => createAppProtocolHandler(join(root, 'renderer'), (file) => readFile(file));

  it('serves the renderer with the CSP, the right type and nosniff', async () => {
    const response = await handler()(new Request('app://koma/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Koma</title>');
  });

  it.each([
    ['a missing file', 'app://koma/nope.js', 'GET', 404],
    ['a file outside the renderer', 'app://koma/..%2fsecret.txt', 'GET', 404],
    ['another host', 'app://evil/index.html', 'GET', 404],
    ['a write', 'app://koma/index.html', 'POST', 405],
  ])('refuses %s', async (_case, url, method, status) => {
    const response = await handler()(new Request(url, { method }));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).not.toContain('outside the renderer');
  });
});

class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url?: string): NavigationEvent & { preventDefault: Mock<() => void> } {
  return { preventDefault: vi.fn<() => void>(), ...(url === undefined ? {} : { url }) };
}

function hardenedFakes() {
  const app = new EventEmitter();
  const handlers: {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
    check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
    headers?: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0];
  } = {};
  const defaultSession: GuardedSession = {
    setPermissionRequestHandler: (handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler) => (handlers.check = handler),
    webRequest: { onHeadersReceived: (listener) => (handlers.headers = listener) },
  };
  const openExternal = vi.fn(async (_url: string) => {});
  const log = vi.fn();
  hardenApp({ app, session: { defaultSession }, shell: { openExternal } }, log);
  const contents = new FakeWebContents();
  app.emit('web-contents-created', {}, contents);
  return { handlers, openExternal, contents, log };
}

describe('hardenApp', () => {
  it('denies every permission request and check', () => {
    const { handlers } = hardenedFakes();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.check?.({}, permission)).toBe(false);
    }
  });

  it('puts the CSP on every response the session receives', () => {
    const { handlers } = hardenedFakes();
    const callback = vi.fn();
    handlers.headers?.({ responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy] } });
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s away from the app is prevented, within it allowed', (name) => {
    const { contents } = hardenedFakes();
    const cases = [
      { event: navigationEvent('https://evil.example/'), prevented: true },
      { event: navigationEvent('file:///etc/passwd'), prevented: true },
      { event: navigationEvent('app://evil/index.html'), prevented: true },
      { event: navigationEvent(), url: 'https://evil.example/', prevented: true },
      { event: navigationEvent(), prevented: true },
      { event: navigationEvent('app://koma/index.html#/calls'), prevented: false },
      { event: navigationEvent(), url: 'app://koma/index.html', prevented: false },
    ];
    for (const { event, url, prevented } of cases) {
      contents.emit(name, event, url);
      expect(event.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
    }
  });

  it('hands a dial link (tel:, callto:, Zoom Phone, Dialpad) to the phone app instead of navigating, and refuses odd dial URLs', () => {
    const { contents, openExternal } = hardenedFakes();
    const dial = navigationEvent('tel:03-0000-1610');
    contents.emit('will-navigate', dial);
    expect(dial.preventDefault).toHaveBeenCalledOnce();
    expect(openExternal).toHaveBeenCalledWith('tel:03-0000-1610');
    // Every dial mode's URL (shared/domain/dial/dialUrl.ts) reaches the phone app…
    for (const url of ['tel:+81300001610', 'callto:+81300001610', 'zoomphonecall://+81300001610', 'dialpad://+81300001610?customData=3f2b8c1e-9d4a-4e6b-8a7c-1b2c3d4e5f60']) {
      openExternal.mockClear();
      contents.emit('will-navigate', navigationEvent(url));
      expect(openExternal, url).toHaveBeenCalledWith(url);
    }
    // …and nothing that could carry another parameter or a script.
    for (const url of [
      'tel:03;phone-context=evil',
      'tel:javascript:alert(1)',
      'tel:',
      'callto:evil@example.com',
      'zoomphonecall://+81300001610?callerid=1',
      'dialpad://+81300001610?customData=x&crmLogging=0',
      'dialpad://+81300001610',
    ]) {
      openExternal.mockClear();
      contents.emit('will-navigate', navigationEvent(url));
      expect(openExternal, url).not.toHaveBeenCalled();
    }
  });

  it('hands a follow-up mailto: link to the mail app, and nothing shaped otherwise', async () => {
    const { mailtoUrl } = await import('../../shared/domain/followup/mail');
    const { contents, openExternal } = hardenedFakes();
    const url = mailtoUrl({ to: 'taro@example.co.jp', subject: '【お礼】本日のお電話', body: '髙橋様\nありがとうございました & "quotes"' })!;
    contents.emit('will-navigate', navigationEvent(url));
    expect(openExternal).toHaveBeenCalledWith(url);
    for (const bad of ['mailto:a@example.com?subject=x&body=a b', 'mailto:a@example.com?cc=boss@example.com&subject=x&body=y', `mailto:?subject=x&body=${'a'.repeat(2000)}`, 'mailto:a@example.com?subject="x"&body=y']) {
      openExternal.mockClear();
      contents.emit('will-navigate', navigationEvent(bad));
      expect(openExternal, bad).not.toHaveBeenCalled();
    }
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = hardenedFakes();
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window, opening only http(s) links in the system browser', () => {
    const { contents, openExternal } = hardenedFakes();
    const open = contents.windowOpenHandler;
    expect(open).not.toBeNull();
    expect(open?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/docs');
    for (const url of ['javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'app://koma/index.html', 'ms-msdt:/id']) {
      expect(open?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('guards every webContents created, not only the first', () => {
    const app = new EventEmitter();
    const defaultSession: GuardedSession = {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      webRequest: { onHeadersReceived: () => {} },
    };
    hardenApp({ app, session: { defaultSession }, shell: { openExternal: async () => {} } }, () => {});
    const all = [new FakeWebContents(), new FakeWebContents()];
    for (const contents of all) app.emit('web-contents-created', {}, contents);
    for (const contents of all) {
      expect(contents.windowOpenHandler).not.toBeNull();
      expect(contents.listenerCount('will-navigate')).toBe(1);
      expect(contents.listenerCount('will-attach-webview')).toBe(1);
    }
  });
});

describe('electron-builder.yml', () => {
  // js-yaml and ajv are electron-builder's own dependencies: load them the way it does.
  const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
  const Ajv = (requireFromBuilder('ajv') as { default: new (options: object) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } } }).default;
  const repoRoot = join(import.meta.dirname, '../..');

  const load = async () => yaml.load(await readFile(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it("is valid against electron-builder's schema", async () => {
    const schema = JSON.parse(await readFile(requireFromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as unknown;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const config = await load();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds the intended targets with the better-sqlite3 addon outside the asar', async () => {
    const config = await load();
    expect(config).toMatchObject({
      appId: 'jp.koma.app',
      productName: 'Koma',
      asar: true,
      npmRebuild: true,
      win: { target: ['nsis'] },
      nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
      mac: { target: ['dmg'], hardenedRuntime: true },
      linux: { target: ['AppImage', 'deb'], category: 'Office' },
      extraResources: [{ from: 'resources', to: 'resources' }],
    });
    expect(config['asarUnpack']).toContain('**/node_modules/better-sqlite3-multiple-ciphers/**');
    expect(config['files']).toContain('package.json');
  });

  it('sets the security fuses', async () => {
    const config = await load();
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('signs macOS builds with an entitlements file that exists', async () => {
    const config = (await load()) as { mac?: { entitlements?: string } };
    const plist = await readFile(join(repoRoot, config.mac?.entitlements ?? 'missing'), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
  });
});
