import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base64Of, importCsv } from '../helpers/imports';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

// A decision made while the call form holds a call takes the call along: logged first, in the
// decision's transaction (issue 11). Real SQLite through the real dispatcher.
let temp: TempBackend;
let repId: string;
const minute = 60_000;
const at = (m: number) => new Date(temp.clock.now().getTime() + m * minute).toISOString();
const db = () => temp.backend.context.db;
const calls = (leadId: string) =>
  db().prepare('SELECT outcome, notes, duration_sec AS durationSec, conversation FROM calls WHERE lead_id = ? ORDER BY started_at').all(leadId);
const exits = (leadId: string) => db().prepare('SELECT kind, reason, call_id IS NOT NULL AS withCall FROM lead_exits WHERE lead_id = ? ORDER BY at, id').all(leadId) as { kind: string; reason: string; withCall: number }[];
const outboxOps = () => db().prepare('SELECT entity, op FROM outbox ORDER BY seq').all() as { entity: string; op: string }[];
const draft = (leadId: string) => db().prepare('SELECT 1 FROM call_drafts WHERE lead_id = ?').get(leadId);

/** What the renderer sends for the form's call: timed with S three minutes ago. */
const call = (patch: object = {}) => ({ startedAt: at(-3), endedAt: at(0), outcome: 'connected' as const, notes: '来期に予算化の予定', ...patch });

beforeEach(async () => {
  temp = createTempBackend();
  seedLeads(temp.backend, [
    { id: 'lead', company: '株式会社サクラテック', name: '山田 太郎', phone: '03-0000-0001', score: 60 },
    { id: 'other', company: '北斗物流株式会社', name: '佐藤 花子', phone: '03-0000-0002', score: 40 },
  ]);
  const { reps } = await temp.call('fieldReps.save', { reps: [{ id: null, name: '営業 一郎', email: null, crmUserId: null, active: true }] });
  repId = reps[0]!.id;
  await temp.call('callDraft.save', { leadId: 'lead', draft: { startedAt: at(-3), outcome: 'connected', notes: '来期に予算化の予定', nextAction: '', nextActionAt: null, callbackAt: null } });
});
afterEach(() => temp.close());

describe('the open call is never lost', () => {
  it('skip: the call is logged first, then the skip; the draft is gone; both reach the outbox', async () => {
    await temp.call('lead.skip', { leadId: 'lead', reason: 'not_now', call: call({ outcome: 'no_answer', notes: '' }) });
    expect(calls('lead')).toEqual([{ outcome: 'no_answer', notes: '', durationSec: 180, conversation: 0 }]);
    expect(exits('lead')).toEqual([
      { kind: 'called', reason: 'no_answer', withCall: 1 },
      { kind: 'skipped', reason: 'not_now', withCall: 0 },
    ]);
    expect(draft('lead')).toBeUndefined();
    expect(outboxOps()).toContainEqual({ entity: 'call', op: 'upsert' });
  });

  it('recycle: the call and the recycle in one transaction', async () => {
    const until = new Date(temp.clock.now().getTime() + 90 * 24 * 60 * minute).toISOString();
    await temp.call('lead.recycle', { leadId: 'lead', reason: 'timing', until, call: call() });
    expect(calls('lead')).toEqual([{ outcome: 'connected', notes: '来期に予算化の予定', durationSec: 180, conversation: 0 }]);
    expect(exits('lead').map((x) => x.kind)).toEqual(['called', 'recycled']);
    expect(db().prepare('SELECT status, recycle_reason FROM leads WHERE id = ?').get('lead')).toEqual({ status: 'recycled', recycle_reason: 'timing' });
  });

  it('exclude: the call and the exclusion; a refused exclusion logs no call either', async () => {
    await temp.callError('lead.exclude', { leadId: 'lead', reason: 'competitor', call: call({ outcome: 'callback_requested' }) });
    expect(calls('lead')).toEqual([]);
    await temp.call('lead.exclude', { leadId: 'lead', reason: 'competitor', call: call({ notes: '競合の代理店' }) });
    expect(calls('lead')).toEqual([{ outcome: 'connected', notes: '競合の代理店', durationSec: 180, conversation: 0 }]);
    expect(exits('lead').map((x) => x.kind)).toEqual(['called', 'excluded']);
    // The exclusion ran after the call: the lead is excluded, not left where the call put it.
    expect(db().prepare('SELECT status FROM leads WHERE id = ?').get('lead')).toEqual({ status: 'excluded' });
  });

  it('handoff: the qualifying call is logged, its hearing sealed with it, and the package carries it', async () => {
    await temp.call('hearing.save', { leadId: 'lead', hearing: { budget: { status: 'approved', amount: 5_000_000, confirmed: true }, authority: {}, need: {}, timeline: {} } });
    const view = await temp.call('handoff.create', {
      leadId: 'lead',
      fieldRepId: repId,
      appointmentAt: '2025-04-10T01:00:00.000Z',
      appointmentEnd: '2025-04-10T02:00:00.000Z',
      summary: '予算承認済み',
      overrideReason: '決裁者は次回商談で確認',
      call: call(),
    });
    expect(view.package.calls).toEqual([{ at: at(-3), outcome: 'connected', notes: '来期に予算化の予定', durationSec: 180 }]);
    expect(view.package.hearingVersion).toBe(1);
    // A hearing recorded in the call makes it a conversation, however short.
    expect(calls('lead')).toEqual([{ outcome: 'connected', notes: '来期に予算化の予定', durationSec: 180, conversation: 1 }]);
    const sealed = db().prepare('SELECT call_id FROM hearings WHERE lead_id = ?').get('lead') as { call_id: string };
    expect(sealed.call_id).not.toBeNull();
    expect(exits('lead').map((x) => x.kind)).toEqual(['called', 'qualified']);
    expect(draft('lead')).toBeUndefined();
  });

  it('a refused handoff (no field rep) logs nothing: the call stays on the form as a draft', async () => {
    const error = await temp.callError('handoff.create', {
      leadId: 'lead', fieldRepId: 'nobody', appointmentAt: '2025-04-10T01:00:00.000Z', appointmentEnd: '2025-04-10T02:00:00.000Z', summary: 'x', overrideReason: 'x', call: call(),
    });
    expect(error.code).toBe('invalid_input');
    expect(calls('lead')).toEqual([]);
    expect(draft('lead')).toBeDefined();
  });

  it('a decision without a call logs none', async () => {
    await temp.call('lead.skip', { leadId: 'lead', reason: 'needs_research' });
    expect(calls('lead')).toEqual([]);
  });
});

describe('honest durations and conversations', () => {
  it('a call not timed in Koma has an unknown duration; a given duration and a 有効会話 mark are kept', async () => {
    await temp.call('calls.log', { leadId: 'lead', startedAt: at(0), endedAt: at(0), outcome: 'connected' });
    await temp.call('calls.log', { leadId: 'other', startedAt: at(0), endedAt: at(0), outcome: 'connected', durationSec: 240, conversation: true });
    expect(calls('lead')).toEqual([{ outcome: 'connected', notes: '', durationSec: null, conversation: 0 }]);
    expect(calls('other')).toEqual([{ outcome: 'connected', notes: '', durationSec: 240, conversation: 1 }]);
  });

  it('refuses a conversation mark on a call nobody answered, and changes nothing', async () => {
    const error = await temp.callError('calls.log', { leadId: 'lead', startedAt: at(0), endedAt: at(0), outcome: 'no_answer', conversation: true });
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.path)).toContain('conversation');
    expect(calls('lead')).toEqual([]);
  });

  it('the dashboard counts a marked call as a conversation and leaves an untimed one out', async () => {
    await temp.call('calls.log', { leadId: 'lead', startedAt: at(0), endedAt: at(0), outcome: 'connected' });
    await temp.call('calls.log', { leadId: 'other', startedAt: at(0), endedAt: at(0), outcome: 'callback_requested', callbackAt: at(60 * 24), conversation: true });
    const report = await temp.call('kpi.report', { from: at(-60), to: at(60) });
    expect(report.total).toMatchObject({ dials: 2, connects: 2, conversations: 1 });
  });

  it('the goal panel works back at the target rates the rep has not measured yet, and says which', async () => {
    await temp.call('calls.log', { leadId: 'lead', startedAt: at(-5), endedAt: at(0), outcome: 'connected' });
    const goal = await temp.call('kpi.goal', {});
    // One dial, one connect (100 %), one conversation (300 s ≥ 60 s), no opportunity yet.
    expect(goal.rates).toEqual({ connect: 1, conversation: 1, opportunity: 0 });
    expect(goal.assumed).toEqual(['opportunity']);
    expect(goal.conversationsNeeded).toBe(Math.ceil(goal.remaining / goal.targets.opportunity));
  });
});

describe('history', () => {
  it('one entry per call; a decision taken with it is an entry of its own', async () => {
    await temp.call('calls.log', { leadId: 'lead', startedAt: at(-2), endedAt: at(0), outcome: 'no_answer' });
    temp.clock.advance(3 * 60 * minute);
    const until = new Date(temp.clock.now().getTime() + 30 * 24 * 60 * minute).toISOString();
    await temp.call('calls.log', { leadId: 'lead', startedAt: at(-1), endedAt: at(0), outcome: 'connected', notes: '予算なし', decision: { kind: 'recycle', reason: 'no_budget', until } });
    const { timeline } = await temp.call('lead.get', { leadId: 'lead' });
    expect(timeline.map((item) => (item.kind === 'exit' ? `exit:${item.exit}` : item.kind === 'call' ? `call:${item.outcome}` : item.kind))).toEqual([
      'exit:recycled',
      'call:connected',
      'call:no_answer',
    ]);
  });
});

describe('lead notes', () => {
  it('a note per lead, saved and read back with the lead; an unknown lead is refused', async () => {
    const { savedAt } = await temp.call('lead.saveNotes', { leadId: 'lead', notes: '展示会で名刺交換。情シス兼務、予算は部長決裁' });
    expect(savedAt).toBe(temp.clock.now().toISOString());
    expect((await temp.call('lead.get', { leadId: 'lead' })).lead.notes).toBe('展示会で名刺交換。情シス兼務、予算は部長決裁');
    expect((await temp.call('lead.get', { leadId: 'other' })).lead.notes).toBe('');
    expect((await temp.callError('lead.saveNotes', { leadId: 'nobody', notes: 'x' })).code).toBe('not_found');
  });
});

describe('notes from the CSV', () => {
  it('the 備考 column lands in the lead notes; a re-import fills empty notes only', async () => {
    const csv = (note: string) => `会社名,氏名,電話番号,備考\r\n株式会社ミドリ電機,高橋 一郎,03-5555-0101,${note}\r\n`;
    const preview = await temp.call('import.preview', { fileName: 'leads.csv', contentBase64: base64Of(csv('展示会で名刺交換')) });
    expect(preview.mapping.notes).toBe(3);
    await importCsv(temp, 'leads.csv', csv('展示会で名刺交換'));
    const leadId = (await temp.call('leads.search', { search: '高橋' })).rows[0]!.id;
    expect((await temp.call('lead.get', { leadId })).lead.notes).toBe('展示会で名刺交換');
    await temp.call('lead.saveNotes', { leadId, notes: '決裁者は部長' });
    await importCsv(temp, 'leads.csv', csv('古いメモ'));
    expect((await temp.call('lead.get', { leadId })).lead.notes).toBe('決裁者は部長');
  });
});

describe('every lead can be found', () => {
  it('searches all leads whatever their status, with a status filter', async () => {
    await temp.call('lead.exclude', { leadId: 'other', reason: 'competitor' });
    const listed = await temp.call('callList.page', { search: '佐藤' });
    expect(listed.rows).toEqual([]);
    const all = await temp.call('leads.search', { search: '佐藤' });
    expect(all.rows).toEqual([expect.objectContaining({ id: 'other', fullName: '佐藤 花子', companyName: '北斗物流株式会社', status: 'excluded' })]);
    expect((await temp.call('leads.search', { search: '', status: 'excluded' })).rows.map((r) => r.id)).toEqual(['other']);
    expect((await temp.call('leads.search', { search: '', status: 'new' })).rows.map((r) => r.id)).toEqual(['lead']);
    expect((await temp.call('leads.search', { search: '北斗', status: 'new' })).rows).toEqual([]);
  });
});
