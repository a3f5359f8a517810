import { afterEach, describe, expect, it } from 'vitest';
import { addFieldRep, byKomaId, handOff, logCall, qualifiedHearing, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, salesforceSettingsFor, type SyncHarness } from '../fakes/syncHarness';
import type { FakeOptions } from '../fakes/fakeSalesforce';

/** Handoff = lead conversion, against the fake's convertLead (SOAP) and its strict REST API. */
let h: SyncHarness;
afterEach(async () => h?.close());

const db = () => h.backend.context.db;
const outbox = () => h.outbox();
const fieldRepUser = '005000000000009AAA';

/** A rep whose lead came from Salesforce (pulled), with the hearing done. */
async function leadFromSalesforce(fakeOptions: FakeOptions = {}, lead: Record<string, unknown> = {}) {
  h = await createSyncHarness();
  await h.signIn();
  // The org as the test needs it, changed after the setup check that runs at sign-in.
  h.fake.setOptions(fakeOptions);
  const crmId = h.fake.insert('Lead', { FirstName: '花子', LastName: '佐藤', Company: '北斗物流株式会社', Phone: '06-1111-2222', Title: '総務部 課長', Status: 'Working', OwnerId: h.fake.userId, ...lead });
  await h.backend.sync.engine.pullNow();
  const { id } = db().prepare('SELECT id FROM leads WHERE crm_id = ?').get(crmId) as { id: string };
  await h.call('hearing.save', { leadId: id, hearing: qualifiedHearing });
  const rep = await addFieldRep(h, fieldRepUser);
  return { crmId, leadId: id, rep };
}

function expectOneOfEach(crmId: string, handoffId: string, person: Record<string, unknown> = { LastName: '佐藤', FirstName: '花子' }) {
  const lead = h.fake.records('Lead').find((r) => r.Id === crmId)!;
  expect(h.fake.records('Lead')).toHaveLength(1);
  expect(h.fake.records('Account')).toHaveLength(1);
  expect(h.fake.records('Contact')).toHaveLength(1);
  expect(h.fake.records('Opportunity')).toHaveLength(1);
  const [account] = h.fake.records('Account');
  const [contact] = h.fake.records('Contact');
  const [opportunity] = h.fake.records('Opportunity');
  expect(lead).toMatchObject({ IsConverted: true, Status: 'Qualified', ConvertedAccountId: account!.Id, ConvertedContactId: contact!.Id, ConvertedOpportunityId: opportunity!.Id });
  expect(opportunity).toMatchObject({ Koma_Id__c: handoffId, AccountId: account!.Id, ContactId: contact!.Id, StageName: 'Qualification', OwnerId: fieldRepUser, Koma_BANT_Confirmed__c: true, Koma_Budget_Amount__c: 5_000_000 });
  expect(contact).toMatchObject({ ...person, AccountId: account!.Id });
  expect(outbox().filter((r) => r.state !== 'done')).toEqual([]);
  expect(db().prepare('SELECT state, crm_id FROM handoffs WHERE id = ?').get(handoffId)).toEqual({ state: 'synced', crm_id: opportunity!.Id });
}

describe('a handoff converts the Lead', () => {
  it('one Account, one Contact, one Opportunity with Koma’s id and the hearing; the Lead converted', async () => {
    const { crmId, leadId, rep } = await leadFromSalesforce();
    const handoff = await handOff(h, leadId, rep);
    await h.settle();
    expectOneOfEach(crmId, handoff.id);
    expect(h.fake.stats().converts).toBe(1);
    expect(String(h.fake.records('Opportunity')[0]!.Koma_Need__c)).toContain('クラウド, SSO');
  });

  it('attaches to the Account that already has the company', async () => {
    const { crmId, leadId, rep } = await leadFromSalesforce();
    const existing = h.fake.insert('Account', { Name: '北斗物流株式会社' });
    const handoff = await handOff(h, leadId, rep);
    await h.settle();
    expectOneOfEach(crmId, handoff.id);
    expect(h.fake.records('Account')[0]!.Id).toBe(existing);
  });

  it.each([
    ['the conversion', { kind: 'dropAfterStore', on: 'convert' }],
    ['the conversion, answered with garbage', { kind: 'malformed', on: 'convert' }],
    ['the write of Koma’s ids after it', { kind: 'dropAfterStore', on: 'update' }],
    ['the conversion, a 500', { kind: 'status500', on: 'convert' }],
    ['an expired session on the conversion', { kind: 'invalidSession', on: 'convert' }],
  ] as const)('a lost answer on %s: the retry finds the Lead converted and finishes, no duplicate', async (_, fault) => {
    const { crmId, leadId, rep } = await leadFromSalesforce();
    const handoff = await handOff(h, leadId, rep);
    h.fake.addFaults(fault);
    await h.settle();
    expectOneOfEach(crmId, handoff.id);
  });

  it('a correction, and a retry of it, update the same Opportunity and leave the stage to field sales', async () => {
    const { crmId, leadId, rep } = await leadFromSalesforce();
    const handoff = await handOff(h, leadId, rep);
    await h.settle();
    h.fake.update('Opportunity', h.fake.records('Opportunity')[0]!.Id, { StageName: 'Needs Analysis' });
    await h.call('handoff.update', { handoffId: handoff.id, summary: '訂正: 決裁者は本部長' });
    h.fake.addFaults({ kind: 'dropAfterStore', on: 'update' });
    await h.settle();
    expect(h.fake.records('Opportunity')).toHaveLength(1);
    expect(h.fake.records('Opportunity')[0]).toMatchObject({ StageName: 'Needs Analysis' });
    expect(String(h.fake.records('Opportunity')[0]!.Description)).toContain('訂正: 決裁者は本部長');
    expect(h.fake.stats().converts).toBe(1);
    expect(h.fake.records('Lead').find((r) => r.Id === crmId)).toMatchObject({ IsConverted: true });
    expect(outbox().filter((r) => r.state !== 'done')).toEqual([]);
  });

  it('creates a Lead Salesforce never saw, then converts it', async () => {
    h = await createSyncHarness();
    seedSyncLeads(h, 1);
    await h.signIn();
    await h.call('hearing.save', { leadId: 'lead-0000', hearing: qualifiedHearing });
    const handoff = await handOff(h, 'lead-0000', await addFieldRep(h, fieldRepUser));
    await h.settle();
    const lead = byKomaId(h, 'Lead').get('lead-0000')!;
    expectOneOfEach(String(lead.Id), handoff.id, { LastName: lead.LastName });
    expect(byKomaId(h, 'Contact').get('lead-0000')).toBeDefined();
  });

  it('converts four leads of four companies in one send: Koma’s ids go on in one request the strict fake accepts (at most 10 chunks of one type)', async () => {
    h = await createSyncHarness();
    await h.signIn();
    const companies = ['北斗物流株式会社', '株式会社サクラテック', '青葉商事株式会社', '㈱みなと製作所'];
    const crmIds = companies.map((company, i) => h.fake.insert('Lead', { LastName: `髙橋${i}`, FirstName: '一郎', Company: company, Status: 'Working', OwnerId: h.fake.userId }));
    await h.backend.sync.engine.pullNow();
    const rep = await addFieldRep(h, fieldRepUser);
    const handoffs = [];
    for (const crmId of crmIds) {
      const { id } = db().prepare('SELECT id FROM leads WHERE crm_id = ?').get(crmId) as { id: string };
      await h.call('hearing.save', { leadId: id, hearing: qualifiedHearing });
      handoffs.push(await handOff(h, id, rep));
    }
    const updatesBefore = h.fake.stats().updates;
    await h.settle();
    expect(outbox().filter((r) => r.state !== 'done')).toEqual([]);
    expect(h.fake.records('Lead').every((l) => l.IsConverted === true)).toBe(true);
    for (const handoff of handoffs) expect(byKomaId(h, 'Opportunity').get(handoff.id)).toBeDefined();
    expect(byKomaId(h, 'Account').size).toBe(4);
    // The Leads' status in one request, then the Opportunities, Contacts and Accounts labelled in
    // one more: three chunks of one type each, not twelve interleaved ones.
    expect(h.fake.stats().updates - updatesBefore).toBe(2);
  });

  it('names a missing Convert Leads permission in plain words', async () => {
    const { leadId, rep } = await leadFromSalesforce({ convertLeads: false });
    await handOff(h, leadId, rep);
    await h.settle();
    const attention = outbox().filter((r) => r.state === 'attention');
    expect(attention.map((r) => r.entity)).toEqual(['handoff']);
    expect(attention[0]!.last_error).toContain('Convert Leads');
    expect(h.fake.records('Opportunity')).toHaveLength(0);
  });

  it('creates beside the open Lead when the org does not convert (the setting)', async () => {
    const { crmId, leadId, rep } = await leadFromSalesforce();
    const settings = structuredClone(salesforceSettingsFor(h.fake));
    settings.salesforce.handoffMode = 'create_beside';
    await h.call('sync.settings.save', { settings });
    const handoff = await handOff(h, leadId, rep);
    await h.settle();
    expect(h.fake.records('Lead').find((r) => r.Id === crmId)).toMatchObject({ IsConverted: false });
    expect(byKomaId(h, 'Opportunity').get(handoff.id)).toBeDefined();
    expect(byKomaId(h, 'Contact').get(leadId)).toBeDefined();
    expect(h.fake.stats().converts).toBe(0);
  });
});

describe('a call that reaches Salesforce after its Lead was converted', () => {
  const task = () => {
    const tasks = h.fake.records('Task');
    expect(tasks).toHaveLength(1);
    return tasks[0]!;
  };

  it('is written on the converted Contact about the Opportunity, without a refused request, after Koma’s own conversion', async () => {
    const { crmId, leadId, rep } = await leadFromSalesforce();
    await logCall(h, leadId, 'connected', '決裁者同席でヒアリング');
    const handoff = await handOff(h, leadId, rep);
    // The Task is locked the first time; the handoff converts the Lead in the same send.
    h.fake.addFaults({ kind: 'lockRow', sobject: 'Task' });
    await h.settle();
    expectOneOfEach(crmId, handoff.id);
    const [contact] = h.fake.records('Contact');
    const [opportunity] = h.fake.records('Opportunity');
    expect(task()).toMatchObject({ WhoId: contact!.Id, WhatId: opportunity!.Id, Description: '決裁者同席でヒアリング', TaskSubtype: 'Call' });
    // One locked write, one on the Contact: the conversion told the connector where the Lead went.
    expect(h.fake.stats().upserts.Task).toBe(2);
  });

  it('learns where a Lead converted in Salesforce went, and writes there: one refused write, then none', async () => {
    const { crmId, leadId } = await leadFromSalesforce();
    // Field sales converted the Lead in Salesforce themselves.
    const account = h.fake.insert('Account', { Name: '北斗物流株式会社' });
    const contact = h.fake.insert('Contact', { LastName: '佐藤', FirstName: '花子', AccountId: account });
    const opportunity = h.fake.insert('Opportunity', { Name: '北斗物流 佐藤様', StageName: 'Qualification', CloseDate: '2025-06-30', AccountId: account });
    h.fake.update('Lead', crmId, { IsConverted: true, Status: 'Qualified', ConvertedAccountId: account, ConvertedContactId: contact, ConvertedOpportunityId: opportunity });

    await logCall(h, leadId, 'no_answer', '不在');
    await h.settle();
    expect(task()).toMatchObject({ WhoId: contact, WhatId: opportunity });
    expect(outbox().filter((r) => r.state !== 'done')).toEqual([]);
    expect(h.fake.stats().upserts.Task).toBe(2);

    h.clock.advance(60 * 60_000);
    await logCall(h, leadId, 'voicemail', '留守電');
    await h.settle();
    expect(h.fake.records('Task').map((t) => t.WhoId)).toEqual([contact, contact]);
    expect(h.fake.stats().upserts.Task).toBe(3);
  });
});
