import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../fakes/fakeSalesforce';
import { expectExactlyOnce } from '../fakes/exactlyOnce';
import { addFieldRep, byKomaId, handOff, logCall, minute, qualifiedHearing, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, salesforceSettingsFor, type SyncHarness } from '../fakes/syncHarness';

let h: SyncHarness;
afterEach(async () => h?.close());

const engine = () => h.backend.sync.engine;
const db = () => h.backend.context.db;
const rows = () => h.outbox();

async function ready(leads = 2, options: Parameters<typeof createSyncHarness>[0] = {}) {
  h = await createSyncHarness(options);
  seedSyncLeads(h, leads);
  await h.signIn();
}

/**
 * Signed in to a complete org (the setup check after sign-in passes), which the admin then
 * changes: what sending meets when the org no longer matches what was checked.
 */
async function readyThenOrgChanges(orgChange: Parameters<SyncHarness['fake']['setOptions']>[0]) {
  await ready(1);
  h.fake.setOptions(orgChange);
}

describe('pushing to Salesforce', () => {
  it('writes the company’s industry as the org’s picklist value, not in Koma’s words (create beside)', async () => {
    // An org that restricted Industry refuses 「ソフトウェア」; HubSpot's COMPUTER_SOFTWARE read into
    // Koma's word goes back to Salesforce as Technology.
    await ready(1, { fakeOptions: { restrictedIndustry: true } });
    const settings = structuredClone(salesforceSettingsFor(h.fake));
    settings.salesforce.handoffMode = 'create_beside';
    await h.call('sync.settings.save', { settings });
    db().prepare("UPDATE companies SET industry = 'ソフトウェア'").run();
    const rep = await addFieldRep(h, '005000000000009AAA');
    await h.call('hearing.save', { leadId: 'lead-0000', hearing: qualifiedHearing });
    await handOff(h, 'lead-0000', rep);

    await h.settle();

    expect([...byKomaId(h, 'Account').values()].map((a) => a.Industry)).toEqual(['Technology']);
    expect(rows().map((r) => r.state)).toEqual(['done', 'done']);
  });

  it('hands off as Account, Contact and Opportunity with the BANT fields, and marks the handoff synced with its CRM id', async () => {
    await ready(1);
    const rep = await addFieldRep(h, '005000000000009AAA');
    await h.call('hearing.save', { leadId: 'lead-0000', hearing: qualifiedHearing });
    await logCall(h, 'lead-0000', 'connected', '要件ヒアリング済み');
    const handoff = await handOff(h, 'lead-0000', rep);

    await h.settle();

    const account = [...byKomaId(h, 'Account').values()];
    const contact = byKomaId(h, 'Contact').get('lead-0000')!;
    const opportunity = byKomaId(h, 'Opportunity').get(handoff.id)!;
    expect(account).toHaveLength(1);
    expect(account[0]).toMatchObject({ Name: '株式会社サクラテック' });
    expect(contact).toMatchObject({ LastName: '山田 太郎0', Title: '情報システム部 部長', AccountId: account[0]!.Id });
    expect(opportunity).toMatchObject({
      Name: '株式会社サクラテック 山田 太郎0',
      StageName: 'Qualification',
      CloseDate: '2025-07-06',
      AccountId: account[0]!.Id,
      ContactId: contact.Id,
      OwnerId: '005000000000009AAA',
      Koma_Budget_Status__c: 'approved',
      Koma_Budget_Amount__c: 5_000_000,
      Koma_BANT_Confirmed__c: true,
    });
    expect(opportunity.Koma_Need__c).toContain('クラウド, SSO');
    expect(opportunity.Koma_Authority__c).toContain('部長決裁→稟議');
    expect(opportunity.Koma_Timeline__c).toContain('2025-Q3');
    expect(opportunity.Description).toContain('基幹システム刷新の検討。予算承認済み。');
    expect(opportunity.Description).toContain('要件ヒアリング済み');

    const local = db().prepare('SELECT state, crm_id, synced_at, last_error FROM handoffs WHERE id = ?').get(handoff.id);
    expect(local).toEqual({ state: 'synced', crm_id: opportunity.Id, synced_at: h.clock.now().toISOString(), last_error: null });
    expect(byKomaId(h, 'Lead').get('lead-0000')).toMatchObject({ Status: 'Qualified', Company: '株式会社サクラテック' });
    const task = [...byKomaId(h, 'Task').values()][0]!;
    expect(task).toMatchObject({ Status: 'Completed', TaskSubtype: 'Call', CallDisposition: 'connected', CallDurationInSeconds: 180, Description: '要件ヒアリング済み', ActivityDate: '2025-04-07' });
    expect(task.WhoId).toBe(byKomaId(h, 'Lead').get('lead-0000')!.Id);
    expect(rows().every((r) => r.state === 'done')).toBe(true);
  });

  it('sends a correction without touching the stage, close date or owner field sales now own', async () => {
    await ready(1);
    const rep = await addFieldRep(h);
    const handoff = await handOff(h, 'lead-0000', rep);
    await h.settle();
    const opp = byKomaId(h, 'Opportunity').get(handoff.id)!;
    h.fake.update('Opportunity', opp.Id as string, { StageName: 'Proposal', CloseDate: '2025-12-31' });

    await h.call('handoff.update', { handoffId: handoff.id, summary: '訂正: 決裁者は本部長' });
    await h.settle();

    expect(byKomaId(h, 'Opportunity').get(handoff.id)).toMatchObject({ StageName: 'Proposal', CloseDate: '2025-12-31' });
    expect(String(byKomaId(h, 'Opportunity').get(handoff.id)!.Description)).toMatch(/^\[Correction 1 from Koma\]\n訂正: 決裁者は本部長/);
    expect(db().prepare('SELECT state, corrections FROM handoffs WHERE id = ?').get(handoff.id)).toEqual({ state: 'synced', corrections: 1 });
  });

  it.each(['Account', 'Contact', 'Lead', 'Opportunity', 'Task'])(
    'a lost answer on %s: the retry, and a correction after it, succeed against the strict fake without a duplicate',
    async (sobject) => {
      await ready(1);
      const rep = await addFieldRep(h);
      await logCall(h, 'lead-0000', 'connected', '要件あり');
      const handoff = await handOff(h, 'lead-0000', rep);
      // Salesforce stores the records, then the answer never arrives: the retry is an update.
      h.fake.addFaults({ kind: 'dropAfterStore', on: 'upsert', sobject });
      await h.settle();
      await h.call('handoff.update', { handoffId: handoff.id, summary: '訂正: 決裁者は本部長' });
      await h.settle();

      expect(rows().filter((r) => r.state !== 'done')).toEqual([]);
      expectExactlyOnce(h);
      const opportunity = byKomaId(h, 'Opportunity').get(handoff.id)!;
      // ContactId was set when the Opportunity was created, and never sent on an update.
      expect(opportunity.ContactId).toBe(byKomaId(h, 'Contact').get('lead-0000')!.Id);
      expect(String(opportunity.Description)).toContain('訂正: 決裁者は本部長');
      expect(byKomaId(h, 'Task').get([...byKomaId(h, 'Task').keys()][0]!)).toMatchObject({ TaskSubtype: 'Call' });
    },
  );

  it('updates the Lead: recycled with reason and date, excluded with reason, do-not-call', async () => {
    await ready(3);
    // 91 days out is a Monday 09:00 JST: an open time, so the recycle date is kept as given (one on a
    // closed day moves to the next open time, and that is what Salesforce gets).
    const until = new Date(h.clock.now().getTime() + 91 * 24 * 60 * minute).toISOString();
    await h.call('lead.recycle', { leadId: 'lead-0000', reason: 'timing', until, note: '来期' });
    await h.call('lead.exclude', { leadId: 'lead-0001', reason: 'competitor' });
    await h.call('lead.setDoNotCall', { leadId: 'lead-0002', doNotCall: true });
    await h.settle();

    const leads = byKomaId(h, 'Lead');
    expect(leads.get('lead-0000')).toMatchObject({ Status: 'Nurturing', Koma_Recycle_Reason__c: 'timing', Koma_Recycle_Until__c: until, Koma_Exclude_Reason__c: null });
    expect(leads.get('lead-0001')).toMatchObject({ Status: 'Unqualified', Koma_Exclude_Reason__c: 'competitor' });
    expect(leads.get('lead-0002')).toMatchObject({ DoNotCall: true });
    // Koma learned each Lead's Id: the next change updates it by Id instead of upserting again.
    expect(db().prepare("SELECT crm_id FROM leads WHERE id = 'lead-0000'").get()).toEqual({ crm_id: leads.get('lead-0000')!.Id });
    await h.call('lead.restore', { leadId: 'lead-0000' });
    await h.settle();
    expect(h.fake.stats().updates).toBe(1);
    expect(byKomaId(h, 'Lead').get('lead-0000')).toMatchObject({ Status: 'Working', Koma_Recycle_Reason__c: null });
  });
});

describe('requests at the limit', () => {
  it.each([1, 200, 450])('drains %i calls of already-synced leads in ⌈N/200⌉ data requests', async (n) => {
    h = await createSyncHarness();
    const ids = seedSyncLeads(h, n, { status: 'working' });
    const setCrmId = db().prepare('UPDATE leads SET crm_id = ? WHERE id = ?');
    for (const id of ids) setCrmId.run(h.fake.insert('Lead', { LastName: id, Company: '株式会社サクラテック', Koma_Id__c: id }), id);
    await h.signIn();
    for (const id of ids) await logCall(h, id);
    const before = h.fake.stats();

    while ((await engine().runOnce({ pull: 'skip' })) === 'sent');

    const after = h.fake.stats();
    // Data requests: the Task describe is read once per session besides them (field rules).
    expect(after.describes - before.describes).toBe(1);
    expect(after.apiRequests - after.describes - (before.apiRequests - before.describes)).toBe(Math.ceil(n / 200));
    expect(after.updates - before.updates).toBe(0);
    expect(byKomaId(h, 'Task').size).toBe(n);
    expect(rows().every((r) => r.state === 'done')).toBe(true);
  });
});

describe('transient failures retry without duplicates', () => {
  const cases: [string, Fault, { code: RegExp; offline: boolean; retryAfterMs?: number }][] = [
    ['HTTP 500', { kind: 'status500' }, { code: /UNKNOWN_EXCEPTION/, offline: false }],
    ['HTTP 503 with Retry-After', { kind: 'status503', retryAfter: 120 }, { code: /SERVER_UNAVAILABLE/, offline: false, retryAfterMs: 120_000 }],
    ['HTTP 429 with Retry-After', { kind: 'status429', retryAfter: 30 }, { code: /REQUEST_LIMIT_EXCEEDED|Too many/, offline: false, retryAfterMs: 30_000 }],
    ['a malformed JSON answer after storing', { kind: 'malformed' }, { code: /not JSON/, offline: false }],
    ['a connection dropped after storing, twice in a row', { kind: 'dropAfterStore', count: 2 }, { code: /Cannot reach/, offline: true }],
    ['no answer before the deadline', { kind: 'hang' }, { code: /No answer/, offline: true }],
  ];

  it.each(cases)('%s', async (_name, fault, expected) => {
    await ready(2, { sync: { requestTimeoutMs: 300 } });
    await logCall(h, 'lead-0000');
    await logCall(h, 'lead-0001', 'connected', '折り返し希望');
    h.fake.addFaults({ ...fault, on: 'upsert' });
    const startedAt = h.clock.now().getTime();

    await engine().runOnce({ pull: 'skip' });

    const failed = rows().filter((r) => r.state === 'pending');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.attempts).toBe(1);
      expect(r.last_error).toMatch(expected.code);
      if (expected.retryAfterMs) expect(Date.parse(r.next_attempt_at!) - startedAt).toBeGreaterThanOrEqual(expected.retryAfterMs);
      // Offline: the network probe decides when to try, not each item.
      if (expected.offline) expect(r.next_attempt_at).toBeNull();
    }
    expect((await h.call('sync.status', {})).online).toBe(!expected.offline);
    expect(await engine().runOnce({ pull: 'skip' })).toBe(expected.offline ? 'offline' : 'idle');

    await h.settle();
    expect(rows().every((r) => r.state === 'done')).toBe(true);
    expect(byKomaId(h, 'Task').size).toBe(2);
    expect(byKomaId(h, 'Lead').size).toBe(2);
    expect((await h.call('sync.status', {})).online).toBe(true);
  });

  it('resends a Task whose answer was lost without its create-only subtype, and keeps one Task', async () => {
    await ready(1);
    await logCall(h, 'lead-0000', 'connected', '商談化の見込み');
    // Twice: the first reset is resent at once (see the next test), the second leaves it pending.
    h.fake.addFaults({ kind: 'dropAfterStore', sobject: 'Task', on: 'upsert', count: 2 });
    await engine().runOnce({ pull: 'skip' });
    expect(h.fake.records('Task')).toHaveLength(1);
    expect(rows().find((r) => r.entity === 'call')!.state).toBe('pending');

    await h.settle();
    // The retry met INVALID_FIELD_FOR_INSERT_UPDATE on TaskSubtype and went again without it.
    expect(h.fake.stats().upserts.Task).toBe(4);
    expect([...byKomaId(h, 'Task').values()]).toEqual([expect.objectContaining({ TaskSubtype: 'Call', Description: '商談化の見込み' })]);
    expect(rows().every((r) => r.state === 'done')).toBe(true);
  });

  it('sends a request again once when its connection is reset, and stays online', async () => {
    await ready(2);
    await logCall(h, 'lead-0000');
    await logCall(h, 'lead-0001');
    h.fake.addFaults({ kind: 'dropAfterStore', on: 'upsert' });

    expect(await engine().runOnce({ pull: 'skip' })).toBe('sent');

    expect(rows().every((r) => r.state === 'done')).toBe(true);
    expect((await h.call('sync.status', {})).online).toBe(true);
    expect(byKomaId(h, 'Task').size).toBe(2);
    expect(h.fake.stats().faultsApplied).toBe(1);
  });

  it('retries only the records Salesforce could not lock, not the whole batch', async () => {
    await ready(3);
    const calls = [await logCall(h, 'lead-0000'), await logCall(h, 'lead-0001'), await logCall(h, 'lead-0002')];
    h.fake.addFaults({ kind: 'lockRow', sobject: 'Task', externalIds: [calls[1]!.callId] });

    await engine().runOnce({ pull: 'skip' });

    const byEntity = new Map(rows().filter((r) => r.entity === 'call').map((r) => [r.entity_id, r]));
    expect(byEntity.get(calls[0]!.callId)!.state).toBe('done');
    expect(byEntity.get(calls[2]!.callId)!.state).toBe('done');
    expect(byEntity.get(calls[1]!.callId)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(byEntity.get(calls[1]!.callId)!.last_error).toContain('UNABLE_TO_LOCK_ROW');
    // Full jitter with the injected draw of 0.5: half of the 2 s base.
    expect(byEntity.get(calls[1]!.callId)!.next_attempt_at).toBe(new Date(h.clock.now().getTime() + 1_000).toISOString());

    await h.settle();
    expect(byKomaId(h, 'Task').size).toBe(3);
  });

  it('backs off exponentially, capped, while the CRM keeps failing', async () => {
    await ready(1);
    await logCall(h, 'lead-0000');
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      h.fake.addFaults({ kind: 'status503' });
      const now = h.clock.now().getTime();
      await engine().runOnce({ pull: 'skip' });
      const next = Date.parse(rows().find((r) => r.entity === 'call')!.next_attempt_at!);
      delays.push(next - now);
      h.clock.set(new Date(next));
    }
    expect(delays.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(Math.max(...delays)).toBe(450_000);
    expect(rows().find((r) => r.entity === 'call')!.attempts).toBe(12);
  });
});

describe('refusals wait for attention', () => {
  it("holds a refused record with Salesforce's message; an edit and a retry send it", async () => {
    await ready(2);
    await logCall(h, 'lead-0000', 'connected', 'NG ワードを含むメモ');
    await logCall(h, 'lead-0001', 'connected', '問題なし');
    h.fake.addFaults({ kind: 'validation', sobject: 'Task', when: { field: 'Description', contains: 'NG' }, count: 100, message: 'メモに禁止語が含まれています' });

    await engine().runOnce({ pull: 'skip' });

    const status = await h.call('sync.status', {});
    expect(status).toMatchObject({ pending: 0, attention: 1 });
    const { items } = await h.call('sync.items', { state: 'attention' });
    expect(items).toHaveLength(1);
    expect(items[0]!.lastError).toBe('Task: FIELD_CUSTOM_VALIDATION_EXCEPTION: メモに禁止語が含まれています [Description]');
    expect(items[0]!.summary).toContain('山田 太郎0: call, connected');
    expect(items[0]!.editable.map((e) => e.path).sort()).toEqual(['durationSec', 'nextAction', 'notes', 'outcome']);

    // Retrying unchanged meets the same rule again.
    expect(await h.call('sync.retry', { ids: [items[0]!.id] })).toEqual({ retried: 1 });
    await engine().runOnce({ pull: 'skip' });
    expect((await h.call('sync.status', {})).attention).toBe(1);

    await h.call('sync.editPayload', { id: items[0]!.id, patch: { notes: '表現を修正したメモ' } });
    await engine().runOnce({ pull: 'skip' });
    expect(await h.call('sync.status', {})).toMatchObject({ pending: 0, attention: 0 });
    expect([...byKomaId(h, 'Task').values()].map((t) => t.Description).sort()).toEqual(['問題なし', '表現を修正したメモ']);
  });

  it('marks a refused handoff failed with the message, and synced once a retry goes through', async () => {
    await ready(1);
    const handoff = await handOff(h, 'lead-0000', await addFieldRep(h));
    h.fake.addFaults({ kind: 'validation', sobject: 'Opportunity', message: 'Close Date must be in this fiscal year' });
    await h.settle();
    expect(db().prepare('SELECT state, last_error FROM handoffs WHERE id = ?').get(handoff.id)).toEqual({
      state: 'failed',
      last_error: 'Opportunity: FIELD_CUSTOM_VALIDATION_EXCEPTION: Close Date must be in this fiscal year',
    });
    expect(await h.call('sync.retry', { all: true })).toEqual({ retried: 1 });
    expect(db().prepare('SELECT state FROM handoffs WHERE id = ?').get(handoff.id)).toEqual({ state: 'queued' });
    await h.settle();
    expect(db().prepare('SELECT state, last_error FROM handoffs WHERE id = ?').get(handoff.id)).toEqual({ state: 'synced', last_error: null });
    expect(byKomaId(h, 'Opportunity').size).toBe(1);
  });

  it('fails only the items needing a field the org lacks, naming it in plain words; mapping it away fixes them', async () => {
    await readyThenOrgChanges({ unknownFields: { Opportunity: ['Koma_Need__c'] } });
    await logCall(h, 'lead-0000');
    const handoff = await handOff(h, 'lead-0000', await addFieldRep(h));
    await h.settle();
    const attention = rows().filter((r) => r.state === 'attention');
    expect(attention.map((r) => [r.entity, r.entity_id])).toEqual([['handoff', handoff.id]]);
    expect(attention[0]!.last_error).toBe('Opportunity has no field Koma_Need__c: ask your Salesforce admin to create it — see Settings → CRM connection → Setup check.');
    expect(byKomaId(h, 'Task').size).toBe(1);
    // Named before sending: no request was spent on a record the org cannot take.
    expect(h.fake.stats().upserts.Opportunity ?? 0).toBe(0);

    // A deep copy: the defaults' nested objects must not change for the tests after this one.
    const settings = structuredClone(salesforceSettingsFor(h.fake));
    settings.salesforce.opportunity.fields.need = null;
    await h.call('sync.settings.save', { settings });
    await h.call('sync.retry', { all: true });
    await h.settle();
    expect(byKomaId(h, 'Opportunity').get(handoff.id)).toBeDefined();
    expect(byKomaId(h, 'Opportunity').get(handoff.id)!.Koma_Need__c).toBeUndefined();
  });

  it('sends the field once the admin creates it and the rep retries: the org is described again', async () => {
    await readyThenOrgChanges({ unknownFields: { Opportunity: ['Koma_Need__c'] } });
    const handoff = await handOff(h, 'lead-0000', await addFieldRep(h));
    await h.settle();
    expect(rows().filter((r) => r.state === 'attention')).toHaveLength(1);
    h.fake.setOptions({ unknownFields: {} });
    await h.call('sync.retry', { all: true });
    await h.settle();
    expect(byKomaId(h, 'Opportunity').get(handoff.id)!.Koma_Need__c).toBeDefined();
  });

  it.each([
    ['a field the rep may not edit', { readOnlyFields: { Opportunity: ['Koma_Budget_Amount__c'] } }, 'Opportunity field Koma_Budget_Amount__c is read-only for you: ask your Salesforce admin for edit access to it — see Settings → CRM connection → Setup check.'],
    ['a stage the org lacks', { stageNames: ['Prospecting', 'Closed Won', 'Closed Lost'] }, 'Opportunity field StageName has no value "Qualification": ask your Salesforce admin to add it, or choose one of the org\'s values in Settings → CRM connection — see Settings → CRM connection → Setup check.'],
    ['an object the rep may not create', { readOnlyObjects: ['Opportunity'] }, 'You may not create or edit Opportunity records in Salesforce: ask your Salesforce admin for create and edit access — see Settings → CRM connection → Setup check.'],
  ])('names %s in plain words, before sending it', async (_, orgChange, message) => {
    await readyThenOrgChanges(orgChange);
    const handoff = await handOff(h, 'lead-0000', await addFieldRep(h));
    await h.settle();
    expect(rows().filter((r) => r.state === 'attention').map((r) => [r.entity_id, r.last_error])).toEqual([[handoff.id, message]]);
  });

  it('never sends a later change of a record while an earlier one waits for attention', async () => {
    await ready(1);
    await h.call('lead.exclude', { leadId: 'lead-0000', reason: 'competitor' });
    h.fake.addFaults({ kind: 'validation', sobject: 'Lead', count: 100, message: 'Exclusion needs a manager' });
    await h.settle();
    await h.call('lead.setDoNotCall', { leadId: 'lead-0000', doNotCall: true });
    for (let i = 0; i < 3; i++) {
      h.clock.advance(61 * minute);
      expect(await engine().drain()).toBe('idle');
    }
    expect(rows().map((r) => [r.op, r.state])).toEqual([
      ['status', 'attention'],
      ['do_not_call', 'pending'],
    ]);
    expect(h.fake.records('Lead')).toHaveLength(0);

    h.fake.clearFaults();
    await h.call('sync.retry', { all: true });
    await h.settle();
    expect(rows().every((r) => r.state === 'done')).toBe(true);
    expect(byKomaId(h, 'Lead').get('lead-0000')).toMatchObject({ Status: 'Unqualified', DoNotCall: true });
  });

  it('closes an unsent change as superseded when a newer one of the same record and kind is queued', async () => {
    await ready(1);
    await h.call('lead.exclude', { leadId: 'lead-0000', reason: 'competitor' });
    h.fake.addFaults({ kind: 'validation', sobject: 'Lead', message: 'Exclusion needs a manager' });
    await h.settle();
    await h.call('lead.restore', { leadId: 'lead-0000' });
    await h.settle();
    const [first, second] = db().prepare("SELECT id, state, superseded_by FROM outbox WHERE entity = 'lead' ORDER BY seq").all() as { id: string; state: string; superseded_by: string | null }[];
    expect(first).toEqual({ id: first!.id, state: 'done', superseded_by: second!.id });
    expect(second).toEqual({ id: second!.id, state: 'done', superseded_by: null });
    expect(byKomaId(h, 'Lead').get('lead-0000')).toMatchObject({ Status: 'Working', Koma_Exclude_Reason__c: null });
  });
});

describe('limits', () => {
  it('pauses all syncing on REQUEST_LIMIT_EXCEEDED and says so, then resumes', async () => {
    await ready(2);
    await logCall(h, 'lead-0000');
    h.fake.addFaults({ kind: 'requestLimit' });
    await engine().runOnce({ pull: 'skip' });

    const status = await h.call('sync.status', {});
    expect(status.paused).toEqual({
      reason: 'request_limit',
      message: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
      until: new Date(h.clock.now().getTime() + 60 * minute).toISOString(),
    });
    expect(rows().every((r) => r.state === 'pending' && r.attempts === 0)).toBe(true);
    const requests = h.fake.stats().apiRequests;
    await logCall(h, 'lead-0001');
    expect(await engine().runOnce()).toBe('paused');
    expect(h.fake.stats().apiRequests).toBe(requests);

    h.clock.advance(60 * minute);
    await h.settle();
    expect((await h.call('sync.status', {})).paused).toBeNull();
    expect(byKomaId(h, 'Task').size).toBe(2);
  });

  it("keeps Koma's own daily use under its share of the org's limit, shows it, and resumes the next day", async () => {
    // A budget of 15 requests a day (5% of 300); the setup check at sign-in spends some of it.
    await ready(8, { fakeOptions: { apiMax: 300 } });
    for (let i = 0; i < 8; i++) {
      await logCall(h, `lead-000${i}`);
      await engine().runOnce();
    }
    const status = await h.call('sync.status', {});
    expect(status.apiUsage).toEqual({ used: h.fake.stats().apiRequests, max: 300, komaUsedToday: 15, budget: 15, percent: 5 });
    expect(status.paused).toMatchObject({ reason: 'koma_budget', until: '2025-04-08T00:00:00.000Z' });
    expect(status.paused!.message).toContain('15 of 15');
    expect(status.pending).toBeGreaterThan(0);
    // Every request Koma made counts, the sign-in's token exchange aside (not an API request).
    expect(h.fake.stats().apiRequests).toBeLessThanOrEqual(15);

    h.clock.set(new Date('2025-04-08T00:00:00.000Z'));
    await h.settle();
    expect(byKomaId(h, 'Task').size).toBe(8);
    expect((await h.call('sync.status', {})).apiUsage!.komaUsedToday).toBeLessThanOrEqual(15);
  });
});

it('sends 450 calls in exactly 3 collection requests per sObject type', async () => {
  await ready(450, { sync: {} });
  db().prepare("UPDATE leads SET status = 'working'").run();
  for (let i = 0; i < 450; i++) await logCall(h, `lead-${String(i).padStart(4, '0')}`);
  expect(rows().filter((r) => r.entity === 'call')).toHaveLength(450);
  expect(rows()).toHaveLength(450);

  await engine().drain();

  const stats = h.fake.stats();
  expect(stats.upserts).toEqual({ Lead: 3, Task: 3 });
  expect(stats.updates).toBe(0);
  expect(stats.token).toEqual({ authorization_code: 1, refresh_token: 0 });
  expect(byKomaId(h, 'Task').size).toBe(450);
  expect(rows().every((r) => r.state === 'done')).toBe(true);
});
