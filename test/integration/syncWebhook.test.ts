import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../shared/contract/sync';
import { logCall, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;

interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let h: SyncHarness;
let server: Server;
let url: string;
let deliveries: Delivery[];
/** The receiver's answers, in order; 200 once they run out. */
let answers: { status: number; headers?: Record<string, string>; body?: string }[];

beforeEach(async () => {
  deliveries = [];
  answers = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.shift() ?? { status: 200 };
      res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/koma`;
  h = await createSyncHarness({ configure: false });
  await h.call('sync.settings.save', { settings: { ...defaultSyncSettings, connector: 'webhook', webhook: { url } }, webhookSecret: secret });
  seedSyncLeads(h, 2);
});

afterEach(async () => {
  await h.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const engine = () => h.backend.sync.engine;

/** The receiving side, written from the Standard Webhooks spec rather than from Koma's code. */
function verify(delivery: Delivery, nowSeconds: number, toleranceSeconds = 300): boolean {
  const id = String(delivery.headers['webhook-id']);
  const timestamp = Number(delivery.headers['webhook-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const key = Buffer.from(secret.split('_')[1]!, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${delivery.body}`).digest();
  return String(delivery.headers['webhook-signature'])
    .split(' ')
    .some((candidate) => {
      const [version, signature] = candidate.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

describe('the signed webhook', () => {
  it('posts each item as JSON signed over id, timestamp and body, with its id as the idempotency key', async () => {
    const call = await logCall(h, 'lead-0000', 'connected', '資料送付');
    await engine().runOnce();

    expect(deliveries).toHaveLength(2);
    const rows = h.outbox();
    const now = Math.floor(h.clock.now().getTime() / 1000);
    deliveries.forEach((d, i) => {
      expect(verify(d, now)).toBe(true);
      expect(d.headers['webhook-id']).toBe(rows[i]!.id);
      expect(d.headers['idempotency-key']).toBe(rows[i]!.id);
      expect(d.headers['content-type']).toBe('application/json');
    });
    const body = JSON.parse(deliveries[1]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'call.upsert', id: rows[1]!.id, entity: 'call', entityId: call.callId, op: 'upsert', data: { outcome: 'connected', notes: '資料送付' } });
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({ type: 'lead.status', entity: 'lead', entityId: 'lead-0000', data: { status: 'working' } });
    expect(rows.every((r) => r.state === 'done')).toBe(true);

    // Tampering with the body, or replaying it outside the window, fails verification.
    expect(verify({ ...deliveries[1]!, body: deliveries[1]!.body.replace('資料送付', '資料未送付') }, now)).toBe(false);
    expect(verify(deliveries[1]!, now + 301)).toBe(false);
  });

  it('documents the envelope it sends as a JSON Schema', async () => {
    await logCall(h, 'lead-0000');
    await engine().runOnce();
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../docs/sync-webhook.schema.json', import.meta.url)), 'utf8')) as {
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    for (const d of deliveries) {
      const body = JSON.parse(d.body) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(Object.keys(schema.properties).sort());
      expect(schema.required.every((k) => k in body)).toBe(true);
    }
    expect(schema.additionalProperties).toBe(false);
    const docs = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    expect(docs).toMatch(/replay window/i);
  });

  it('delivers a follow-up mail once as followup.upsert, with every field its schema requires', async () => {
    const { callId } = await logCall(h, 'lead-0000', 'connected', '資料送付の依頼');
    const { id } = await h.call('followup.record', {
      leadId: 'lead-0000',
      callId,
      templateId: 'materials',
      kind: 'materials',
      subject: '【資料送付】ご案内資料をお送りします',
      body: '本日はありがとうございました。',
      channel: 'eml',
    });
    await h.settle();
    await h.settle();
    const followups = deliveries.map((d) => JSON.parse(d.body) as { type: string; entityId: string; data: Record<string, unknown> }).filter((b) => b.type === 'followup.upsert');
    expect(followups).toHaveLength(1);
    expect(followups[0]).toMatchObject({ entityId: id, data: { id, callId, kind: 'materials', channel: 'eml', to: null, dueAt: null, leadId: 'lead-0000' } });
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../docs/sync-webhook.schema.json', import.meta.url)), 'utf8')) as { $defs: { followup: { required: string[]; properties: Record<string, unknown> } } };
    expect(Object.keys(followups[0]!.data).sort()).toEqual([...schema.$defs.followup.required].sort());
    expect(Object.keys(schema.$defs.followup.properties).sort()).toEqual([...schema.$defs.followup.required].sort());
  });

  it('retries 429 and 5xx (honouring Retry-After), holds other 4xx for attention', async () => {
    await logCall(h, 'lead-0000');
    await logCall(h, 'lead-0001');
    answers = [{ status: 200 }, { status: 400, body: '{"error":"unknown lead"}' }, { status: 429, headers: { 'Retry-After': '90' } }];
    const start = h.clock.now().getTime();
    await engine().runOnce();

    const rows = h.outbox();
    expect(rows.map((r) => r.state)).toEqual(['done', 'attention', 'pending', 'pending']);
    expect(rows[1]!.last_error).toBe('HTTP 400: {"error":"unknown lead"}');
    // The receiver is struggling: the rest wait with the item it refused for now.
    expect(deliveries).toHaveLength(3);
    for (const r of rows.slice(2)) expect(Date.parse(r.next_attempt_at!) - start).toBeGreaterThanOrEqual(90_000);

    answers = [{ status: 503 }];
    h.clock.advance(90_000);
    await engine().runOnce();
    expect(h.outbox()[2]).toMatchObject({ state: 'pending', attempts: 2, last_error: 'HTTP 503' });
    await h.settle();
    expect(h.outbox().map((r) => r.state)).toEqual(['done', 'attention', 'done', 'done']);
    // A redelivery carries the same id, so the receiver can drop a repeat.
    const ids = deliveries.map((d) => d.headers['webhook-id']);
    expect(ids.filter((id) => id === h.outbox()[2]!.id)).toHaveLength(3);
  });

  it('goes offline while the receiver cannot be reached', async () => {
    await logCall(h, 'lead-0000');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await engine().runOnce();
    expect(await h.call('sync.status', {})).toMatchObject({ online: false, pending: 2 });
    expect(h.outbox()[0]!.last_error).toMatch(/^Cannot reach 127\.0\.0\.1/);
    server.listen(Number(new URL(url).port), '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    await h.settle();
    expect(await h.call('sync.status', {})).toMatchObject({ online: true, pending: 0 });
  });

  it('keeps the secret out of the database and shows only a hint', async () => {
    const view = await h.call('sync.settings.get', {});
    expect(view.webhookSecretHint).toBe(`whsec_…${secret.slice(-4)}`);
    const stored = h.backend.context.db.prepare("SELECT group_concat(value) AS v FROM (SELECT value FROM settings UNION ALL SELECT value FROM sync_state)").get() as { v: string };
    expect(stored.v).not.toContain(secret.slice(6));
    expect(readFileSync(`${h.dataDir}/koma.sqlite3`).includes(Buffer.from(secret.slice(6)))).toBe(false);

    await h.call('sync.settings.save', { settings: view.settings, webhookSecret: null });
    expect(await h.call('sync.status', {})).toMatchObject({ connector: 'webhook', configured: false });
    expect(await engine().runOnce()).toBe('not_ready');
  });
});
