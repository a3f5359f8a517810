import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { isSafeUrl } from '../../../../shared/contract/sync';
import { classifyResponse } from '../classify';
import { exchange, parseRetryAfter, type FetchLike } from '../http';
import { SyncRequestError } from '../types';

/** RFC 7636: a high-entropy verifier, and its S256 challenge sent with the authorization request. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function randomState(): string {
  return randomBytes(16).toString('base64url');
}

export function authorizeUrl(loginUrl: string, params: { clientId: string; redirectUri: string; challenge: string; state: string }): string {
  const url = new URL('/services/oauth2/authorize', loginUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    code_challenge: params.challenge,
    code_challenge_method: 'S256',
    state: params.state,
    // api: REST access; refresh_token: stay signed in between launches.
    scope: 'api refresh_token',
  }).toString();
  return url.toString();
}

/** Salesforce's token response; refresh_token comes with the code exchange and, with rotation on, with every refresh. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  instance_url: z.string().refine(isSafeUrl, 'instance_url must be https'),
  id: z.string().url(),
  token_type: z.string().optional(),
  issued_at: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** The identity URL ends /id/<org id>/<user id>. */
export function identityOf(idUrl: string): { orgId: string; userId: string } {
  const parts = new URL(idUrl).pathname.split('/').filter(Boolean);
  const userId = parts.at(-1) ?? '';
  const orgId = parts.at(-2) ?? '';
  if (!/^[a-zA-Z0-9]{15,18}$/.test(userId) || !/^[a-zA-Z0-9]{15,18}$/.test(orgId)) throw new Error(`Unexpected identity URL ${idUrl}`);
  return { orgId, userId };
}

/**
 * One call to the token endpoint (form-encoded POST). A refusal of the grant (invalid_grant: the
 * refresh token was revoked, expired or already rotated) is 'auth' — only signing in again helps;
 * an unreachable or failing endpoint is transient — the saved sign-in is still good.
 */
export async function requestToken(
  fetchImpl: FetchLike,
  loginUrl: string,
  form: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
  now: Date,
): Promise<TokenResponse> {
  const response = await exchange(
    fetchImpl,
    new URL('/services/oauth2/token', loginUrl).toString(),
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: new URLSearchParams(form).toString() },
    timeoutMs,
    signal,
  );
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw new SyncRequestError('transient', 'BAD_RESPONSE', `The Salesforce token endpoint answered ${response.status} with a body that is not JSON`);
  }
  const kind = classifyResponse(response.status, null, false);
  if (kind === 'ok') {
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new SyncRequestError('transient', 'BAD_RESPONSE', 'The Salesforce token endpoint answered without the expected fields');
    return parsed.data;
  }
  const error = z.object({ error: z.string(), error_description: z.string().optional() }).safeParse(body);
  const code = error.success ? error.data.error : `HTTP_${response.status}`;
  const message = error.success ? `${error.data.error}: ${error.data.error_description ?? ''}`.trim() : `HTTP ${response.status}`;
  if (kind === 'transient') throw new SyncRequestError('transient', code, `Salesforce sign-in service unavailable (${message})`, parseRetryAfter(response.headers.get('retry-after'), now));
  throw new SyncRequestError('auth', code, `Salesforce refused the saved sign-in (${message}). Sign in again.`);
}
