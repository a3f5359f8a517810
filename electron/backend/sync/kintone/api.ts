import { z } from 'zod';
import type { KintoneApp } from '../../../../shared/contract/sync';
import type { Clock } from '../../../../shared/domain/clock';
import { exchange, parseRetryAfter, type FetchLike } from '../http';
import type { QuotaMeter } from '../quota';
import { SyncRequestError } from '../types';
import { classifyKintoneError, describeKintoneError, type KintoneErrorBody } from './errors';

const errorBody = z
  .object({
    code: z.string().optional(),
    id: z.string().optional(),
    message: z.string().optional(),
    errors: z.record(z.string(), z.object({ messages: z.array(z.string()).optional() }).passthrough()).optional(),
  })
  .passthrough();
const bulkFailure = z.object({ results: z.array(z.union([errorBody, z.object({}).passthrough()])) }).passthrough();

/**
 * A request kintone answered with an error. `index` is the failed request of a bulkRequest (the
 * others were rolled back with it); `apps` the apps whose tokens the request carried.
 */
export class KintoneRefusal extends SyncRequestError {
  constructor(
    kind: 'transient' | 'auth' | 'permanent',
    readonly status: number,
    readonly body: KintoneErrorBody,
    readonly index: number | null,
    retryAfterMs: number | undefined,
  ) {
    super(kind, body.code ?? `HTTP_${status}`, describeKintoneError(status, body), retryAfterMs);
    this.name = 'KintoneRefusal';
  }
}

export interface KintoneApiDeps {
  baseUrl: () => string;
  token: (app: KintoneApp) => Promise<string | null>;
  meter: QuotaMeter;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
}

const appNames: Record<KintoneApp, string> = { leads: 'leads (リード)', calls: 'call log (架電履歴)', handoffs: 'handoff (トスアップ)' };

/**
 * kintone's REST API over fetch with API tokens: "X-Cybozu-API-Token" carries the token of every
 * app a request touches, comma-separated (複数APIトークンを使ってできること:
 * https://cybozu.dev/ja/kintone/miscellaneous/archive-tips/multiple-api-token-capabilities). Every
 * request is counted in Koma's daily share before it is sent. kintone reports no daily usage in its
 * answers and does not refuse past the per-app daily count (it mails the admin), so the share is
 * counted and shown, and nothing pauses on it.
 */
export class KintoneApi {
  constructor(private readonly deps: KintoneApiDeps) {}

  async request(method: 'GET' | 'PUT' | 'POST', path: string, apps: readonly KintoneApp[], body: unknown, signal: AbortSignal, query?: URLSearchParams): Promise<unknown> {
    const tokens: string[] = [];
    for (const app of new Set(apps)) {
      const token = await this.deps.token(app);
      if (!token) throw new SyncRequestError('auth', 'NO_TOKEN', `Paste the API token of the kintone ${appNames[app]} app in Settings → CRM connection.`);
      tokens.push(token);
    }
    this.deps.meter.beforeRequest();
    const url = new URL(path, this.deps.baseUrl());
    if (query) url.search = query.toString();
    const response = await exchange(
      this.deps.fetch,
      url.toString(),
      {
        method,
        headers: { 'X-Cybozu-API-Token': tokens.join(','), Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      this.deps.timeoutMs,
      signal,
    );
    let json: unknown = null;
    try {
      json = response.text ? JSON.parse(response.text) : null;
    } catch {
      if (response.status >= 200 && response.status < 300) throw new SyncRequestError('transient', 'MALFORMED', `kintone answered ${response.status} with a body that is not JSON`);
    }
    if (response.status >= 200 && response.status < 300) return json;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.deps.clock.now());
    let err: KintoneErrorBody = {};
    let index: number | null = null;
    const bulk = bulkFailure.safeParse(json);
    if (bulk.success) {
      index = bulk.data.results.findIndex((r) => typeof (r as KintoneErrorBody).code === 'string' || typeof (r as KintoneErrorBody).message === 'string');
      err = index >= 0 ? (bulk.data.results[index] as KintoneErrorBody) : {};
      if (index < 0) index = null;
    } else {
      const parsed = errorBody.safeParse(json);
      if (parsed.success) err = parsed.data;
    }
    throw new KintoneRefusal(classifyKintoneError(response.status, err.code ?? null), response.status, err, index, retryAfterMs);
  }
}
