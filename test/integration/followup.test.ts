import { afterEach, describe, expect, it } from 'vitest';
import { defaultFollowupTemplates } from '../../shared/domain/followup/defaults';
import { addFieldRep, byKomaId, handOff, logCall, qualifiedHearing, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

// Follow-up mail after a call (issue 15): recorded with its outbox row in one transaction, placed in
// the queue as a callback on an open time, and sent to the strict fake Salesforce once as an email
// Task. Real SQLite, the real dispatcher, the fake on loopback.
let h: SyncHarness;
afterEach(async () => h?.close());

const db = () => h.backend.context.db;
const followups = () => db().prepare('SELECT kind, subject, channel, call_id AS callId, due_at AS dueAt FROM followups').all();
const outboxFollowups = () => db().prepare("SELECT entity_id AS id, op FROM outbox WHERE entity = 'followup'").all();
const tokyoDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

async function ready() {
  h = await createSyncHarness();
  seedSyncLeads(h, 2, { email: 'taro@example.co.jp' });
}

const thanks = (leadId: string, patch: object = {}) => ({
  leadId,
  templateId: 'thanks',
  kind: 'thanks' as const,
  to: 'taro@example.co.jp',
  subject: '【お礼】本日のお電話について',
  body: '株式会社サクラテック\n山田 太郎0 様\n\n本日はありがとうございました。',
  channel: 'mailto' as const,
  ...patch,
});

describe('a follow-up mail after a call', () => {
  it('gives the dialog the templates, the merge values, the address and the call it answers', async () => {
    await ready();
    await h.call('hearing.save', { leadId: 'lead-0000', hearing: qualifiedHearing });
    const { callId } = await logCall(h, 'lead-0000', 'connected', 'アポ獲得');
    const rep = await addFieldRep(h);
    const handoff = await handOff(h, 'lead-0000', rep);
    const context = await h.call('followup.context', { leadId: 'lead-0000' });
    expect(context.templates.map((t) => t.kind)).toEqual(['thanks', 'materials', 'scheduling', 'appointment']);
    expect(context.templates).toEqual(defaultFollowupTemplates);
    expect(context).toMatchObject({ email: 'taro@example.co.jp', timeZone: 'Asia/Tokyo', callId });
    expect(context.values).toMatchObject({ company: '株式会社サクラテック', person: '山田 太郎0', appointment: handoff.appointmentAt, fieldRep: '営業 一郎' });
  });

  it('is recorded on the timeline with its outbox row in one transaction, and a refusal writes neither', async () => {
    await ready();
    const { callId } = await logCall(h, 'lead-0000', 'connected', '資料送付の依頼');
    const before = h.outbox().length;
    const { id, callbackAt } = await h.call('followup.record', thanks('lead-0000', { callId }));
    expect(callbackAt).toBeNull();
    expect(followups()).toEqual([{ kind: 'thanks', subject: '【お礼】本日のお電話について', channel: 'mailto', callId, dueAt: null }]);
    expect(outboxFollowups()).toEqual([{ id, op: 'upsert' }]);
    expect(h.outbox()).toHaveLength(before + 1);
    const { timeline } = await h.call('lead.get', { leadId: 'lead-0000' });
    expect(timeline[0]).toMatchObject({ kind: 'followup', id, followup: 'thanks', subject: '【お礼】本日のお電話について', dueAt: null });

    // A call of another lead, a two-line subject, a callback on a closed lead: refused, nothing written.
    const otherCall = (await logCall(h, 'lead-0001')).callId;
    expect((await h.callError('followup.record', thanks('lead-0000', { callId: otherCall }))).code).toBe('not_found');
    expect((await h.callError('followup.record', thanks('lead-0000', { subject: 'a\r\nBcc: x@example.com' }))).code).toBe('invalid_input');
    await h.call('lead.exclude', { leadId: 'lead-0001', reason: 'competitor' });
    expect((await h.callError('followup.record', thanks('lead-0001', { dueAt: '2025-04-08T01:00:00.000Z' }))).code).toBe('conflict');
    expect(followups()).toHaveLength(1);
    expect(outboxFollowups()).toHaveLength(1);
  });

  it('turns a due date on a closed day (元日) into a callback on the next open time, in the queue', async () => {
    await ready();
    // 2026-01-01 10:00 in Tokyo: 元日, inside 年末年始.
    const { callbackAt, moved } = await h.call('followup.record', thanks('lead-0000', { dueAt: '2026-01-01T01:00:00.000Z' }));
    expect(moved).toMatchObject({ from: '2026-01-01T01:00:00.000Z', to: callbackAt });
    expect(tokyoDay(callbackAt!)).toBe('Mon, 2026-01-05, 09:00');
    const lead = db().prepare('SELECT status, next_call_at AS nextCallAt FROM leads WHERE id = ?').get('lead-0000');
    expect(lead).toEqual({ status: 'callback', nextCallAt: callbackAt });
    expect(followups()).toEqual([expect.objectContaining({ dueAt: callbackAt })]);
  });

  it('syncs to Salesforce once as a completed email Task on the Lead, and as nothing else', async () => {
    await ready();
    await h.signIn();
    const { callId } = await logCall(h, 'lead-0000', 'connected', '資料送付の依頼');
    const { id } = await h.call('followup.record', thanks('lead-0000', { callId, dueAt: '2025-04-09T01:00:00.000Z' }));
    await h.settle();
    const tasks = byKomaId(h, 'Task');
    const lead = byKomaId(h, 'Lead').get('lead-0000');
    expect(tasks.get(id)).toMatchObject({
      Subject: 'Email: 【お礼】本日のお電話について',
      Status: 'Completed',
      TaskSubtype: 'Email',
      ActivityDate: '2025-04-07',
      WhoId: lead?.Id,
      Description: expect.stringContaining('To: taro@example.co.jp\nFollow up: 2025-04-09T01:00:00.000Z\n\n株式会社サクラテック'),
    });
    expect(tasks.get(id)?.CallType ?? null).toBeNull();
    expect(tasks.get(callId)).toMatchObject({ TaskSubtype: 'Call' });
    expect(h.outbox().every((r) => r.state === 'done')).toBe(true);
    // Synced again: nothing more is sent, nothing duplicated.
    const upserts = h.fake.stats().upserts.Task;
    await h.settle();
    expect(h.fake.stats().upserts.Task).toBe(upserts);
    expect(byKomaId(h, 'Task').size).toBe(2);
    expect(byKomaId(h, 'Lead').size).toBe(1);
  });
});

describe('the team’s own templates (Settings)', () => {
  it('saved templates are what the dialog gets; a set that is not one per kind is refused and changes nothing', async () => {
    await ready();
    const mine = defaultFollowupTemplates.map((t) => (t.kind === 'thanks' ? { ...t, subject: { ja: '【御礼】{{company}} 様 本日のお電話', en: t.subject.en } } : t));
    const saved = await h.call('followup.templates.save', { templates: mine });
    expect(saved.templates[0]!.subject.ja).toBe('【御礼】{{company}} 様 本日のお電話');
    expect(saved.defaults).toEqual(defaultFollowupTemplates);
    expect((await h.call('followup.context', { leadId: 'lead-0000' })).templates[0]!.subject.ja).toBe('【御礼】{{company}} 様 本日のお電話');

    for (const templates of [mine.slice(0, 3), [mine[1]!, mine[0]!, mine[2]!, mine[3]!], mine.map((t, i) => (i === 2 ? { ...t, body: { ja: ' ', en: '' } } : t))]) {
      expect((await h.callError('followup.templates.save', { templates })).code).toBe('invalid_input');
    }
    expect((await h.call('followup.templates.get', {})).templates).toEqual(mine);
  });
});
