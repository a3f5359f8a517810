import { afterEach, describe, expect, it } from 'vitest';
import { stateKeys } from '../../electron/backend/sync/state';
import { minute } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

/**
 * The phone system's call Tasks pulled from the strict fake Salesforce over loopback into a real
 * SQLite file, matched to the calls the rep logged in Koma.
 */
let h: SyncHarness;
afterEach(async () => h?.close());

const start = new Date('2026-12-07T00:00:00.000Z'); // 09:00 in Tokyo, a Monday
const db = () => h.backend.context.db;
const jstText = (iso: string) => {
  const d = new Date(Date.parse(iso) + 9 * 3_600_000);
  return `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')} ${d.toISOString().slice(11, 19)}`;
};
const at = (minutes: number, seconds = 0) => new Date(start.getTime() + minutes * minute + seconds * 1000).toISOString();

/** A call Task as MiiTel's activity sync writes it: call fields, and times, memo and link in the comment. */
function miitelTask(whoId: string, startedAt: string, durationSec: number, extra: Record<string, unknown> = {}): string {
  return h.fake.insert('Task', {
    Subject: '発信 (MiiTel)',
    Status: 'Completed',
    TaskSubtype: 'Call',
    CallType: 'Outbound',
    CallDurationInSeconds: durationSec,
    CallObject: `miitel-${whoId}-${startedAt}`,
    WhoId: whoId,
    Description: `通話開始時刻: ${jstText(startedAt)}\n通話時間 (秒): ${durationSec}\n応対履歴 URL: https://koma-test.miitel.jp/app/calls/${whoId}-${Date.parse(startedAt) / 1000}\n要約: 来期予算で検討`,
    OwnerId: h.fake.userId,
    ...extra,
  });
}

async function rep(leadCount: number, queryBatchSize?: number) {
  h = await createSyncHarness({ start, ...(queryBatchSize ? { fakeOptions: { queryBatchSize } } : {}) });
  const crmIds = Array.from({ length: leadCount }, (_, i) =>
    h.fake.insert('Lead', { LastName: `髙橋${i}`, FirstName: '一郎', Company: `㈱見本${i % 7}`, Phone: `03-1234-${String(i).padStart(4, '0')}`, Status: 'Working', OwnerId: h.fake.userId }),
  );
  await h.signIn();
  await h.backend.sync.engine.pullNow();
  const leadOf = new Map(crmIds.map((crmId) => [crmId, (db().prepare('SELECT id FROM leads WHERE crm_id = ?').get(crmId) as { id: string }).id]));
  return { crmIds, leadOf };
}

async function logAt(leadId: string, startedAt: string, endedAt: string, outcome: 'connected' | 'no_answer' = 'connected') {
  const { callId } = await h.call('calls.log', { leadId, startedAt, endedAt, outcome, notes: '' });
  return callId;
}

const phoneRows = () =>
  db().prepare('SELECT external_id, lead_id, call_id, state, duration_sec, recording_url, updated_at FROM phone_calls ORDER BY external_id').all() as {
    external_id: string;
    lead_id: string | null;
    call_id: string | null;
    state: string;
    duration_sec: number | null;
    recording_url: string | null;
    updated_at: string;
  }[];

describe("the phone system's call Tasks from Salesforce", () => {
  it('pulls 500 Tasks in short answer batches, attaches each to its Koma call, keeps the rest unmatched, and a re-pull changes nothing', async () => {
    const { crmIds, leadOf } = await rep(50, 37);
    // Each lead: two Koma calls two minutes apart (a no-answer redialled), at the lead's own hour.
    const komaCalls = new Map<string, [string, string]>();
    h.clock.advance(3 * 24 * 60 * minute);
    for (const [i, crmId] of crmIds.entries()) {
      const leadId = leadOf.get(crmId)!;
      const first = await logAt(leadId, at(i * 10, 5), at(i * 10, 30), 'no_answer');
      const second = await logAt(leadId, at(i * 10 + 2, 3), at(i * 10 + 7), 'connected');
      komaCalls.set(crmId, [first, second]);
    }
    // Koma's own call Tasks reach Salesforce: the pull must not take them for the phone system's.
    await h.settle();
    expect(h.fake.records('Task').filter((t) => t.Koma_Id__c)).toHaveLength(100);

    // 500 phone Tasks: per lead, the two calls (the phone system's clock 20 s off Koma's) and eight on other days.
    const expected = new Map<string, string | null>();
    for (const [i, crmId] of crmIds.entries()) {
      expected.set(miitelTask(crmId, at(i * 10, 0), 20), komaCalls.get(crmId)![0]);
      expected.set(miitelTask(crmId, at(i * 10 + 2, 20), 280), komaCalls.get(crmId)![1]);
      for (let d = 1; d <= 8; d++) expected.set(miitelTask(crmId, at(d * 24 * 60 + i * 10), 60), null);
    }
    // Not the phone system's calls for this rep: another owner's, and a plain to-do.
    miitelTask(crmIds[0]!, at(0), 20, { OwnerId: '005000000000002AAA' });
    h.fake.insert('Task', { Subject: '資料送付', Status: 'Not Started', WhoId: crmIds[0], OwnerId: h.fake.userId });

    const before = h.fake.stats().queries;
    await h.backend.sync.engine.pullNow();
    const rows = phoneRows();
    expect(rows).toHaveLength(500);
    for (const row of rows) {
      const callId = expected.get(row.external_id);
      expect(callId).not.toBeUndefined();
      expect({ task: row.external_id, call: row.call_id, state: row.state }).toEqual({ task: row.external_id, call: callId, state: callId ? 'matched' : 'unmatched' });
    }
    expect(rows.filter((r) => r.state === 'matched')).toHaveLength(100);
    // Every unmatched one still knows its lead, for the rep to attach.
    expect(rows.every((r) => r.lead_id !== null)).toBe(true);
    // Pages of 200 (200 + 200 + 100), each answered in batches of 37: more requests, no Task missed.
    expect(h.fake.stats().queries - before).toBeGreaterThan(3);

    // The timeline shows the phone system's duration and recording link on the call.
    const firstLead = leadOf.get(crmIds[0]!)!;
    const detail = await h.call('lead.get', { leadId: firstLead });
    const second = detail.timeline.find((i) => i.kind === 'call' && i.id === komaCalls.get(crmIds[0]!)![1]);
    expect(second && second.kind === 'call' && second.phone).toMatchObject({ source: 'salesforce', durationSec: 280, recordingUrl: expect.stringMatching(/^https:\/\/koma-test\.miitel\.jp\/app\/calls\//) });

    // The same Tasks again (the cursor forgotten): nothing added, nothing rewritten.
    db().prepare('DELETE FROM sync_state WHERE key = ?').run(stateKeys.phoneCallsCursor);
    h.clock.advance(20 * minute);
    await h.backend.sync.engine.pullNow();
    expect(phoneRows()).toEqual(rows);
    expect(db().prepare('SELECT count(*) AS n FROM calls').get()).toEqual({ n: 100 });
  });

  it('a Task the phone system changed later updates its details and keeps its match', async () => {
    const { crmIds, leadOf } = await rep(1);
    h.clock.advance(60 * minute);
    const callId = await logAt(leadOf.get(crmIds[0]!)!, at(10), at(14));
    const task = miitelTask(crmIds[0]!, at(10, 10), 200);
    await h.backend.sync.engine.pullNow();
    h.fake.update('Task', task, { CallDurationInSeconds: 230, Description: '通話開始時刻: 2026/12/07 09:10:10\nhttps://koma-test.miitel.jp/app/calls/new' });
    h.clock.advance(20 * minute);
    await h.backend.sync.engine.pullNow();
    expect(phoneRows()).toMatchObject([{ call_id: callId, state: 'matched', duration_sec: 230, recording_url: 'https://koma-test.miitel.jp/app/calls/new' }]);
  });

  it('a Task on the Contact a lead was converted to belongs to that lead', async () => {
    const { crmIds, leadOf } = await rep(1);
    const lead = crmIds[0]!;
    const account = h.fake.insert('Account', { Name: '㈱見本0' });
    const contact = h.fake.insert('Contact', { LastName: '髙橋0', FirstName: '一郎', AccountId: account });
    h.fake.update('Lead', lead, { IsConverted: true, ConvertedContactId: contact, ConvertedAccountId: account });
    h.clock.advance(60 * minute);
    const callId = await logAt(leadOf.get(lead)!, at(30), at(33));
    miitelTask(contact, at(30, 40), 150);
    await h.backend.sync.engine.pullNow();
    expect(phoneRows()).toMatchObject([{ lead_id: leadOf.get(lead), call_id: callId, state: 'matched' }]);
  });

  it('a Task pulled before the rep logs the call waits, and the call logged later takes it', async () => {
    const { crmIds, leadOf } = await rep(1);
    h.clock.advance(60 * minute);
    miitelTask(crmIds[0]!, at(40), 95);
    await h.backend.sync.engine.pullNow();
    expect(phoneRows()).toMatchObject([{ state: 'unmatched', call_id: null }]);
    // Logged without the timer, two minutes after the call ended.
    const callId = await logAt(leadOf.get(crmIds[0]!)!, at(43, 35), at(43, 35));
    expect(phoneRows()).toMatchObject([{ state: 'matched', call_id: callId }]);
  });

  it('a Task without a start in its comment starts at its creation less its duration', async () => {
    const { crmIds, leadOf } = await rep(1);
    const task = h.fake.insert('Task', { Subject: 'Call', Status: 'Completed', TaskSubtype: 'Call', CallType: 'Outbound', CallDurationInSeconds: 120, WhoId: crmIds[0], OwnerId: h.fake.userId, Description: 'Zoom Phone call' });
    const created = String(h.fake.records('Task').find((t) => t.Id === task)!.CreatedDate);
    const callStart = new Date(Date.parse(created) - 120_000).toISOString();
    h.clock.set(new Date(Date.parse(created) + 10 * minute));
    const callId = await logAt(leadOf.get(crmIds[0]!)!, callStart, created);
    await h.backend.sync.engine.pullNow();
    expect(phoneRows()).toMatchObject([{ call_id: callId, state: 'matched', duration_sec: 120, recording_url: null }]);
  });
});
