import { appErrorSchema, type Result } from '../../../shared/contract';
import type { RendererSend } from './client';
import type { TransportAppError } from './commandError';

export interface HttpTransportOptions {
  fetch: typeof fetch;
  /** The per-launch secret browser mode printed in its URL; null when the page was opened without it. */
  token: () => string | null;
  /** Prefix of the API, '' for the same origin that served the page. */
  baseUrl?: string;
}

function failure(error: TransportAppError): Result<never> {
  return { ok: false, error };
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  return body.ok === false && 'error' in body && appErrorSchema.safeParse(body.error).success;
}

/**
 * Browser mode: `POST /api/<command>` with the input as JSON and the launch token as a bearer token.
 * Every failure comes back as a Result so the client has one error path. A request whose signal
 * aborts is cancelled (fetch closes it; the client then rejects with the AbortError).
 */
export function createHttpSend(options: HttpTransportOptions): RendererSend {
  const baseUrl = options.baseUrl ?? '';
  return async (command, input, sendOptions) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const token = options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await options.fetch(`${baseUrl}/api/${encodeURIComponent(command)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        ...(sendOptions?.signal ? { signal: sendOptions.signal } : {}),
      });
    } catch {
      return failure({
        code: 'internal',
        hint: 'backend_unreachable',
        message: 'No answer from Koma on this address: Koma is not running.',
      });
    }
    if (response.status === 403) {
      return failure({
        code: 'unauthorized',
        message: 'Koma refused this page’s access token (it was opened from an earlier start of Koma).',
      });
    }
    if (response.status !== 200) {
      return failure({
        code: 'internal',
        message: `The Koma backend answered ${response.status} ${response.statusText}`.trim(),
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure({ code: 'internal', message: 'The Koma backend sent a response that is not JSON.' });
    }
    if (!isResult(body)) {
      return failure({ code: 'internal', message: 'The Koma backend sent a response in an unknown shape.' });
    }
    return body;
  };
}
