import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../electron/backend/sync/secrets/fileSecretStore';
import { secretKeys, type SecretStore } from '../../electron/backend/sync/secrets/types';
import { startFakeSalesforce, type FakeSalesforce } from '../fakes/fakeSalesforce';
import { logCall, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

let h: SyncHarness;
let fake: FakeSalesforce | undefined;
afterEach(async () => {
  await h?.close();
  await fake?.close();
  fake = undefined;
});

const engine = () => h.backend.sync.engine;
const storedRefreshToken = () => h.backend.sync.secrets.get(secretKeys.salesforceRefreshToken);

describe('signing in', () => {
  it('uses authorization code + PKCE in the system browser with a loopback callback, and keeps no token in the database', async () => {
    const opened: string[] = [];
    h = await createSyncHarness({
      sync: {
        openExternal: (url) => {
          opened.push(url);
          void fetch(url);
        },
      },
    });
    const { authorizeUrl, redirectUri } = await h.call('sync.signIn', {});
    expect(opened).toEqual([authorizeUrl]);
    const params = new URL(authorizeUrl).searchParams;
    expect(new URL(authorizeUrl).origin + new URL(authorizeUrl).pathname).toBe(`${h.fake.url}/services/oauth2/authorize`);
    expect(Object.fromEntries(params)).toMatchObject({ response_type: 'code', client_id: 'koma-test-client', code_challenge_method: 'S256', redirect_uri: redirectUri });
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.has('client_secret')).toBe(false);
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    // Signed in once the org has been checked too (the setup check runs right after sign-in).
    for (let i = 0; i < 500; i++) {
      const s = await h.call('sync.status', {});
      if (s.signedIn && !s.signingIn) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const status = await h.call('sync.status', {});
    expect(status).toMatchObject({ signedIn: true, signingIn: false, configured: true, connector: 'salesforce' });

    const [refreshToken] = h.fake.validRefreshTokens();
    expect(await storedRefreshToken()).toBe(refreshToken);
    const dbFile = readFileSync(join(h.dataDir, 'koma.sqlite3'));
    expect(dbFile.includes(Buffer.from(refreshToken!))).toBe(false);
    const session = h.backend.context.db.prepare("SELECT value FROM sync_state WHERE key = 'salesforce.session'").get() as { value: string };
    expect(JSON.parse(session.value)).toMatchObject({ userId: h.fake.userId, orgId: h.fake.orgId, instanceUrl: h.fake.instanceUrl });
  });

  it('ignores a callback that does not carry its state, and keeps waiting', async () => {
    h = await createSyncHarness({ sync: { openExternal: () => undefined } });
    const { redirectUri } = await h.call('sync.signIn', {});
    const forged = await fetch(`${redirectUri}?code=stolen&state=forged`);
    expect(forged.status).toBe(400);
    expect(await h.call('sync.status', {})).toMatchObject({ signedIn: false, signingIn: true });
    expect(h.fake.stats().token.authorization_code).toBe(0);
  });

  it('refuses to start without a client id', async () => {
    h = await createSyncHarness({ configure: false });
    const error = await h.callError('sync.signIn', {});
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'settings.salesforce.clientId' }] });
  });
});

describe('sessions', () => {
  it('renews an expired session once and carries on', async () => {
    h = await createSyncHarness();
    seedSyncLeads(h, 1);
    await h.signIn();
    await logCall(h, 'lead-0000');
    h.fake.addFaults({ kind: 'invalidSession' });
    await engine().runOnce({ pull: 'skip' });
    expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
    expect(h.fake.stats().token.refresh_token).toBe(1);
  });

  it('asks for a new sign-in when the refresh is refused, and marks nothing failed', async () => {
    h = await createSyncHarness();
    seedSyncLeads(h, 1);
    await h.signIn();
    await logCall(h, 'lead-0000');
    h.fake.addFaults({ kind: 'invalidSession' }, { kind: 'refreshInvalid' });

    await engine().runOnce({ pull: 'skip' });

    expect(h.outbox().map((r) => [r.state, r.attempts, r.last_error])).toEqual([
      ['pending', 0, null],
      ['pending', 0, null],
    ]);
    const status = await h.call('sync.status', {});
    expect(status).toMatchObject({ signedIn: false, configured: false, pending: 2, attention: 0 });
    expect(status.lastError).toContain('Sign in again');
    expect(await storedRefreshToken()).toBeNull();
    expect(await engine().runOnce()).toBe('not_ready');

    await h.signIn();
    await h.settle();
    expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
  });

  it('stores a rotated refresh token before it uses the new access token, and survives a restart with it', async () => {
    fake = await startFakeSalesforce({ rotateRefreshTokens: true });
    const events: string[] = [];
    const recording = (store: SecretStore): SecretStore => ({
      get: (k) => store.get(k),
      set: async (k, v) => {
        await store.set(k, v);
        events.push(`stored ${v}`);
      },
      delete: (k) => store.delete(k),
    });
    const recordingFetch = async (input: string, init: RequestInit) => {
      const auth = new Headers(init.headers).get('authorization');
      if (auth) events.push(`api ${auth.slice(7)}`);
      const response = await fetch(input, init);
      if (input.endsWith('/services/oauth2/token')) {
        const body = (await response.clone().json()) as { access_token?: string; refresh_token?: string };
        events.push(`issued ${body.access_token} ${body.refresh_token ?? ''}`.trim());
      }
      return response;
    };
    const dir = mkdtempSync(join(tmpdir(), 'koma-rotate-'));
    h = await createSyncHarness({ fake, dataDir: dir, sync: { secrets: recording(createFileSecretStore(dir)), fetch: recordingFetch } });
    seedSyncLeads(h, 1);
    await h.signIn();
    const first = await storedRefreshToken();
    await logCall(h, 'lead-0000');
    fake.addFaults({ kind: 'invalidSession' });
    await engine().runOnce({ pull: 'skip' });

    const issued = events.filter((e) => e.startsWith('issued ')).at(-1)!.split(' ');
    const [, access, rotated] = issued;
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(first);
    expect(await storedRefreshToken()).toBe(rotated);
    expect(fake.validRefreshTokens()).toEqual([rotated]);
    expect(events.indexOf(`stored ${rotated}`)).toBeGreaterThan(-1);
    expect(events.indexOf(`stored ${rotated}`)).toBeLessThan(events.indexOf(`api ${access}`));
    expect(h.outbox().every((r) => r.state === 'done')).toBe(true);

    // A restart has no access token: it renews from the rotated refresh token it stored.
    await h.close({ keepData: true });
    h = await createSyncHarness({ fake, dataDir: dir, configure: false, idPrefix: 'restart' });
    await logCall(h, 'lead-0000');
    await h.settle();
    expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
    expect(fake.validRefreshTokens()).toEqual([await storedRefreshToken()]);
  });

  it('signs out: revokes the refresh token at Salesforce and forgets it', async () => {
    h = await createSyncHarness();
    await h.signIn();
    const token = await storedRefreshToken();
    const status = await h.call('sync.signOut', {});
    expect(status).toMatchObject({ signedIn: false, configured: false });
    expect(h.fake.stats().revoked).toBe(1);
    expect(h.fake.validRefreshTokens()).not.toContain(token);
    expect(await storedRefreshToken()).toBeNull();
  });
});

describe('the encrypted secret file (browser mode)', () => {
  it('never holds a secret in plain text, is private to the user, and refuses a tampered file', async () => {
    h = await createSyncHarness();
    await h.signIn();
    const token = (await storedRefreshToken())!;
    const data = readFileSync(join(h.dataDir, 'secrets.enc'));
    expect(data.includes(Buffer.from(token))).toBe(false);
    expect(data.toString('utf8')).not.toContain(token.slice(4, 20));
    expect(statSync(join(h.dataDir, 'secrets.enc')).mode & 0o777).toBe(0o600);
    expect(statSync(join(h.dataDir, 'secrets.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(h.dataDir, 'secrets.key'))).toHaveLength(32);

    // Another reader with the key file reads it back; a flipped byte is detected, not decrypted into garbage.
    expect(await createFileSecretStore(h.dataDir).get(secretKeys.salesforceRefreshToken)).toBe(token);
    const file = JSON.parse(data.toString('utf8')) as { data: string };
    const bytes = Buffer.from(file.data, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    writeFileSync(join(h.dataDir, 'secrets.enc'), JSON.stringify({ ...file, data: bytes.toString('base64') }));
    await expect(createFileSecretStore(h.dataDir).get(secretKeys.salesforceRefreshToken)).rejects.toThrow();
  });
});
