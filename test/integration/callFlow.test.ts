import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextLeadSql } from '../../electron/backend/app/queue/handlers';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, tableCounts, type TempBackend } from '../helpers/tempBackend';

// The helper's clock starts Monday 2025-04-07 09:00 in Tokyo.
let temp: TempBackend;
const minute = 60_000;
const day = 24 * 60 * minute;
const now = () => temp.clock.now();
const inMinutes = (m: number) => new Date(now().getTime() + m * minute).toISOString();

beforeEach(() => {
  temp = createTempBackend();
  seedLeads(temp.backend, [
    { id: 'hot', company: '株式会社サクラテック', name: '山田 太郎', phone: '03-0000-0001', score: 90 },
    { id: 'mid', company: '北斗物流株式会社', name: '佐藤 花子', phone: '03-0000-0002', score: 50 },
    { id: 'low', company: '青葉商事株式会社', name: '鈴木 一郎', phone: '03-0000-0003', score: 20 },
  ]);
});
afterEach(() => temp.close());

const row = (id: string) => temp.backend.context.db.prepare('SELECT * FROM leads WHERE id = ?').get(id) as Record<string, unknown>;
const outbox = () => temp.backend.context.db.prepare('SELECT entity, entity_id, op, payload FROM outbox ORDER BY seq').all() as { entity: string; entity_id: string; op: string; payload: string }[];
const exits = (id: string) => temp.backend.context.db.prepare('SELECT kind, reason FROM lead_exits WHERE lead_id = ? ORDER BY at, id').all(id);
const listed = async () => (await temp.call('callList.page', {})).rows.map((r) => r.id);

async function logCall(leadId: string, outcome: string, extra: Record<string, unknown> = {}) {
  return temp.call('calls.log', { leadId, startedAt: inMinutes(-3), endedAt: now().toISOString(), outcome: outcome as never, ...extra });
}

describe('working the queue', () => {
  it('logs a no-answer: call, lead and outbox together; the lead cools down and comes back', async () => {
    expect(await temp.call('queue.next', {})).toEqual({ leadId: 'hot' });
    const logged = await logCall('hot', 'no_answer', { notes: '受付不在' });

    expect(logged.leadStatus).toBe('working');
    expect(row('hot')).toMatchObject({ status: 'working', attempts: 1, last_outcome: 'no_answer', next_call_at: inMinutes(120), queue_bucket: 0 });
    const calls = temp.backend.context.db.prepare('SELECT lead_id, outcome, notes, duration_sec FROM calls').all();
    expect(calls).toEqual([{ lead_id: 'hot', outcome: 'no_answer', notes: '受付不在', duration_sec: 180 }]);
    expect(outbox().map((o) => [o.entity, o.entity_id, o.op])).toEqual([
      ['lead', 'hot', 'status'],
      ['call', logged.callId, 'upsert'],
    ]);
    expect(exits('hot')).toEqual([{ kind: 'called', reason: 'no_answer' }]);

    expect(await temp.call('queue.next', {})).toEqual({ leadId: 'mid' });
    expect(await listed()).toEqual(['mid', 'low']);

    temp.clock.advance(119 * minute);
    expect(await listed()).not.toContain('hot');
    temp.clock.advance(1 * minute);
    const page = await temp.call('callList.page', {});
    expect(page.rows[0]).toMatchObject({ id: 'hot', reason: { code: 'hot', score: 90 } });
  });

  it('saves and advances in one request: the call logged, the next lead with its detail, nothing else read', async () => {
    const before = tableCounts(temp.backend);
    const { logged, next } = await temp.call('calls.logAndNext', { call: { leadId: 'hot', startedAt: inMinutes(-3), endedAt: now().toISOString(), outcome: 'no_answer' } });
    expect(logged.leadStatus).toBe('working');
    expect(next?.lead).toMatchObject({ id: 'mid', fullName: '佐藤 花子' });
    expect(next?.company.name).toBe('北斗物流株式会社');
    expect(tableCounts(temp.backend)).toMatchObject({ calls: before.calls! + 1, outbox: before.outbox! + 2, lead_exits: before.lead_exits! + 1 });
    expect(await temp.call('calls.logAndNext', { call: { leadId: 'mid', startedAt: inMinutes(-3), endedAt: now().toISOString(), outcome: 'no_answer' }, source: 'seminar' })).toMatchObject({ next: null });
  });

  it('logs nothing and advances nowhere when the call is refused', async () => {
    await temp.call('lead.exclude', { leadId: 'hot', reason: 'competitor' });
    const before = tableCounts(temp.backend);
    const result = await temp.backend.dispatch('calls.logAndNext', { call: { leadId: 'hot', startedAt: inMinutes(-3), endedAt: now().toISOString(), outcome: 'no_answer' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it('recycles for timing 3 months: off the list until the date, then back as recycled', async () => {
    await logCall('mid', 'connected', { notes: '来期検討', decision: { kind: 'recycle', reason: 'timing', until: new Date(now().getTime() + 91 * day).toISOString() } });
    expect(row('mid')).toMatchObject({ status: 'recycled', recycle_reason: 'timing' });
    expect(exits('mid')).toEqual([{ kind: 'recycled', reason: 'timing' }]);
    expect(await listed()).toEqual(['hot', 'low']);

    temp.clock.advance(90 * day);
    expect(await listed()).not.toContain('mid');
    temp.clock.advance(1 * day);
    const page = await temp.call('callList.page', {});
    expect(page.rows.find((r) => r.id === 'mid')?.reason.code).toBe('recycle_due');
  });

  it('excludes a competitor with its reason; it never returns unless restored', async () => {
    expect(await temp.call('lead.exclude', { leadId: 'low', reason: 'competitor', note: '同業他社' })).toEqual({ status: 'excluded' });
    expect(row('low')).toMatchObject({ status: 'excluded', exclude_reason: 'competitor' });
    temp.clock.advance(400 * day);
    expect(await listed()).not.toContain('low');
    expect(outbox().filter((o) => o.entity_id === 'low').map((o) => JSON.parse(o.payload).status)).toEqual(['excluded']);

    await temp.call('lead.restore', { leadId: 'low' });
    expect(await listed()).toContain('low');
    expect(exits('low')).toEqual([
      { kind: 'excluded', reason: 'competitor' },
      { kind: 'restored', reason: 'excluded' },
    ]);
  });

  it('skips with a reason: the lead leaves for the skip window and the skip is recorded', async () => {
    await temp.call('lead.skip', { leadId: 'hot', reason: 'needs_research' });
    expect(await listed()).toEqual(['mid', 'low']);
    expect(exits('hot')).toEqual([{ kind: 'skipped', reason: 'needs_research' }]);
    temp.clock.advance(60 * minute);
    expect(await listed()).toEqual(['hot', 'mid', 'low']);
  });

  it('a callback requested comes first once due', async () => {
    await logCall('low', 'callback_requested', { callbackAt: inMinutes(30) });
    expect(await listed()).toEqual(['hot', 'mid']);
    temp.clock.advance(30 * minute);
    const page = await temp.call('callList.page', {});
    expect(page.rows[0]).toMatchObject({ id: 'low', reason: { code: 'callback_due' } });
  });

  it('do-not-call removes the lead from every list and tells the CRM', async () => {
    await temp.call('lead.setDoNotCall', { leadId: 'hot', doNotCall: true });
    expect(await listed()).toEqual(['mid', 'low']);
    expect((await temp.call('queue.next', {})).leadId).toBe('mid');
    expect(outbox().map((o) => [o.entity_id, o.op])).toContainEqual(['hot', 'do_not_call']);
  });

  it('a call block for one lead source narrows the list and the next lead to it', async () => {
    seedLeads(temp.backend, [{ id: 'web', company: '株式会社ウェブ', name: '問合 花子', score: 10, source: 'web_inquiry', createdAt: '2025-04-01T00:00:00.000Z' }]);
    expect((await temp.call('callList.page', { source: 'web_inquiry' })).rows.map((r) => r.id)).toEqual(['web']);
    expect(await temp.call('queue.next', { source: 'web_inquiry' })).toEqual({ leadId: 'web' });
  });

  it('next lead skips leads outside their own calling hours', async () => {
    seedLeads(temp.backend, [{ id: 'ny', company: 'Acme Corp', name: 'Jane Doe', score: 99, timeZone: 'America/New_York' }]);
    // 09:00 in Tokyo is 20:00 the evening before in New York.
    expect((await temp.call('queue.next', {})).leadId).toBe('hot');
    const page = await temp.call('callList.page', {});
    expect(page.rows[0]).toMatchObject({ id: 'ny', withinCallingHours: false });
  });
});

describe('nothing half-written', () => {
  it('a failure in the middle of logging a call leaves call, lead, exits and outbox unchanged', async () => {
    const db = temp.backend.context.db;
    await temp.call('callDraft.save', { leadId: 'hot', draft: { startedAt: inMinutes(-3), outcome: 'connected', notes: 'x', nextAction: '', nextActionAt: null, callbackAt: null } });
    db.exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = { counts: tableCounts(temp.backend), lead: row('hot') };
    const errors: unknown[] = [];
    // One Koma per folder: the backend that logs errors into `errors` replaces the test's own.
    temp.close({ keepData: true });
    temp = createTempBackend({ dataDir: temp.dataDir, logError: (_c, e) => errors.push(e) });
    const error = await temp.callError('calls.log', { leadId: 'hot', startedAt: inMinutes(-3), endedAt: now().toISOString(), outcome: 'no_answer' });
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('disk full');
    expect(errors).toHaveLength(1);
    expect(tableCounts(temp.backend)).toEqual(before.counts);
    expect(row('hot')).toEqual(before.lead);
  });

  it.each([
    ['a callback without its time', { outcome: 'callback_requested' }, 'callbackAt'],
    ['a call that ends before it starts', { startedAt: '2025-04-07T00:10:00.000Z', endedAt: '2025-04-07T00:05:00.000Z' }, 'endedAt'],
    ['an unknown outcome', { outcome: 'hung_up_angrily' }, 'outcome'],
    ['a recycle without a date', { decision: { kind: 'recycle', reason: 'timing' } }, 'decision'],
    ['an unknown exclusion reason', { decision: { kind: 'exclude', reason: 'annoying' } }, 'decision'],
  ])('refuses %s and writes nothing', async (_case, patch, path) => {
    const before = tableCounts(temp.backend);
    const error = await temp.callError('calls.log', { leadId: 'hot', startedAt: '2025-04-07T00:00:00.000Z', endedAt: '2025-04-07T00:03:00.000Z', outcome: 'no_answer', ...patch });
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.path).join()).toContain(path);
    expect(tableCounts(temp.backend)).toEqual(before);
  });

  it('refuses a call on an excluded lead, and a lead that does not exist', async () => {
    await temp.call('lead.exclude', { leadId: 'low', reason: 'student' });
    expect((await temp.callError('calls.log', { leadId: 'low', startedAt: inMinutes(-1), endedAt: now().toISOString(), outcome: 'connected' })).code).toBe('conflict');
    expect((await temp.callError('lead.get', { leadId: 'nobody' })).code).toBe('not_found');
  });
});

describe('drafts and prep survive a restart', () => {
  it('a call draft and prep notes come back after the backend restarts', async () => {
    const draft = { startedAt: inMinutes(-2), outcome: 'connected' as const, notes: '予算は来期。決裁は部長。', nextAction: '資料送付', nextActionAt: null, callbackAt: null };
    await temp.call('callDraft.save', { leadId: 'hot', draft });
    const detail = await temp.call('lead.get', { leadId: 'hot' });
    await temp.call('prep.saveNotes', { companyId: detail.company.id, notes: '中期経営計画でDX推進' });
    await temp.call('prep.setChecklist', { companyId: detail.company.id, item: 'website_read', checked: true });
    temp.close({ keepData: true });

    temp = createTempBackend({ dataDir: temp.dataDir });
    const again = await temp.call('lead.get', { leadId: 'hot' });
    expect(again.draft).toEqual(draft);
    expect(again.company.prepNotes).toBe('中期経営計画でDX推進');
    expect(again.company.prepChecklist).toEqual({ website_read: true, news_checked: false, previous_contact_read: false });

    await logCall('hot', 'connected', { notes: draft.notes });
    const after = await temp.call('lead.get', { leadId: 'hot' });
    expect(after.draft).toBeNull();
    expect(after.timeline.map((t) => t.kind)).toEqual(['call']);
    expect(after.timeline[0]).toMatchObject({ kind: 'call', outcome: 'connected', notes: draft.notes, leadName: '山田 太郎' });
  });
});

describe('settings', () => {
  it('saving scoring rules re-scores every lead and re-orders the queue', async () => {
    const { scoringRules } = await temp.call('settings.get', {});
    seedLeads(temp.backend, [{ id: 'ceo', company: '株式会社サクラテック', name: '高橋 社長', title: '代表取締役', score: 0 }]);
    const saved = await temp.call('settings.saveScoringRules', { rules: { ...scoringRules, titles: [{ level: 'executive', keywords: ['代表'], points: 95 }] } });
    expect(saved.rescored).toBe(4);
    expect((await listed())[0]).toBe('ceo');
    expect(row('ceo')).toMatchObject({ attribute_score: 95, score: 95 });
  });

  it('refuses invalid rules with the field named, and keeps the old ones', async () => {
    const { queueRules } = await temp.call('settings.get', {});
    const error = await temp.callError('settings.saveQueueRules', { rules: { ...queueRules, callingHours: { start: '9am', end: '18:00', days: [1] } } });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('callingHours.start');
    expect((await temp.call('settings.get', {})).queueRules).toEqual(queueRules);
  });
});

describe('at scale', () => {
  it('with 100,000 leads the next lead walks the queue index', async () => {
    seedLeads(
      temp.backend,
      Array.from({ length: 100_000 }, (_, i) => ({ id: `bulk-${i}`, company: `会社${i % 20_000}`, name: `リード${i}`, score: i % 100 })),
    );
    const next = await temp.call('queue.next', {});
    // Scores 90–99 outrank the three seeded leads; the highest comes first.
    expect(next.leadId).toMatch(/^bulk-\d*99$/);
    expect((await temp.call('callList.page', { limit: 1 })).total).toBe(100_003);
    const plan = temp.backend.context.db.prepare(`EXPLAIN QUERY PLAN ${nextLeadSql}`).all({ source: null }) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX leads_queue/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    // Seeding 100,000 leads alone took 32 s on a shared 2-core machine at load 15: the ceiling is
    // for a busy machine, not a speed claim (the bench measures speed).
  }, 240_000);
});
