import type { FailureKind } from '../types';

/**
 * kintone's error body (kintone REST APIの共通仕様:
 * https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview): { code, id,
 * message } and, for a validation error, `errors` by parameter path
 * ("records[3].record.数値.value": { messages: [...] }). A bulkRequest that failed answers
 * { results: [...] } with the failed request's own body in its place and {} elsewhere
 * (https://cybozu.dev/ja/kintone/docs/rest-api/records/bulk-request).
 */
export interface KintoneErrorBody {
  code?: string;
  id?: string;
  message?: string;
  errors?: Record<string, { messages?: string[] }>;
}

/**
 * Codes that say the token cannot do this, whatever the record: another app's token or a revoked
 * one (GAIA_IA02), a token without the permission the API needs (GAIA_NO01), no authentication
 * (CB_AU01), no access (CB_NO02), an app id that does not exist (GAIA_AP01). A person must fix the
 * token or the settings; nothing is wrong with the record.
 */
const permissionCodes: ReadonlySet<string> = new Set(['GAIA_IA02', 'GAIA_NO01', 'CB_AU01', 'CB_NO02', 'GAIA_AP01']);

/**
 * How Koma handles what kintone answered: transient (429 over the domain's 100 concurrent
 * requests, 503 maintenance, 5xx and kintone's 520 without a known code: retried with backoff),
 * permission (held until the token or the app is fixed: the engine's 'auth') and invalid (a value
 * the app refuses, CB_VA01 and other 4xx: waits in "needs attention" with kintone's message).
 */
export function classifyKintoneError(status: number, code: string | null): FailureKind {
  if (code !== null && permissionCodes.has(code)) return 'auth';
  if (status === 401) return 'auth';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  return 'permanent';
}

/** The record of a request a validation error names ("records[3].record.…" → 3), or null. */
export function recordIndexOf(body: KintoneErrorBody): number | null {
  for (const key of Object.keys(body.errors ?? {})) {
    const match = /^records\[(\d+)\]/.exec(key);
    if (match) return Number(match[1]);
  }
  return null;
}

/** kintone's message with the fields it names, for "needs attention" and the log. */
export function describeKintoneError(status: number, body: KintoneErrorBody): string {
  const details = Object.entries(body.errors ?? {})
    .map(([path, e]) => `${path}: ${(e.messages ?? []).join(' ')}`)
    .join('; ');
  return `kintone: ${body.code ?? `HTTP ${status}`}: ${body.message ?? 'no reason given'}${details ? ` (${details})` : ''}${body.id ? ` [id ${body.id}]` : ''}`;
}
