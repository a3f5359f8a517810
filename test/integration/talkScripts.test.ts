import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTalkSet } from '../../shared/domain/talk/defaults';
import type { TalkSet } from '../../shared/contract/talk';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, tableCounts, type TempBackend } from '../helpers/tempBackend';

// The helper's clock starts Monday 2025-04-07 09:00 in Tokyo.
let temp: TempBackend;
const minute = 60_000;
const at = (m: number) => new Date(temp.clock.now().getTime() + m * minute).toISOString();
const db = () => temp.backend.context.db;
const month = { from: '2025-03-31T15:00:00.000Z', to: '2025-04-30T15:00:00.000Z' };

beforeEach(async () => {
  temp = createTempBackend();
  seedLeads(temp.backend, [
    { id: 'web', company: '株式会社髙﨑製作所', name: '長谷川 花子', title: '情報システム部 部長', phone: '03-0000-0001', source: 'web_inquiry', score: 90 },
    { id: 'sem', company: '㈱サクラテック', name: '山田 太郎', phone: '03-0000-0002', source: 'seminar', score: 50 },
    { id: 'out', company: '北斗物流株式会社', name: '佐藤 一郎', phone: '03-0000-0002', source: 'outbound_list', score: 20 },
  ]);
  db()
    .prepare("INSERT INTO behaviour_events (id, lead_id, kind, occurred_at, detail, created_at) VALUES (?, 'sem', 'seminar', ?, ?, ?)")
    .run('ev-1', '2025-04-01T05:00:00.000Z', 'インサイドセールス立ち上げ講座', '2025-04-01T05:00:00.000Z');
  db()
    .prepare("INSERT INTO behaviour_events (id, lead_id, kind, occurred_at, detail, created_at) VALUES (?, 'sem', 'seminar', ?, ?, ?)")
    .run('ev-0', '2025-03-01T05:00:00.000Z', '古いセミナー', '2025-03-01T05:00:00.000Z');
  await temp.call('settings.saveProfile', { profile: { repName: '内勤 花子' } });
});
afterEach(() => temp.close());

const call = (extra: Record<string, unknown> = {}) => ({ startedAt: at(-4), endedAt: at(0), outcome: 'connected' as const, ...extra });
const objectionRows = () => db().prepare('SELECT call_id, card_id, lead_id FROM call_objections ORDER BY call_id, card_id').all();

describe('the script for a lead', () => {
  it('starts from the built-in set (version 0) and merges the lead, the seminar attended and the rep', async () => {
    const view = await temp.call('talk.get', {});
    expect(view).toMatchObject({ version: 0, origin: 'default', savedAt: null });
    expect(view.set).toEqual(defaultTalkSet);

    const web = await temp.call('talk.forLead', { leadId: 'web' });
    expect(web).toMatchObject({ version: 0, stage: 'first_call', script: { id: 'web-inquiry-first' } });
    expect(web.values).toEqual({ company: '株式会社髙﨑製作所', person: '長谷川 花子', title: '情報システム部 部長', department: null, seminar: null, lastDownload: null, rep: '内勤 花子' });
    expect(web.cards.map((c) => c.id)).toContain('busy');

    const sem = await temp.call('talk.forLead', { leadId: 'sem' });
    expect(sem).toMatchObject({ stage: 'first_call', script: { id: 'seminar-follow-up' } });
    expect(sem.values.seminar).toBe('インサイドセールス立ち上げ講座');
  });

  it('follows the lead: after a call it is a follow-up, after recycling a recycled lead', async () => {
    await temp.call('calls.log', { leadId: 'out', ...call({ outcome: 'no_answer' }) });
    expect((await temp.call('talk.forLead', { leadId: 'out' })).stage).toBe('follow_up');
    await temp.call('lead.recycle', { leadId: 'out', reason: 'timing', until: '2025-07-01T00:00:00.000Z' });
    expect(await temp.call('talk.forLead', { leadId: 'out' })).toMatchObject({ stage: 'recycled', script: { id: 'recycled-return' } });
  });
});

describe('objections raised in a call', () => {
  it('are stored with the call, shown on the timeline and counted on the dashboard', async () => {
    const first = await temp.call('calls.log', { leadId: 'web', ...call({ objections: ['busy', 'send-materials'], talkVersion: 0 }) });
    const { logged } = await temp.call('calls.logAndNext', { call: { leadId: 'sem', ...call({ objections: ['busy'], talkVersion: 0 }) } });
    await temp.call('calls.log', { leadId: 'out', ...call({ outcome: 'gatekeeper', objections: ['not-decision-maker'] }) });

    expect(objectionRows()).toEqual([
      { call_id: first.callId, card_id: 'busy', lead_id: 'web' },
      { call_id: first.callId, card_id: 'send-materials', lead_id: 'web' },
      { call_id: logged.callId, card_id: 'busy', lead_id: 'sem' },
      expect.objectContaining({ card_id: 'not-decision-maker', lead_id: 'out' }),
    ]);
    // A call with objections but no version named was made with the set in use.
    expect(db().prepare('SELECT talk_version FROM calls ORDER BY id').pluck().all()).toEqual([0, 0, 0]);

    const timeline = (await temp.call('lead.get', { leadId: 'web' })).timeline;
    expect(timeline.find((t) => t.kind === 'call')).toMatchObject({
      id: first.callId,
      objections: [
        { cardId: 'busy', title: { ja: '今は忙しい', en: 'I’m busy right now' } },
        { cardId: 'send-materials', title: { ja: '資料だけ送って', en: 'Just send me the materials' } },
      ],
    });

    // The seminar lead books a meeting after its objection; the web lead does not.
    const { reps } = await temp.call('fieldReps.save', { reps: [{ id: null, name: '営業 一郎', email: null, crmUserId: null, active: true }] });
    temp.clock.advance(10 * minute);
    await temp.call('handoff.create', {
      leadId: 'sem',
      fieldRepId: reps[0]!.id,
      appointmentAt: '2025-04-10T01:00:00.000Z',
      appointmentEnd: '2025-04-10T02:00:00.000Z',
      summary: '資料送付後に商談',
      overrideReason: '先方の希望で早めに商談',
      // The call a decision takes along carries its objections too, in the handoff's transaction.
      call: call({ objections: ['no-budget'], talkVersion: 0 }),
    });
    expect(objectionRows()).toContainEqual(expect.objectContaining({ card_id: 'no-budget', lead_id: 'sem' }));

    const { rows } = await temp.call('kpi.objections', month);
    expect(rows).toEqual([
      { cardId: 'busy', title: { ja: '今は忙しい', en: 'I’m busy right now' }, raised: 2, connects: 2, appointments: 1, appointmentRate: 0.5 },
      expect.objectContaining({ cardId: 'no-budget', raised: 1, connects: 1, appointments: 1, appointmentRate: 1 }),
      expect.objectContaining({ cardId: 'not-decision-maker', raised: 1, connects: 0, appointments: 0, appointmentRate: null }),
      expect.objectContaining({ cardId: 'send-materials', raised: 1, connects: 1, appointments: 0, appointmentRate: 0 }),
    ]);
    expect((await temp.call('kpi.objections', { from: '2025-05-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' })).rows).toEqual([]);
  });

  it('travel with a recycle decision taken while the call form held them', async () => {
    await temp.call('lead.recycle', { leadId: 'web', reason: 'no_budget', until: '2025-10-01T00:00:00.000Z', call: call({ objections: ['no-budget'] }) });
    expect(objectionRows()).toEqual([expect.objectContaining({ card_id: 'no-budget', lead_id: 'web' })]);
  });

  it.each([
    ['a card that is not in the set', { objections: ['tv-ad'] }, 'tv-ad'],
    ['a version that does not exist', { objections: ['busy'], talkVersion: 7 }, 'version 7'],
  ])('refuses %s: the whole call is refused and nothing changes', async (_, extra, message) => {
    const before = tableCounts(temp.backend);
    const error = await temp.callError('calls.log', { leadId: 'web', ...call(extra) });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it('refuses the same card twice in one call', async () => {
    const error = await temp.callError('calls.log', { leadId: 'web', ...call({ objections: ['busy', 'busy'] }) });
    expect(error.code).toBe('invalid_input');
    expect(objectionRows()).toEqual([]);
  });
});

describe('versions, export and import', () => {
  const edited = (): TalkSet => ({
    ...defaultTalkSet,
    cards: [...defaultTalkSet.cards.filter((c) => c.id !== 'busy'), { id: 'price', title: { ja: '高い', en: 'Too expensive' }, answers: [{ ja: '何と比べて高いとお感じですか。', en: 'Expensive compared with what?' }] }],
  });

  it('each save is a new version; a call keeps the version it used', async () => {
    const saved = await temp.call('talk.save', { set: edited(), basedOn: 0 });
    expect(saved).toMatchObject({ version: 1, origin: 'edited' });
    expect((await temp.call('talk.get', {})).version).toBe(1);
    // A call opened on version 0 can still raise a card version 1 dropped.
    await temp.call('calls.log', { leadId: 'web', ...call({ objections: ['busy'], talkVersion: 0 }) });
    // …but not against the set in use.
    expect((await temp.callError('calls.log', { leadId: 'sem', ...call({ objections: ['busy'], talkVersion: 1 }) })).code).toBe('invalid_input');
    await temp.call('calls.log', { leadId: 'sem', ...call({ objections: ['price'], talkVersion: 1 }) });
    expect(db().prepare('SELECT talk_version FROM calls ORDER BY id').pluck().all()).toEqual([0, 1]);
    // A save from an editor opened before the last save is refused, not merged.
    const stale = await temp.callError('talk.save', { set: defaultTalkSet, basedOn: 0 });
    expect(stale.code).toBe('conflict');
    expect(db().prepare('SELECT count(*) FROM talk_sets').pluck().get()).toBe(1);
  });

  it('exports the set in use as a file that imports back as the next version', async () => {
    await temp.call('talk.save', { set: edited(), basedOn: 0 });
    const file = await temp.call('talk.export', {});
    expect(file.fileName).toBe('koma-talk-scripts-v1.json');
    expect(JSON.parse(file.content)).toMatchObject({ format: 'koma-talk-set', formatVersion: 1, set: edited() });

    // A teammate's machine: a fresh store takes the file.
    const other = createTempBackend();
    try {
      const imported = await other.call('talk.import', { content: file.content });
      expect(imported).toMatchObject({ version: 1, origin: 'imported', set: edited() });
      expect((await other.call('talk.get', {})).set).toEqual(edited());
    } finally {
      other.close();
    }
    // With a BOM, as Windows editors save it, it still imports.
    await temp.call('talk.import', { content: `\uFEFF${file.content}` });
    expect((await temp.call('talk.get', {})).version).toBe(2);
  });

  const file = (set: unknown) => JSON.stringify({ format: 'koma-talk-set', formatVersion: 1, set });
  it.each([
    ['not JSON', '{"format": "koma-talk-set", ', 'not JSON'],
    ['JSON of something else', JSON.stringify({ leads: [] }), 'not a Koma talk script file'],
    ['a card without answers', file({ ...defaultTalkSet, cards: [{ id: 'busy', title: { ja: '今は忙しい', en: '' }, answers: [] }] }), 'errors'],
    ['two cards with one id', file({ ...defaultTalkSet, cards: [defaultTalkSet.cards[0], defaultTalkSet.cards[0]] }), 'errors'],
    ['a newer format', JSON.stringify({ format: 'koma-talk-set', formatVersion: 2, set: defaultTalkSet }), 'errors'],
  ])('refuses %s with a clear error and changes nothing', async (_, content, message) => {
    await temp.call('talk.save', { set: edited(), basedOn: 0 });
    const before = { counts: tableCounts(temp.backend), set: await temp.call('talk.get', {}) };
    const error = await temp.callError('talk.import', { content });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
    expect(error.message).toContain('Nothing was changed');
    expect({ counts: tableCounts(temp.backend), set: await temp.call('talk.get', {}) }).toEqual(before);
  });

  it('names where a bad file is wrong', async () => {
    const error = await temp.callError('talk.import', { content: file({ ...defaultTalkSet, cards: [{ id: 'busy', title: { ja: '今は忙しい', en: '' }, answers: [] }] }) });
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'set.cards.0.answers' }));
  });
});
