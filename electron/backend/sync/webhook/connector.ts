import type { Clock } from '../../../../shared/domain/clock';
import { classifyResponse } from '../classify';
import { exchange, parseRetryAfter, type FetchLike } from '../http';
import { SyncRequestError, type BatchResult, type Connector, type ItemResult, type OutboxItem } from '../types';
import { signWebhook } from './signature';

export interface WebhookConnectorDeps {
  url: () => string | null;
  secret: () => Promise<string | null>;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
  userAgent: string;
}

/** Webhook items go one per request; a batch is just how many the engine hands over per run. */
export const webhookBatch = 20;

/** The JSON body of one delivery; docs/sync-webhook.schema.json describes it. */
export function webhookEnvelope(item: OutboxItem): Record<string, unknown> {
  return {
    type: `${item.entity}.${item.op}`,
    id: item.id,
    sequence: item.seq,
    entity: item.entity,
    entityId: item.entityId,
    op: item.op,
    createdAt: item.createdAt,
    data: item.payload,
  };
}

/**
 * Delivers outbox items to any system as signed JSON POSTs (Standard Webhooks): one item per
 * request, webhook-id and Idempotency-Key both the item's id, so a receiver that saw an id before
 * can ignore the repeat. 2xx is confirmed; 408/429/5xx retry (Retry-After honoured); any other
 * answer needs attention, with the receiver's status and the start of its body as the message.
 */
export function createWebhookConnector(deps: WebhookConnectorDeps): Connector {
  async function deliver(item: OutboxItem, url: string, secret: string, signal: AbortSignal): Promise<ItemResult> {
    const body = JSON.stringify(webhookEnvelope(item));
    const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
    const response = await exchange(
      deps.fetch,
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': deps.userAgent,
          'webhook-id': item.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(secret, item.id, timestamp, body),
          'Idempotency-Key': item.id,
        },
        body,
      },
      deps.timeoutMs,
      signal,
    );
    const kind = classifyResponse(response.status, null, false);
    if (kind === 'ok') return { id: item.id, ok: true, crmId: null };
    const message = `HTTP ${response.status}${response.text ? `: ${response.text.slice(0, 300)}` : ''}`;
    if (kind === 'transient') throw new SyncRequestError('transient', `HTTP_${response.status}`, message, parseRetryAfter(response.headers.get('retry-after'), deps.clock.now()));
    return { id: item.id, ok: false, kind: 'permanent', code: `HTTP_${response.status}`, message };
  }

  return {
    name: 'webhook',
    maxBatch: webhookBatch,
    ready: async () => deps.url() !== null && (await deps.secret()) !== null,
    async send(items, signal): Promise<BatchResult> {
      const url = deps.url();
      const secret = await deps.secret();
      if (!url || !secret) throw new SyncRequestError('auth', 'NOT_CONFIGURED', 'Set the webhook URL and secret in the sync settings.');
      const results: ItemResult[] = [];
      for (const item of items) {
        try {
          results.push(await deliver(item, url, secret, signal));
        } catch (error) {
          if (!(error instanceof SyncRequestError)) throw error;
          // The receiver is struggling or unreachable: stop here, the rest wait with this one.
          return { results, stopped: error, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
        }
      }
      return { results };
    },
  };
}
