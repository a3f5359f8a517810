import { afterEach, describe, expect, it } from 'vitest';
import { dispositionGuids } from '../../electron/backend/sync/hubspot/mapping';
import { expectHeldForRetryAfter } from '../fakes/retryAfter';
import { addFieldRep, handOff, logCall, minute, seedSyncLeads } from '../fakes/repActions';
import { byKomaIdHs, createHubSpotHarness, expectExactlyOnceHs, hubspotSettingsFor, repOwnerId, type HubSpotHarness } from '../fakes/hubspotHarness';

let h: HubSpotHarness;

afterEach(async () => {
  await h?.close();
});

const engine = () => h.backend.sync.engine;

describe('HubSpot: the private app token', () => {
  it('refuses a token HubSpot does not know, keeping nothing; keeps a good one and checks the account right away', async () => {
    h = await createHubSpotHarness({ connect: false });
    const refused = await h.callError('sync.settings.save', { settings: hubspotSettingsFor(h.hs), hubspotToken: 'pat-na1-00000000-0000-0000-0000-000000000000' });
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toContain('HubSpot does not accept this access token');
    expect((await h.call('sync.settings.get', {})).settings.connector).toBe('none');
    expect(await h.backend.sync.secrets.get('hubspot.token')).toBeNull();

    const view = await h.call('sync.settings.save', { settings: hubspotSettingsFor(h.hs), hubspotToken: h.hs.token });
    expect(view.hubspotTokenHint).toBe(`pat-…${h.hs.token.slice(-4)}`);
    const status = await h.call('sync.status', {});
    expect(status).toMatchObject({ connector: 'hubspot', configured: true, signedIn: true, paused: null });
    // The setup check ran after connecting: token info, owner, properties, pipelines.
    expect(h.hs.stats.byRoute['POST /oauth/v2/private-apps/get/access-token-info']).toBeGreaterThanOrEqual(2);
    expect(h.hs.stats.byRoute['GET /crm/v3/pipelines/deals']).toBe(1);
  });

  it('a token HubSpot stops accepting (401) holds sync without failing anything, until a new one is pasted', async () => {
    h = await createHubSpotHarness();
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    h.hs.inject({ kind: 'unauthorized' });
    await engine().runOnce();
    let status = await h.call('sync.status', {});
    expect(status).toMatchObject({ signedIn: false, attention: 0 });
    expect(status.pending).toBeGreaterThan(0);
    expect(status.lastError).toContain('paste a valid private app access token');
    await h.call('sync.settings.save', { settings: hubspotSettingsFor(h.hs), hubspotToken: h.hs.token });
    await h.settle();
    status = await h.call('sync.status', {});
    expect(status).toMatchObject({ signedIn: true, pending: 0 });
    expect(h.hs.records('calls')).toHaveLength(1);
  });
});

describe('HubSpot: every record kind', () => {
  it('a call, a recycle, do-not-call and a handoff land as contact, company, call, deal and note, associated', async () => {
    h = await createHubSpotHarness();
    seedSyncLeads(h, 2);
    const repId = await addFieldRep(h, '40000001');
    await h.call('hearing.save', {
      leadId: 'lead-0001',
      hearing: { budget: { status: 'approved', amount: 5_000_000, confirmed: true }, authority: { confirmed: true }, need: { pains: ['属人化'], confirmed: true }, timeline: { confirmed: true } },
    });
    const call = await logCall(h, 'lead-0000', 'connected', '受付経由で部長に接続。資料送付の約束。');
    await h.call('lead.recycle', { leadId: 'lead-0000', reason: 'timing', until: new Date(h.clock.now().getTime() + 91 * 24 * 60 * minute).toISOString() });
    await h.call('lead.setDoNotCall', { leadId: 'lead-0000', doNotCall: true });
    await handOff(h, 'lead-0001', repId, '基幹システム刷新。予算承認済み。');
    await h.settle();

    const contacts = byKomaIdHs(h.hs, 'contacts');
    expect(contacts.size).toBe(2);
    expect(contacts.get('lead-0000')!.properties).toMatchObject({ lastname: expect.stringContaining('山田'), company: '株式会社サクラテック', hs_lead_status: 'BAD_TIMING', koma_recycle_reason: 'timing', koma_do_not_call: 'true' });
    const calls = byKomaIdHs(h.hs, 'calls');
    const logged = calls.get(call.callId)!;
    expect(logged.properties).toMatchObject({ hs_call_disposition: dispositionGuids.connected, hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED', hs_call_duration: String(3 * 60 * 1000), hubspot_owner_id: repOwnerId });
    expect(h.hs.associated('calls', logged.id, 'contacts')).toEqual([contacts.get('lead-0000')!.id]);
    expect(h.hs.associated('calls', logged.id, 'companies')).toHaveLength(1);
    const deal = byKomaIdHs(h.hs, 'deals').values().next().value!;
    expect(deal.properties).toMatchObject({ pipeline: 'default', dealstage: 'appointmentscheduled', hubspot_owner_id: '40000001', koma_budget_status: 'approved', koma_budget_amount: '5000000', koma_bant_confirmed: 'true' });
    expect(h.hs.associated('deals', deal.id, 'contacts')).toEqual([contacts.get('lead-0001')!.id]);
    const note = byKomaIdHs(h.hs, 'notes').values().next().value!;
    expect(note.properties.hs_note_body).toContain('基幹システム刷新');
    expect(h.hs.associated('notes', note.id, 'deals')).toEqual([deal.id]);
    expectExactlyOnceHs(h);
  });

  it('a follow-up mail lands once as a note on the contact and its company', async () => {
    h = await createHubSpotHarness();
    seedSyncLeads(h, 1);
    const { callId } = await logCall(h, 'lead-0000', 'connected', '資料送付の約束。');
    const { id } = await h.call('followup.record', { leadId: 'lead-0000', callId, templateId: 'materials', kind: 'materials', subject: '【資料送付】ご案内資料', body: '資料をお送りします。', channel: 'mailto' });
    await h.settle();
    await h.settle();
    const note = byKomaIdHs(h.hs, 'notes').get(id)!;
    expect(note.properties.hs_note_body).toBe('Follow-up mail (materials): 【資料送付】ご案内資料\n\n資料をお送りします。');
    const contact = byKomaIdHs(h.hs, 'contacts').get('lead-0000')!;
    expect(h.hs.associated('notes', note.id, 'contacts')).toEqual([contact.id]);
    expect(h.hs.associated('notes', note.id, 'companies')).toHaveLength(1);
    expect(byKomaIdHs(h.hs, 'notes').size).toBe(1);
  });

  it('a property HubSpot refuses waits in needs attention with HubSpot’s message; the rest of the batch goes', async () => {
    // The account had its own Lead Status NURTURING when the setup check read it; the admin removed it since.
    h = await createHubSpotHarness({ fake: { leadStatusOptions: ['NEW', 'IN_PROGRESS', 'CONNECTED', 'BAD_TIMING', 'UNQUALIFIED', 'OPEN_DEAL', 'NURTURING'] } });
    seedSyncLeads(h, 3);
    await h.call('sync.settings.save', { settings: hubspotSettingsFor(h.hs, { lead: { ...hubspotSettingsFor(h.hs).hubspot.lead, statuses: { ...hubspotSettingsFor(h.hs).hubspot.lead.statuses, recycled: 'NURTURING' } } }) });
    h.hs.setOptions('contacts', 'hs_lead_status', ['NEW', 'IN_PROGRESS', 'CONNECTED', 'BAD_TIMING', 'UNQUALIFIED', 'OPEN_DEAL']);
    await h.call('lead.recycle', { leadId: 'lead-0000', reason: 'timing', until: new Date(h.clock.now().getTime() + 91 * 24 * 60 * minute).toISOString() });
    await logCall(h, 'lead-0001');
    await logCall(h, 'lead-0002');
    await h.settle();
    const status = await h.call('sync.status', {});
    expect(status.attention).toBe(1);
    const { items } = await h.call('sync.items', { state: 'attention', limit: 10 });
    expect(items[0]!.lastError).toContain('NURTURING was not one of the allowed options');
    expect(items[0]!.lastError).toContain('correlationId');
    expect(h.hs.records('calls')).toHaveLength(2);
  });
});

describe('HubSpot: failures', () => {
  it('answers lost after the write (dropped, garbled, timed out) are retried into the same records', async () => {
    h = await createHubSpotHarness({ harness: { sync: { requestTimeoutMs: 300 } } });
    seedSyncLeads(h, 2);
    await logCall(h, 'lead-0000');
    await logCall(h, 'lead-0001');
    h.hs.inject({ kind: 'dropAfterStore', on: 'upsert', objectType: 'calls' });
    h.hs.inject({ kind: 'malformed', on: 'upsert', objectType: 'contacts' });
    h.hs.inject({ kind: 'hang', on: 'associate' });
    await h.settle();
    expect(h.hs.records('calls')).toHaveLength(2);
    expect(h.hs.records('contacts')).toHaveLength(2);
    expectExactlyOnceHs(h);
  });

  it('429 waits for Retry-After, 5xx backs off, and nothing is duplicated', async () => {
    h = await createHubSpotHarness();
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    h.hs.inject({ kind: 'status429', retryAfter: 120 });
    await expectHeldForRetryAfter(h, 120);
    h.hs.inject({ kind: 'status502' });
    await engine().runOnce();
    expect(h.outbox()[0]!.state).toBe('pending');
    await h.settle();
    expectExactlyOnceHs(h);
  });

  it('the daily limit pauses all sync with the reason; Koma’s share of the daily limit is shown from HubSpot’s headers', async () => {
    h = await createHubSpotHarness({ fake: { dailyLimit: 250_000, dailyUsed: 1_000 } });
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    h.hs.inject({ kind: 'daily429' });
    await engine().runOnce();
    const status = await h.call('sync.status', {});
    expect(status.paused?.reason).toBe('request_limit');
    expect(status.apiUsage).toMatchObject({ max: 250_000, budget: 12_500, percent: 5 });
    expect(status.apiUsage!.used).toBeGreaterThan(1_000);
  });
});

describe('HubSpot: pull', () => {
  it('pulls 5,000 owned contacts — 2,500 stamped in the same millisecond, answered in short pages — each exactly once, and only the rep’s', async () => {
    h = await createHubSpotHarness({ fake: { searchBatch: 70 } });
    const ids: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      ids.push(h.hs.put('contacts', { lastname: `髙橋${i}`, firstname: '﨑子', company: i % 3 === 0 ? '株式会社ミナト' : '(株)北斗', phone: `03-1234-${String(i % 10_000).padStart(4, '0')}`, hubspot_owner_id: repOwnerId, hs_lead_status: 'NEW' }));
    }
    h.hs.put('contacts', { lastname: '他人', hubspot_owner_id: '99999999' });
    h.hs.stamp('contacts', ids.slice(1_000, 3_500), Date.parse('2026-12-01T09:00:00.000Z'));
    for (let pull = 0; pull < 10; pull++) {
      await engine().pullNow();
      const n = (h.backend.context.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
      if (n >= 5_000 && (await h.call('sync.status', {})).lastError === null) break;
    }
    const rows = h.backend.context.db.prepare('SELECT crm_id FROM leads').all() as { crm_id: string }[];
    expect(rows).toHaveLength(5_000);
    expect(new Set(rows.map((r) => r.crm_id))).toEqual(new Set(ids));
    // A later change (stamped the next millisecond) arrives once the overlap — the minute before
    // where the pull stood, the 2,500 stamped alike: 13 pages — is read again to its end: the next
    // pull reads 10 pages, the one after goes on from there.
    h.hs.put('contacts', { lastname: '髙橋0 改', hubspot_owner_id: repOwnerId }, ids[0]);
    const changed = () => (h.backend.context.db.prepare('SELECT full_name FROM leads WHERE crm_id = ?').get(ids[0]) as { full_name: string }).full_name;
    let pulls = 0;
    while (!changed().includes('髙橋0 改') && pulls < 5) {
      await engine().pullNow();
      pulls++;
    }
    expect(changed()).toContain('髙橋0 改');
    expect(pulls).toBe(2);
  }, 120_000);

  it('field sales’ answer on a deal reaches the handoff', async () => {
    h = await createHubSpotHarness();
    seedSyncLeads(h, 1);
    const repId = await addFieldRep(h);
    await handOff(h, 'lead-0000', repId);
    await h.settle();
    const deal = byKomaIdHs(h.hs, 'deals').values().next().value!;
    h.hs.put('deals', { koma_field_state: 'meeting_held', koma_field_reason: '初回訪問済み' }, deal.id);
    await engine().pullNow();
    const handoff = h.backend.context.db.prepare('SELECT field_state, field_reason FROM handoffs').get() as { field_state: string; field_reason: string };
    expect(handoff).toEqual({ field_state: 'meeting_held', field_reason: '初回訪問済み' });
  });
});

describe('HubSpot: setup check', () => {
  it('lists what the admin must create and pauses sync until it is there', async () => {
    h = await createHubSpotHarness({ fake: { komaProperties: false, scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.schemas.contacts.read'] } });
    const status = await h.call('sync.status', {});
    expect(status.paused?.reason).toBe('setup_incomplete');
    const check = await h.call('sync.setupCheck', {});
    expect(check.crm).toBe('hubspot');
    const failing = check.items.filter((i) => i.required && !i.ok).map((i) => i.id);
    expect(failing).toEqual(expect.arrayContaining(['scope:crm.objects.deals.write', 'property:contacts.koma_id', 'property:calls.koma_id']));
    expect(check.items.find((i) => i.id === 'pipeline')?.ok).toBe(true);
    expect(check.items.find((i) => i.id === 'owner')?.ok).toBe(true);
    seedSyncLeads(h, 1);
    await logCall(h, 'lead-0000');
    expect(await engine().runOnce()).toBe('paused');
    expect(h.hs.records('calls')).toHaveLength(0);
  });

  it('an id property without unique values is named (batch upsert needs one)', async () => {
    h = await createHubSpotHarness({ fake: { notUnique: ['calls'] } });
    const check = await h.call('sync.setupCheck', {});
    expect(check.items.find((i) => i.id === 'property:calls.koma_id')).toMatchObject({ ok: false, problem: 'notUnique' });
    expect(check.ok).toBe(false);
  });
});

describe('HubSpot: the Lead Status and lifecycle stage mapping', () => {
  const withLead = (hs: HubSpotHarness['hs'], lead: Partial<ReturnType<typeof hubspotSettingsFor>['hubspot']['lead']>) => {
    const s = hubspotSettingsFor(hs);
    return hubspotSettingsFor(hs, { lead: { ...s.hubspot.lead, ...lead } });
  };

  it('recycle, exclude and a handoff set Lead Status and the lifecycle stage as mapped; null leaves the stage alone', async () => {
    h = await createHubSpotHarness();
    const base = hubspotSettingsFor(h.hs).hubspot.lead;
    await h.call('sync.settings.save', { settings: withLead(h.hs, { lifecycleStages: { ...base.lifecycleStages, excluded: 'other' } }) });
    seedSyncLeads(h, 3);
    const repId = await addFieldRep(h, '40000001');
    await h.call('lead.recycle', { leadId: 'lead-0000', reason: 'timing', until: new Date(h.clock.now().getTime() + 91 * 24 * 60 * minute).toISOString() });
    await h.call('lead.exclude', { leadId: 'lead-0001', reason: 'competitor' });
    await handOff(h, 'lead-0002', repId, '予算承認済み。');
    await h.settle();
    const contacts = byKomaIdHs(h.hs, 'contacts');
    expect(contacts.get('lead-0000')!.properties).toMatchObject({ hs_lead_status: 'BAD_TIMING' });
    expect(contacts.get('lead-0000')!.properties.lifecyclestage).toBeUndefined();
    expect(contacts.get('lead-0001')!.properties).toMatchObject({ hs_lead_status: 'UNQUALIFIED', lifecyclestage: 'other' });
    expect(contacts.get('lead-0002')!.properties).toMatchObject({ hs_lead_status: 'OPEN_DEAL', lifecyclestage: 'salesqualifiedlead' });
    expectExactlyOnceHs(h);
  });

  it('a value that is neither HubSpot’s documented one nor read from the account is refused with nothing changed; one the setup check read is accepted and checked', async () => {
    h = await createHubSpotHarness({ fake: { lifecycleStageOptions: ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'recycled_nurture'] } });
    const base = hubspotSettingsFor(h.hs).hubspot.lead;
    const label = await h.callError('sync.settings.save', { settings: withLead(h.hs, { lifecycleStages: { ...base.lifecycleStages, qualified: 'Sales Qualified Lead' } }) });
    expect(label.code).toBe('invalid_input');
    expect(label.issues).toEqual([expect.objectContaining({ path: 'settings.hubspot.lead.lifecycleStages.qualified' })]);
    const status = await h.callError('sync.settings.save', { settings: withLead(h.hs, { statuses: { ...base.statuses, excluded: '対象外' } }) });
    expect(status.issues).toEqual([expect.objectContaining({ path: 'settings.hubspot.lead.statuses.excluded' })]);
    expect((await h.call('sync.settings.get', {})).settings.hubspot.lead).toEqual(base);

    // The account's own stage, read by the setup check that ran on connecting, is offered and accepted.
    const check = await h.call('sync.setupCheck.last', {});
    expect(check?.options?.['contacts.lifecyclestage']).toContain('recycled_nurture');
    await h.call('sync.settings.save', { settings: withLead(h.hs, { lifecycleStages: { ...base.lifecycleStages, recycled: 'recycled_nurture', excluded: 'other' } }) });
    const after = await h.call('sync.setupCheck', {});
    expect(after.items.find((i) => i.id === 'value:contacts.lifecyclestage.recycled_nurture')).toMatchObject({ ok: true });
    // 'other' is documented but this account removed it: the check names it for the admin.
    expect(after.items.find((i) => i.id === 'value:contacts.lifecyclestage.other')).toMatchObject({ ok: false, problem: 'noValue', field: 'lifecyclestage' });
  });

  it('the strict fake refuses a lifecycle stage that is not an option of the property', async () => {
    h = await createHubSpotHarness({ fake: { lifecycleStageOptions: ['lead', 'salesqualifiedlead', 'other'] } });
    const base = hubspotSettingsFor(h.hs).hubspot.lead;
    await h.call('sync.settings.save', { settings: withLead(h.hs, { lifecycleStages: { ...base.lifecycleStages, excluded: 'other' } }) });
    h.hs.setOptions('contacts', 'lifecyclestage', ['lead', 'salesqualifiedlead']);
    seedSyncLeads(h, 1);
    await h.call('lead.exclude', { leadId: 'lead-0000', reason: 'competitor' });
    await h.settle();
    const { items } = await h.call('sync.items', { state: 'attention', limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]!.lastError).toContain('other was not one of the allowed options');
  });
});

describe('HubSpot: the setup check reads what was entered', () => {
  it('renamed deal properties, pipeline and stage are what the check reports on', async () => {
    h = await createHubSpotHarness({ fake: { pipelines: [{ id: 'inside-sales', stages: ['is_handoff', 'closedwon'] }] } });
    const s = hubspotSettingsFor(h.hs);
    await h.call('sync.settings.save', {
      settings: hubspotSettingsFor(h.hs, { deal: { ...s.hubspot.deal, pipeline: 'inside-sales', stage: 'is_handoff', fields: { ...s.hubspot.deal.fields, budgetStatus: 'bant_budget' } }, lead: { ...s.hubspot.lead, fields: { ...s.hubspot.lead.fields, recycleReason: 'recycle_reason_jp' } } }),
    });
    const check = await h.call('sync.setupCheck', {});
    expect(check.items.find((i) => i.id === 'pipeline')).toMatchObject({ ok: true, expected: 'inside-sales' });
    expect(check.items.find((i) => i.id === 'stage')).toMatchObject({ ok: true, expected: 'is_handoff' });
    expect(check.items.find((i) => i.id === 'property:deals.bant_budget')).toMatchObject({ ok: false, problem: 'missing' });
    expect(check.items.find((i) => i.id === 'property:contacts.recycle_reason_jp')).toMatchObject({ ok: false, problem: 'missing' });
    expect(check.items.some((i) => i.id === 'property:deals.koma_budget_status')).toBe(false);
    // Field sales' answer values entered are checked against the dropdown's options (optional).
    expect(check.items.find((i) => i.id === 'value:deals.koma_field_state.accepted')).toMatchObject({ ok: true, required: false });
    await h.call('sync.settings.save', { settings: hubspotSettingsFor(h.hs, { deal: { ...s.hubspot.deal, pipeline: 'inside-sales', stage: 'is_handoff', fieldStates: { ...s.hubspot.deal.fieldStates, rejected: 'sent_back' } } }) });
    const again = await h.call('sync.setupCheck', {});
    expect(again.items.find((i) => i.id === 'value:deals.koma_field_state.sent_back')).toMatchObject({ ok: false, required: false, problem: 'noValue' });
  });
});
