import { createHash, randomBytes } from 'node:crypto';
import type { FakeSalesforce } from './fakeSalesforce';

/** A session through the fake's own OAuth flow (authorization code with PKCE), as any client gets one. */
export async function signInToFake(fake: FakeSalesforce): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = 'http://127.0.0.1:9/callback';
  const authorize = new URL(`${fake.url}/services/oauth2/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', client_id: 'koma-test-client', redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state: 's' })) {
    authorize.searchParams.set(k, v);
  }
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  const answer = await fetch(`${fake.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'koma-test-client', code_verifier: verifier }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** One REST request to the fake's instance with a session's token. */
export async function fakeRest(fake: FakeSalesforce, token: string, method: string, path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${fake.instanceUrl}/services/data/v67.0/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}
