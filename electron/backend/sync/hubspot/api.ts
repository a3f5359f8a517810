import { z } from 'zod';
import type { Clock } from '../../../../shared/domain/clock';
import { exchange, parseRetryAfter, type FetchLike } from '../http';
import type { QuotaMeter } from '../quota';
import { SyncRequestError } from '../types';

/**
 * HubSpot's error body. "The fields in the example response below should all be treated as
 * optional in any error parsing" (API error responses: https://developers.hubspot.com/docs/faq/api-error-responses):
 * { status: "error", message, errors: [{ message, in, code, context }], category, correlationId }.
 * A 429 adds policyName (TEN_SECONDLY_ROLLING, DAILY, …).
 */
const errorBody = z
  .object({
    status: z.string().optional(),
    message: z.string().optional(),
    category: z.string().optional(),
    correlationId: z.string().optional(),
    policyName: z.string().optional(),
    errors: z.array(z.object({ message: z.string().optional(), code: z.string().optional(), in: z.string().optional() }).passthrough()).optional(),
  })
  .passthrough();
export type HubSpotErrorBody = z.infer<typeof errorBody>;

/** One record of a batch answer, with the properties HubSpot echoes. */
export const objectSchema = z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) }).passthrough();
export type HubSpotObject = z.infer<typeof objectSchema>;
const batchAnswer = z.object({ status: z.string().optional(), results: z.array(objectSchema) }).passthrough();
const searchAnswer = z.object({ total: z.number().optional(), results: z.array(objectSchema), paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional() }).passthrough();

/** A request HubSpot refused for what was in it (400, 403 scopes, 404, 409): the message to show, and whether it is the request's own fault. */
export class HubSpotRefusal extends SyncRequestError {
  constructor(
    readonly status: number,
    readonly body: HubSpotErrorBody,
  ) {
    super('permanent', body.category ?? `HTTP_${status}`, `HubSpot: ${body.category ?? `HTTP ${status}`}: ${body.message ?? 'no reason given'}${body.correlationId ? ` (correlationId ${body.correlationId})` : ''}`);
    this.name = 'HubSpotRefusal';
  }
}

export interface HubSpotApiDeps {
  baseUrl: () => string;
  token: () => Promise<string | null>;
  meter: QuotaMeter;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
  /** HubSpot refused this token (401): nothing more is sent with it until another is pasted. */
  onTokenRefused: (token: string) => void;
}

function msToNextUtcDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
}

/**
 * HubSpot's CRM API v3 over fetch with a private app's access token ("Authorization: Bearer",
 * Private apps: https://developers.hubspot.com/docs/api/private-apps). Every request is counted
 * against Koma's daily share before it is sent; the daily figures come from
 * X-HubSpot-RateLimit-Daily / -Daily-Remaining (changelog 2018-11-06, "Rate limit information
 * headers will be included in HTTP responses"). A 429 is HubSpot's rate limit: the ten-second
 * window retries after Retry-After, the daily one pauses sync until the next day.
 */
export class HubSpotApi {
  constructor(private readonly deps: HubSpotApiDeps) {}

  async request(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const token = await this.deps.token();
    if (!token) throw new SyncRequestError('auth', 'NO_TOKEN', 'Paste the HubSpot private app access token in Settings → CRM connection.');
    this.deps.meter.beforeRequest();
    const url = new URL(path, this.deps.baseUrl()).toString();
    const response = await exchange(
      this.deps.fetch,
      url,
      {
        method,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      this.deps.timeoutMs,
      signal,
    );
    const daily = Number(response.headers.get('x-hubspot-ratelimit-daily'));
    const remaining = Number(response.headers.get('x-hubspot-ratelimit-daily-remaining'));
    if (daily > 0 && Number.isFinite(remaining)) this.deps.meter.afterUsage({ used: Math.max(0, daily - remaining), max: daily });
    let json: unknown = null;
    try {
      json = response.text ? JSON.parse(response.text) : null;
    } catch {
      if (response.status >= 200 && response.status < 300) throw new SyncRequestError('transient', 'MALFORMED', `HubSpot answered ${response.status} with a body that is not JSON`);
    }
    if (response.status >= 200 && response.status < 300) return json;
    const parsed = errorBody.safeParse(json);
    const err = parsed.success ? parsed.data : {};
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.deps.clock.now());
    const message = `HubSpot: ${err.message ?? `HTTP ${response.status}`}${err.correlationId ? ` (correlationId ${err.correlationId})` : ''}`;
    if (response.status === 429) {
      // The daily limit is spent for the whole account: nothing goes until the next day.
      if (err.policyName === 'DAILY') throw new SyncRequestError('limit', 'DAILY_LIMIT', message, retryAfterMs ?? msToNextUtcDay(this.deps.clock.now()));
      throw new SyncRequestError('transient', 'RATE_LIMIT', message, retryAfterMs);
    }
    // A 401 is a token that is wrong, revoked or rotated: a person must paste the new one.
    if (response.status === 401) {
      this.deps.onTokenRefused(token);
      throw new SyncRequestError('auth', 'INVALID_TOKEN', `${message} — paste a valid private app access token in Settings → CRM connection.`);
    }
    if (response.status >= 500 || response.status === 408) throw new SyncRequestError('transient', `HTTP_${response.status}`, message, retryAfterMs);
    throw new HubSpotRefusal(response.status, err);
  }

  /** POST /crm/v3/objects/{type}/batch/upsert: create or update by a unique-value property. */
  async batchUpsert(objectType: string, idProperty: string, inputs: { id: string; properties: Record<string, string> }[], signal: AbortSignal): Promise<HubSpotObject[]> {
    const answer = await this.request('POST', `/crm/v3/objects/${objectType}/batch/upsert`, { inputs: inputs.map((i) => ({ ...i, idProperty })) }, signal);
    return this.results(answer);
  }

  /** POST /crm/v3/objects/{type}/batch/update by HubSpot's record id. */
  async batchUpdate(objectType: string, inputs: { id: string; properties: Record<string, string> }[], signal: AbortSignal): Promise<HubSpotObject[]> {
    return this.results(await this.request('POST', `/crm/v3/objects/${objectType}/batch/update`, { inputs }, signal));
  }

  /** Default (unlabelled) associations in bulk: creating one that exists changes nothing. */
  async associate(from: string, to: string, pairs: { from: string; to: string }[], signal: AbortSignal): Promise<void> {
    await this.request('POST', `/crm/v4/associations/${from}/${to}/batch/associate/default`, { inputs: pairs.map((p) => ({ from: { id: p.from }, to: { id: p.to } })) }, signal);
  }

  async search(objectType: string, body: Record<string, unknown>, signal: AbortSignal): Promise<z.infer<typeof searchAnswer>> {
    const answer = await this.request('POST', `/crm/v3/objects/${objectType}/search`, body, signal);
    const parsed = searchAnswer.safeParse(answer);
    if (!parsed.success) throw new SyncRequestError('transient', 'MALFORMED', 'HubSpot answered a search with an unexpected body');
    return parsed.data;
  }

  async get(path: string, signal: AbortSignal): Promise<unknown> {
    return this.request('GET', path, undefined, signal);
  }

  private results(answer: unknown): HubSpotObject[] {
    const parsed = batchAnswer.safeParse(answer);
    if (!parsed.success) throw new SyncRequestError('transient', 'MALFORMED', 'HubSpot answered a batch with an unexpected body');
    return parsed.data.results;
  }
}

const tokenInfoAnswer = z.object({ hubId: z.number().optional(), userId: z.number().optional(), appId: z.number().optional(), scopes: z.array(z.string()) }).passthrough();
export type HubSpotTokenInfo = z.infer<typeof tokenInfoAnswer>;

/**
 * Reads what a pasted token is before it is kept: "POST /oauth/v2/private-apps/get/access-token-info"
 * with { tokenKey } answers the account (hubId), the app and its scopes (Private apps,
 * https://developers.hubspot.com/docs/api/private-apps). Null when HubSpot does not know the token.
 */
export async function readTokenInfo(fetchImpl: FetchLike, baseUrl: string, token: string, timeoutMs: number): Promise<HubSpotTokenInfo | null> {
  const response = await exchange(
    fetchImpl,
    new URL('/oauth/v2/private-apps/get/access-token-info', baseUrl).toString(),
    { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ tokenKey: token }) },
    timeoutMs,
    new AbortController().signal,
  );
  if (response.status === 400 || response.status === 401 || response.status === 404) return null;
  if (response.status < 200 || response.status >= 300) throw new SyncRequestError('transient', `HTTP_${response.status}`, `HubSpot answered ${response.status}`);
  const parsed = tokenInfoAnswer.safeParse(JSON.parse(response.text || 'null'));
  if (!parsed.success) throw new SyncRequestError('transient', 'MALFORMED', 'HubSpot answered the token check with an unexpected body');
  return parsed.data;
}
