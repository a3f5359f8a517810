import type { OutboxEntity } from '../app/outbox/enqueue';

/** One outbox row as the sync engine hands it to a connector. */
export interface OutboxItem {
  seq: number;
  /** Koma's own id for this change: the idempotency key. */
  id: string;
  entity: OutboxEntity;
  entityId: string;
  op: string;
  payload: unknown;
  attempts: number;
}

/**
 * How a failure is handled: transient ones retry with backoff (network, timeout, 5xx, 429,
 * UNABLE_TO_LOCK_ROW); auth refreshes the token once and then asks the rep to sign in; permanent
 * ones (validation, missing field) wait in "needs attention" with the CRM's message.
 */
export type FailureKind = 'transient' | 'auth' | 'permanent';

export type ItemResult =
  | { id: string; ok: true; crmId: string | null }
  | { id: string; ok: false; kind: FailureKind; code: string; message: string };

export interface BatchResult {
  /** One per item sent, by item id; an item with no result is treated as transient. */
  results: ItemResult[];
  /** From Retry-After: wait at least this long before the next request. */
  retryAfterMs?: number;
  /** From Salesforce's Sforce-Limit-Info header (api-usage=used/max). */
  apiUsage?: { used: number; max: number };
}

/** A whole request failed (no per-item results): network down, 5xx, 401, REQUEST_LIMIT_EXCEEDED. */
export class SyncRequestError extends Error {
  constructor(
    readonly kind: FailureKind | 'limit',
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncRequestError';
  }
}

export interface Connector {
  readonly name: 'salesforce' | 'webhook';
  /** Salesforce sObject Collections take up to 200 records per request. */
  readonly maxBatch: number;
  send(items: readonly OutboxItem[], signal: AbortSignal): Promise<BatchResult>;
}
