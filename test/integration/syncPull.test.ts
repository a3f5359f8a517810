import { afterEach, describe, expect, it } from 'vitest';
import { addFieldRep, byKomaId, handOff, logCall, minute, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

let h: SyncHarness;
afterEach(async () => h?.close());

const engine = () => h.backend.sync.engine;
const db = () => h.backend.context.db;
const localLead = (crmId: string) =>
  db().prepare('SELECT l.id, l.full_name, l.phone, l.title, l.status, l.exclude_reason, c.name AS company FROM leads l JOIN companies c ON c.id = l.company_id WHERE l.crm_id = ?').get(crmId) as
    | { id: string; full_name: string; phone: string | null; title: string | null; status: string; exclude_reason: string | null; company: string }
    | undefined;

async function signedIn(leads = 1) {
  h = await createSyncHarness();
  seedSyncLeads(h, leads);
  await h.signIn();
}

function crmLead(fields: Record<string, unknown> = {}): string {
  return h.fake.insert('Lead', { FirstName: '花子', LastName: '佐藤', Company: '北斗物流株式会社', Phone: '06-1111-2222', Title: '総務部 課長', Status: 'Working', OwnerId: h.fake.userId, ...fields });
}

describe('pulling the rep’s leads', () => {
  it('brings in only the signed-in rep’s open leads, matching companies by name', async () => {
    await signedIn(2);
    const mine = crmLead();
    crmLead({ LastName: '他人', OwnerId: '005000000000002AAA' });
    crmLead({ LastName: '変換済み', IsConverted: true });

    await engine().pullNow();

    expect(localLead(mine)).toMatchObject({ full_name: '佐藤 花子', phone: '06-1111-2222', title: '総務部 課長', status: 'working', company: '北斗物流株式会社' });
    expect(db().prepare('SELECT count(*) AS n FROM leads WHERE crm_id IS NOT NULL').get()).toEqual({ n: 1 });
    expect(db().prepare("SELECT count(*) AS n FROM companies WHERE name = '北斗物流株式会社'").get()).toEqual({ n: 1 });
    const page = await h.call('callList.page', { search: '佐藤' });
    expect(page.rows.map((r) => r.id)).toEqual([localLead(mine)!.id]);
  });

  it('resumes from its cursor: only records changed since the last pull are read again', async () => {
    await signedIn(0);
    const a = crmLead({ LastName: '甲' });
    const b = crmLead({ LastName: '乙' });
    await engine().pullNow();
    // A local-only edit (a re-import) that the CRM never changed: a re-read would overwrite it.
    db().prepare("UPDATE leads SET title = '取締役' WHERE crm_id = ?").run(a);
    h.fake.update('Lead', b, { Phone: '06-9999-0000' });

    h.clock.advance(15 * minute);
    await engine().pullNow();

    expect(localLead(a)!.title).toBe('取締役');
    expect(localLead(b)!.phone).toBe('06-9999-0000');
  });

  it('keeps a lead findable by the readings the rep gave it when the CRM changes the lead', async () => {
    await signedIn(0);
    const id = crmLead();
    await engine().pullNow();
    await h.call('lead.setReadings', { leadId: localLead(id)!.id, nameReading: 'サトウ ハナコ', companyReading: 'ホクトブツリュウ' });
    h.fake.update('Lead', id, { Phone: '06-9999-0001' });

    h.clock.advance(15 * minute);
    await engine().pullNow();

    expect(localLead(id)!.phone).toBe('06-9999-0001');
    expect((await h.call('leads.search', { search: 'さとうはなこ' })).rows.map((r) => [r.id, r.nameReading, r.companyReading])).toEqual([
      [localLead(id)!.id, 'サトウ ハナコ', 'ホクトブツリュウ'],
    ]);
    expect((await h.call('leads.search', { search: 'ほくとぶつりゅう' })).rows.map((r) => r.id)).toEqual([localLead(id)!.id]);
  });

  it('pages through many changes stamped in the same second, tie-broken by Id, without missing one', async () => {
    await signedIn(0);
    // The setup check at sign-in made its own queries (LeadStatus, UserPermissionAccess).
    const before = h.fake.stats().queries;
    for (let i = 0; i < 450; i++) crmLead({ LastName: `リード${i}`, Phone: `06-0000-${String(i).padStart(4, '0')}` });
    await engine().pullNow();
    expect(db().prepare('SELECT count(DISTINCT crm_id) AS n FROM leads').get()).toEqual({ n: 450 });
    // 200 + 200 + 50 leads, then one page of (no) answers and one of (no) phone system call Tasks.
    expect(h.fake.stats().queries - before).toBe(5);
  });

  it('pulls 10,000 leads stamped in the same second in full, in a bounded number of pulls, the CRM answering 100 records at a time', async () => {
    h = await createSyncHarness({ fakeOptions: { queryBatchSize: 100 } });
    await h.signIn();
    // A Data Loader load: ten thousand of the rep's leads, all stamped in one second.
    const ids = Array.from({ length: 10_000 }, (_, i) => crmLead({ LastName: `一括${i}`, Phone: `03-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i).padStart(4, '0')}` }));
    h.fake.stampAll('Lead', ids, new Date(Math.floor(Date.now() / 1000) * 1000 - 120_000).toISOString());
    const pulled = () => (db().prepare('SELECT count(DISTINCT crm_id) AS n FROM leads WHERE crm_id IS NOT NULL').get() as { n: number }).n;
    const lastPullAt = () => db().prepare("SELECT value FROM sync_state WHERE key = 'pull.last_at'").get();

    const counts: number[] = [];
    for (let pull = 0; pull < 8 && lastPullAt() === undefined; pull++) {
      await engine().pullNow();
      counts.push(pulled());
    }
    // 10 pages of 200 a pull: 2,000 more each time, never the same 2,000 again; the pull that ran
    // out of pages is not recorded as a completed pull, the one that reached the end is.
    expect(counts).toEqual([2_000, 4_000, 6_000, 8_000, 10_000, 10_000]);
    expect(lastPullAt()).toBeDefined();

    // A change made afterwards arrives once the overlap — the minute before where the last pull
    // ended, all 10,000 of the load — is read again to its end: 50 pages, 10 a pull, then the change.
    const later = crmLead({ LastName: '後から' });
    h.clock.advance(15 * minute);
    let pulls = 0;
    while (localLead(later) === undefined && pulls < 8) {
      await engine().pullNow();
      pulls++;
    }
    expect(localLead(later)?.full_name).toContain('後から');
    expect(pulls).toBe(6);
    expect(pulled()).toBe(10_001);
  });

  describe('the overlap: the minute before where the last pull ended is read again to its end', () => {
    /** Leads of the rep stamped in one second (a Data Loader load), in Id order. */
    function bulk(count: number, at: string): string[] {
      const ids = Array.from({ length: count }, (_, i) => crmLead({ LastName: `一括${i}`, Phone: `03-0000-${String(i).padStart(4, '0')}` }));
      h.fake.stampAll('Lead', ids, at);
      return [...ids].sort();
    }
    /** An edit in Salesforce stamped in that same second: committed late, or made just after the pull read past it. */
    function editInSecond(id: string, fields: Record<string, unknown>, at: string) {
      h.fake.update('Lead', id, fields);
      h.fake.stampAll('Lead', [id], at);
    }
    const title = (crmId: string) => localLead(crmId)?.title;
    const leadQueries = () => h.fake.stats().queries;

    it('finds an edit in the bulk second behind the cursor, past the overlap’s first page', async () => {
      await signedIn(0);
      const at = new Date(Math.floor(h.clock.now().getTime() / 1000) * 1000).toISOString();
      const ids = bulk(450, at);
      await engine().pullNow();
      expect(title(ids[449]!)).toBe('総務部 課長');
      // The 300th sorts before the cursor's Id (the 450th) and after the overlap's first page of 200.
      editInSecond(ids[299]!, { Title: '営業部 部長' }, at);

      h.clock.advance(15 * minute);
      const before = leadQueries();
      await engine().pullNow();

      expect(title(ids[299]!)).toBe('営業部 部長');
      // The overlap is 450 leads: 200 + 200 + 50, then one query each for answers and call Tasks.
      expect(leadQueries() - before).toBe(5);
      expect(db().prepare("SELECT value FROM sync_state WHERE key = 'pull.last_at'").get()).toEqual({ value: JSON.stringify(h.clock.now().toISOString()) });
    });

    it('an overlap longer than the page budget goes on where it stopped with the next pull, losing nothing', async () => {
      await signedIn(0);
      const at = new Date(Math.floor(h.clock.now().getTime() / 1000) * 1000).toISOString();
      const ids = bulk(2_500, at);
      // 13 pages: 10 in the first pull, which goes on in the second.
      await engine().pullNow();
      await engine().pullNow();
      expect(db().prepare('SELECT count(*) AS n FROM leads WHERE crm_id IS NOT NULL').get()).toEqual({ n: 2_500 });
      editInSecond(ids[99]!, { Title: '一括編集A' }, at);
      editInSecond(ids[2_299]!, { Title: '一括編集B' }, at);

      h.clock.advance(15 * minute);
      let before = leadQueries();
      await engine().pullNow();
      // Ten pages of the overlap, the budget: the first edit is in, the second not yet, and the pull
      // is not recorded as completed.
      expect(leadQueries() - before).toBe(12);
      expect(title(ids[99]!)).toBe('一括編集A');
      expect(title(ids[2_299]!)).toBe('総務部 課長');
      const lastPullAt = () => db().prepare("SELECT value FROM sync_state WHERE key = 'pull.last_at'").get();
      const continued = lastPullAt();

      before = leadQueries();
      await engine().pullNow();
      // It goes on from the 2,000th, inside the overlap — not from the furthest point, not from the
      // overlap's start: 200 + 200 + 100.
      expect(leadQueries() - before).toBe(5);
      expect(title(ids[2_299]!)).toBe('一括編集B');
      expect(lastPullAt()).not.toEqual(continued);
      expect(db().prepare('SELECT count(*) AS n FROM leads WHERE crm_id IS NOT NULL').get()).toEqual({ n: 2_500 });
    });
  });

  it('takes a Lead Koma created back without a duplicate or a conflict', async () => {
    await signedIn(1);
    await logCall(h, 'lead-0000');
    await h.settle();
    await engine().pullNow();
    expect(db().prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 1 });
    expect(db().prepare('SELECT crm_id FROM leads').get()).toEqual({ crm_id: byKomaId(h, 'Lead').get('lead-0000')!.Id });
    expect((await h.call('sync.conflicts', {})).conflicts).toEqual([]);
  });
});

describe('conflicts', () => {
  async function conflicted() {
    await signedIn(0);
    const crmId = crmLead();
    await engine().pullNow();
    const leadId = localLead(crmId)!.id;
    // The rep recycles the lead; Salesforce is busy, so the change is not confirmed yet…
    await h.call('lead.recycle', { leadId, reason: 'timing', until: new Date(h.clock.now().getTime() + 90 * 24 * 60 * minute).toISOString() });
    h.fake.addFaults({ kind: 'status503', on: 'update' });
    // …while someone in Salesforce disqualifies it and fixes its phone number.
    h.fake.update('Lead', crmId, { Status: 'Unqualified', Phone: '06-3333-4444' });
    h.clock.advance(15 * minute);
    await engine().pullNow();
    return { crmId, leadId };
  }

  it('never overwrites a change not yet synced; the conflict waits for the rep', async () => {
    const { crmId, leadId } = await conflicted();
    expect(localLead(crmId)).toMatchObject({ status: 'recycled', phone: '06-1111-2222' });
    const { conflicts } = await h.call('sync.conflicts', {});
    expect(conflicts).toEqual([
      expect.objectContaining({
        leadId,
        crmId,
        leadName: '佐藤 花子',
        fields: [
          { field: 'Phone', local: '06-1111-2222', crm: '06-3333-4444' },
          { field: 'Status', local: 'Nurturing', crm: 'Unqualified' },
        ],
      }),
    ]);
    expect((await h.call('sync.status', {})).conflicts).toBe(1);
    // A second pull of the same record updates the one conflict, never adds another.
    h.fake.update('Lead', crmId, { Title: '総務部 部長' });
    h.clock.advance(15 * minute);
    await engine().pullNow();
    expect((await h.call('sync.conflicts', {})).conflicts).toHaveLength(1);
  });

  it('taking the CRM’s version writes it locally and drops the unsent change', async () => {
    const { crmId } = await conflicted();
    const [conflict] = (await h.call('sync.conflicts', {})).conflicts;
    expect(await h.call('sync.resolveConflict', { id: conflict!.id, keep: 'crm' })).toEqual({ resolved: true });
    expect(localLead(crmId)).toMatchObject({ status: 'excluded', exclude_reason: 'other', phone: '06-3333-4444' });
    await h.settle();
    expect(h.fake.records('Lead').find((l) => l.Id === crmId)).toMatchObject({ Status: 'Unqualified' });
    expect(await h.call('sync.status', {})).toMatchObject({ pending: 0, attention: 0, conflicts: 0 });
    expect((await h.callError('sync.resolveConflict', { id: conflict!.id, keep: 'crm' })).code).toBe('not_found');
  });

  it('keeping the local version sends it, and the same CRM values do not conflict again', async () => {
    const { crmId } = await conflicted();
    const [conflict] = (await h.call('sync.conflicts', {})).conflicts;
    await h.call('sync.resolveConflict', { id: conflict!.id, keep: 'local' });
    await h.settle();
    expect(h.fake.records('Lead').find((l) => l.Id === crmId)).toMatchObject({ Status: 'Nurturing', Koma_Recycle_Reason__c: 'timing' });
    expect(localLead(crmId)).toMatchObject({ status: 'recycled', phone: '06-1111-2222' });
    h.clock.advance(15 * minute);
    await engine().pullNow();
    expect((await h.call('sync.conflicts', {})).conflicts).toEqual([]);
    expect(localLead(crmId)).toMatchObject({ status: 'recycled' });
  });
});

it("brings field sales' answers back onto the handoff", async () => {
  await signedIn(1);
  const handoff = await handOff(h, 'lead-0000', await addFieldRep(h));
  await h.settle();
  const opp = byKomaId(h, 'Opportunity').get(handoff.id)!;
  h.fake.update('Opportunity', opp.Id as string, { Koma_Field_State__c: 'Rejected', Koma_Field_Reason__c: '予算凍結のため' });
  h.clock.advance(15 * minute);
  await engine().runOnce();
  expect(await h.call('handoff.get', { handoffId: handoff.id })).toMatchObject({ fieldState: 'rejected', fieldReason: '予算凍結のため', state: 'synced' });
  expect((await h.call('handoff.list', { fieldState: 'rejected' })).rows.map((r) => r.id)).toEqual([handoff.id]);
});
