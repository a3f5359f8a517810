import { afterEach, expect, it } from 'vitest';
import { logCall, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

let h: SyncHarness;
afterEach(async () => h?.close());

it('passes on a complete org: every item ok, nothing paused', async () => {
  h = await createSyncHarness();
  await h.signIn();
  const check = await h.call('sync.setupCheck', {});
  expect(check.items.filter((i) => !i.ok)).toEqual([]);
  expect(check.ok).toBe(true);
  expect(check.items.map((i) => i.id)).toEqual(expect.arrayContaining(['apiVersion', 'externalId:Task', 'object:Opportunity', 'convertedStatus', 'convertPermission', 'apiLimit', 'picklist:Opportunity.StageName=Qualification']));
  expect(check.items.find((i) => i.id === 'externalId:Task')).toMatchObject({ object: 'Activity', field: 'Koma_Id__c' });
  expect((await h.call('sync.status', {})).paused).toBeNull();
});

it('lists what an org without Koma’s fields lacks, pauses sync instead of filling "needs attention", and resumes once the admin fixed it', async () => {
  h = await createSyncHarness({ fakeOptions: { komaFields: false, convertLeads: false, stageNames: ['Prospecting', 'Closed Won', 'Closed Lost'] } });
  seedSyncLeads(h, 1);
  await h.signIn();
  const check = await h.call('sync.setupCheck', {});
  expect(check.ok).toBe(false);
  const failing = check.items.filter((i) => !i.ok).map((i) => `${i.id} ${i.problem}`);
  expect(failing).toEqual(
    expect.arrayContaining([
      'externalId:Lead missing',
      'externalId:Account missing',
      'externalId:Contact missing',
      'externalId:Opportunity missing',
      'externalId:Task missing',
      'field:Opportunity.Koma_Budget_Status__c missing',
      'field:Lead.Koma_Recycle_Until__c missing',
      'picklist:Opportunity.StageName=Qualification noValue',
      'convertPermission denied',
    ]),
  );
  const status = await h.call('sync.status', {});
  expect(status.paused).toMatchObject({ reason: 'setup_incomplete', until: null });

  await logCall(h, 'lead-0000');
  await h.backend.sync.engine.drain();
  expect(h.outbox().every((r) => r.state === 'pending')).toBe(true);
  expect(h.fake.stats().upserts).toEqual({});

  h.fake.setOptions({ komaFields: true, convertLeads: true, stageNames: undefined });
  const again = await h.call('sync.setupCheck', {});
  expect(again.ok).toBe(true);
  expect((await h.call('sync.status', {})).paused).toBeNull();
  await h.settle();
  expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
});

it('names a mapped field of the wrong type', async () => {
  h = await createSyncHarness({ fakeOptions: { unknownFields: { Opportunity: ['Koma_BANT_Confirmed__c'] } } });
  await h.signIn();
  const check = await h.call('sync.setupCheck', {});
  expect(check.items.find((i) => i.id === 'field:Opportunity.Koma_BANT_Confirmed__c')).toMatchObject({ ok: false, problem: 'missing', expected: 'boolean' });
});

it('refuses to check before sign-in, in words', async () => {
  h = await createSyncHarness();
  const error = await h.callError('sync.setupCheck', {});
  expect(error.message).toContain('Sign in to Salesforce first');
});

it('runs by itself right after sign-in: an org without Koma’s fields holds back what was queued, with the banner, before a single write', async () => {
  h = await createSyncHarness({ fakeOptions: { komaFields: false } });
  seedSyncLeads(h, 1);
  // Calls logged before the rep connected Salesforce wait in the outbox.
  await logCall(h, 'lead-0000');
  await h.signIn();
  const status = await h.call('sync.status', {});
  expect(status).toMatchObject({ signedIn: true, paused: { reason: 'setup_incomplete', until: null } });
  expect(status.paused!.message).toMatch(/required item\(s\) of the Salesforce setup are missing/);
  // Settings lists that check without reading the org again.
  const queries = h.fake.stats().apiRequests;
  const last = await h.call('sync.setupCheck.last', {});
  expect(last?.items.filter((i) => i.required && !i.ok).map((i) => i.id)).toContain('externalId:Task');
  expect(h.fake.stats().apiRequests).toBe(queries);
  await h.backend.sync.engine.drain();
  expect(h.fake.stats().upserts).toEqual({});
  expect(h.outbox().filter((r) => r.state === 'attention')).toEqual([]);

  h.fake.setOptions({ komaFields: true });
  expect((await h.call('sync.setupCheck', {})).ok).toBe(true);
  await h.settle();
  expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
});

/** A call queued before the rep signs in, then the sign-in (with its setup check) on a complete org. */
async function callThenSignIn(beforeSignIn: () => void = () => undefined) {
  h = await createSyncHarness();
  seedSyncLeads(h, 1);
  await logCall(h, 'lead-0000');
  beforeSignIn();
  await h.signIn();
}

it('runs by itself right after sign-in on a complete org, and sync goes on', async () => {
  await callThenSignIn();
  // The org was read the way the check reads it: each object's describe, its LeadStatus and the rep's permissions.
  expect(h.fake.stats()).toMatchObject({ describes: 5, queries: 2, upserts: {} });
  expect((await h.call('sync.status', {})).paused).toBeNull();
  await h.settle();
  expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
});

it('does not hold sync back when the check after sign-in cannot run', async () => {
  // The check's first query (the converted Lead Status) fails; sending does not depend on the check.
  await callThenSignIn(() => h.fake.addFaults({ kind: 'status500', count: 1, on: 'query' }));
  expect((await h.call('sync.status', {})).paused).toBeNull();
  await h.settle();
  expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
});

it('holds everything while the org is being read after sign-in, and says so (setup_checking)', async () => {
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  h = await createSyncHarness({
    sync: {
      // The check's first describe waits until the test has looked: a state to wait on, not a time.
      fetch: async (input, init) => {
        if (input.includes('/describe')) {
          arrived();
          await gate;
        }
        return fetch(input, init);
      },
    },
  });
  seedSyncLeads(h, 1);
  await logCall(h, 'lead-0000');
  const signingIn = h.signIn();
  await reached;
  expect((await h.call('sync.status', {})).paused).toMatchObject({ reason: 'setup_checking', until: null });
  await h.backend.sync.engine.runOnce();
  expect(h.fake.stats().upserts).toEqual({});
  release();
  await signingIn;
  expect((await h.call('sync.status', {})).paused).toBeNull();
  await h.settle();
  expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
});

it('an org set up before the team view (no Koma_Slot__c, Koma_Conversation__c): the check passes listing them as optional, and calls go without them', async () => {
  h = await createSyncHarness({ fakeOptions: { unknownFields: { Task: ['Koma_Slot__c', 'Koma_Conversation__c'] } } });
  seedSyncLeads(h, 1);
  await h.signIn();
  const check = await h.call('sync.setupCheck', {});
  expect(check.ok).toBe(true);
  expect(check.items.filter((i) => !i.ok).map((i) => [i.id, i.object, i.required])).toEqual([
    ['field:Task.Koma_Slot__c', 'Activity', false],
    ['field:Task.Koma_Conversation__c', 'Activity', false],
  ]);
  await logCall(h, 'lead-0000', 'connected', '来週再度');
  await h.settle();
  expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
  const [task] = h.fake.records('Task');
  expect(task).toMatchObject({ TaskSubtype: 'Call', Description: '来週再度' });
  expect(task).not.toHaveProperty('Koma_Slot__c');
});
