import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../shared/contract/sync';
import { tableCounts } from '../helpers/tempBackend';
import { logCall, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, salesforceSettingsFor, type SyncHarness } from '../fakes/syncHarness';

let h: SyncHarness;
afterEach(async () => h?.close());

const db = () => h.backend.context.db;
const snapshot = () => ({
  counts: tableCounts(h.backend),
  outbox: db().prepare('SELECT * FROM outbox ORDER BY seq').all(),
  settings: db().prepare('SELECT * FROM settings ORDER BY key').all(),
  state: db().prepare('SELECT * FROM sync_state ORDER BY key').all(),
});

describe('the sync commands', () => {
  it('report a store with no connector', async () => {
    h = await createSyncHarness({ configure: false });
    expect(await h.call('sync.status', {})).toEqual({
      connector: 'none',
      configured: false,
      signedIn: false,
      signingIn: false,
      online: true,
      paused: null,
      pending: 0,
      attention: 0,
      conflicts: 0,
      lastSuccessAt: null,
      lastError: null,
      nextAttemptAt: null,
      apiUsage: null,
    });
    expect(await h.call('sync.settings.get', {})).toEqual({ settings: defaultSyncSettings, webhookSecretHint: null, hubspotTokenHint: null, kintoneTokenHints: { leads: null, calls: null, handoffs: null }, callbackUrl: 'http://127.0.0.1:17170/callback' });
    expect(await h.backend.sync.engine.runOnce()).toBe('no_connector');
  });

  it('save and read back the org’s own field names', async () => {
    h = await createSyncHarness();
    const settings = salesforceSettingsFor(h.fake);
    settings.salesforce.externalIdField = 'Koma_External_Id__c';
    settings.salesforce.opportunity.fields.budgetAmount = 'Budget__c';
    settings.salesforce.lead.statuses.recycled = 'Open - Nurture';
    settings.quotaPercent = 2.5;
    const saved = await h.call('sync.settings.save', { settings });
    expect(saved.settings).toEqual(settings);
    expect((await h.call('sync.settings.get', {})).settings).toEqual(settings);
  });

  it.each([
    ['an unknown field', 'sync.status', { verbose: true }],
    ['an unknown state', 'sync.items', { state: 'done' }],
    ['neither ids nor all', 'sync.retry', {}],
    ['an empty id list', 'sync.retry', { ids: [] }],
    ['all: false', 'sync.retry', { all: false }],
    ['both ids and all', 'sync.retry', { ids: ['a'], all: true }],
    ['an empty patch', 'sync.editPayload', { id: 'x', patch: {} }],
    ['a path that is not a field path', 'sync.editPayload', { id: 'x', patch: { 'notes-1': 'x' } }],
    ['an object value', 'sync.editPayload', { id: 'x', patch: { notes: { nested: true } } }],
    ['an unknown connector', 'sync.settings.save', { settings: { ...defaultSyncSettings, connector: 'zoho' } }],
    ['a plain-http webhook URL', 'sync.settings.save', { settings: { ...defaultSyncSettings, webhook: { url: 'http://hooks.example.com/koma' } } }],
    ['a zero quota', 'sync.settings.save', { settings: { ...defaultSyncSettings, quotaPercent: 0 } }],
    ['a field name that is not an API name', 'sync.settings.save', { settings: { ...defaultSyncSettings, salesforce: { ...defaultSyncSettings.salesforce, externalIdField: 'Koma_Id__c; DELETE' } } }],
    ['a plain-http login URL', 'sync.settings.save', { settings: { ...defaultSyncSettings, salesforce: { ...defaultSyncSettings.salesforce, loginUrl: 'http://login.salesforce.com' } } }],
    ['a secret not in whsec_ form', 'sync.settings.save', { settings: defaultSyncSettings, webhookSecret: 'not-a-secret' }],
    ['an unknown setting', 'sync.settings.save', { settings: { ...defaultSyncSettings, extra: 1 } }],
    ['an unknown choice', 'sync.resolveConflict', { id: 'x', keep: 'both' }],
    ['a login URL from the caller', 'sync.signIn', { loginUrl: 'https://evil.example.com' }],
  ])('refuses %s (%s) and changes nothing', async (_label, command, payload) => {
    h = await createSyncHarness();
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    const before = snapshot();
    const error = await h.callError(command, payload);
    expect(error.code).toBe('invalid_input');
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(h.dataDir, 'secrets.enc'))).toBe(false);
  });

  it('list pending and attention items with a summary, in order', async () => {
    h = await createSyncHarness();
    seedSyncLeads(h, 2);
    await logCall(h, 'lead-0000', 'busy');
    await h.call('lead.exclude', { leadId: 'lead-0001', reason: 'student' });
    const { items, total } = await h.call('sync.items', { state: 'all' });
    expect(total).toBe(3);
    expect(items.map((i) => i.summary)).toEqual(['山田 太郎0: status working', expect.stringMatching(/^山田 太郎0: call, busy \(/), '山田 太郎1: status excluded (student)']);
    expect(items.every((i) => i.state === 'pending' && i.attempts === 0)).toBe(true);
    expect(items[2]!.editable.map((e) => e.path)).toEqual(['recycleReason', 'recycleUntil', 'excludeReason', 'note']);
    expect((await h.call('sync.items', { state: 'attention' })).items).toEqual([]);
  });

  it('edit only what the rep may correct, and only on an item that needs attention', async () => {
    h = await createSyncHarness();
    seedSyncLeads(h, 1);
    await h.signIn();
    await logCall(h, 'lead-0000', 'connected', 'NG');
    const callItem = () => h.outbox().find((r) => r.entity === 'call')!;
    expect((await h.callError('sync.editPayload', { id: callItem().id, patch: { notes: 'OK' } })).code).toBe('conflict');

    h.fake.addFaults({ kind: 'validation', sobject: 'Task', count: 10 });
    await h.backend.sync.engine.runOnce({ pull: 'skip' });
    expect(callItem().state).toBe('attention');
    const before = snapshot();
    for (const patch of [{ leadId: 'other' }, { id: 'other' }, { leadCrmId: '00Q000000000009AAA' }, { noSuchField: 'x' }, { outcome: 'maybe' }, { durationSec: -5 }]) {
      expect((await h.callError('sync.editPayload', { id: callItem().id, patch })).code).toBe('invalid_input');
    }
    expect((await h.callError('sync.editPayload', { id: 'missing', patch: { notes: 'x' } })).code).toBe('not_found');
    expect(snapshot()).toEqual(before);

    const edited = await h.call('sync.editPayload', { id: callItem().id, patch: { notes: 'OK', outcome: 'voicemail' } });
    expect(edited).toMatchObject({ state: 'pending', summary: expect.stringContaining('call, voicemail') });
    expect(edited.editable).toEqual(expect.arrayContaining([{ path: 'notes', value: 'OK' }]));
  });

  it('“sync now” makes waiting retries due and lifts a request-limit pause', async () => {
    h = await createSyncHarness();
    seedSyncLeads(h, 1);
    await h.signIn();
    await logCall(h, 'lead-0000');
    h.fake.addFaults({ kind: 'status503', retryAfter: 600 });
    await h.backend.sync.engine.runOnce({ pull: 'skip' });
    expect((await h.call('sync.status', {})).nextAttemptAt).toBe(new Date(h.clock.now().getTime() + 600_000).toISOString());
    h.fake.addFaults({ kind: 'requestLimit' });
    h.clock.advance(600_000);
    await h.backend.sync.engine.runOnce({ pull: 'skip' });
    expect((await h.call('sync.status', {})).paused?.reason).toBe('request_limit');

    const status = await h.call('sync.now', {});
    expect(status).toMatchObject({ paused: null, nextAttemptAt: null, pending: 2 });
    await h.backend.sync.engine.runOnce();
    expect(await h.call('sync.status', {})).toMatchObject({ pending: 0, lastSuccessAt: h.clock.now().toISOString() });
  });
});

describe('migration 0005-sync', () => {
  it('adds the sync tables and outbox columns, and allows one open conflict per lead', async () => {
    h = await createSyncHarness({ configure: false });
    seedSyncLeads(h, 1);
    const tables = (db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['sync_conflicts', 'sync_lead_base', 'sync_state']);
    const columns = (db().prepare('PRAGMA table_info(outbox)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['done_at', 'crm_id', 'superseded_by']));
    const insert = db().prepare("INSERT INTO sync_conflicts (id, lead_id, crm_id, local, crm, state, created_at, updated_at) VALUES (?, 'lead-0000', 'x', '{}', '{}', ?, 'now', 'now')");
    insert.run('a', 'open');
    insert.run('b', 'kept_local');
    expect(() => insert.run('c', 'open')).toThrow(/UNIQUE/);
    const plan = db().prepare("EXPLAIN QUERY PLAN SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/outbox_due|outbox_pending/);
  });
});

describe('the background loop', () => {
  const waitFor = async (condition: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 400; i++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('timed out');
  };

  it('sends what the rep does without being asked, and wakes at once on “sync now”', async () => {
    h = await createSyncHarness({ sync: { idleMs: 20 } });
    seedSyncLeads(h, 2);
    await h.signIn();
    h.backend.startSync();
    await logCall(h, 'lead-0000');
    await waitFor(async () => (await h.call('sync.status', {})).pending === 0);
    expect(h.fake.records('Task')).toHaveLength(1);

    h.fake.addFaults({ kind: 'status503', retryAfter: 3600, on: 'upsert' });
    await logCall(h, 'lead-0001');
    await waitFor(() => h.outbox().some((r) => r.attempts === 1 && r.state === 'pending'));
    await h.call('sync.now', {});
    await waitFor(async () => (await h.call('sync.status', {})).pending === 0);
    expect(h.fake.records('Task')).toHaveLength(2);
  });

  it('closing abandons the request in flight: nothing is written after close, and the items are sent after a restart', async () => {
    h = await createSyncHarness({ sync: { idleMs: 20, requestTimeoutMs: 10_000 } });
    seedSyncLeads(h, 1);
    await h.signIn();
    h.fake.addFaults({ kind: 'hang' });
    h.backend.startSync();
    await logCall(h, 'lead-0000');
    await waitFor(() => h.fake.stats().apiRequests > 0);
    h.backend.close();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const dataDir = h.dataDir;
    await h.close({ keepData: true, keepFake: true });
    const fake = h.fake;
    h = await createSyncHarness({ fake, dataDir, configure: false, idPrefix: 'again' });
    expect(h.outbox().map((r) => [r.state, r.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
    await h.settle();
    expect(h.fake.records('Task')).toHaveLength(1);
    await fake.close();
  });
});
