import { SyncAbortedError, SyncRequestError } from './types';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The connection was reset or closed under the request (not refused, not timed out). On a kept-alive
 * socket that the server or a proxy had already closed, this is routine and says nothing about the
 * network: a caller whose request is idempotent sends it once more before calling the network offline.
 */
export class ConnectionResetError extends SyncRequestError {
  constructor(message: string) {
    super('transient', 'NETWORK', message);
    this.name = 'ConnectionResetError';
  }
}

/** undici reports a socket closed under it as UND_ERR_SOCKET ("other side closed"); the OS as ECONNRESET or EPIPE. */
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isReset(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  return resetCodes.has(code);
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP exchange with a deadline. Whatever goes wrong below HTTP becomes a transient
 * SyncRequestError the engine understands (NETWORK: refused, reset, dropped mid-response; TIMEOUT:
 * no answer in time); an abort from the engine's own stop becomes SyncAbortedError so nothing is
 * recorded for a request whose outcome nobody waited for. The body is read inside the deadline too:
 * a connection dropped after the headers is as unknown an outcome as one dropped before.
 */
export async function exchange(fetchImpl: FetchLike, url: string, init: RequestInit, timeoutMs: number, stop: AbortSignal): Promise<HttpResponse> {
  if (stop.aborted) throw new SyncAbortedError();
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([stop, deadline]);
  try {
    const response = await fetchImpl(url, { ...init, signal, redirect: 'manual' });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (stop.aborted) throw new SyncAbortedError();
    if (deadline.aborted) throw new SyncRequestError('transient', 'TIMEOUT', `No answer from ${new URL(url).host} within ${timeoutMs} ms`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const message = `Cannot reach ${new URL(url).host}${cause || (error instanceof Error ? `: ${error.message}` : '')}`;
    throw isReset(error) ? new ConnectionResetError(message) : new SyncRequestError('transient', 'NETWORK', message);
  }
}

/** Retry-After in delta-seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
