import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HearingInput } from '../../shared/contract/hearing';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, tableCounts, type TempBackend } from '../helpers/tempBackend';

let temp: TempBackend;
let repId: string;
const minute = 60_000;
const at = (m: number) => new Date(temp.clock.now().getTime() + m * minute).toISOString();
const db = () => temp.backend.context.db;

beforeEach(async () => {
  temp = createTempBackend();
  seedLeads(temp.backend, [
    { id: 'lead', company: '株式会社サクラテック', name: '山田 太郎', title: '情報システム部 部長', phone: '03-0000-0001', score: 60 },
    { id: 'other', company: '=HYPERLINK("http://evil.example")', name: '@SUM(1)', phone: '03-0000-0002', score: 10 },
  ]);
  const { reps } = await temp.call('fieldReps.save', {
    reps: [
      { id: null, name: '営業 一郎', email: 'ichiro@example.co.jp', crmUserId: null, active: true },
      { id: null, name: '退職 次郎', email: null, crmUserId: null, active: false },
    ],
  });
  repId = reps.find((r) => r.active)!.id;
  await temp.call('settings.saveProfile', { profile: { repName: '内勤 花子' } });
});
afterEach(() => temp.close());

const hearing = (patch: Partial<Record<'budget' | 'authority' | 'need' | 'timeline', object>>): HearingInput => ({
  budget: {},
  authority: {},
  need: {},
  timeline: {},
  ...patch,
});

async function logCall(leadId: string) {
  return temp.call('calls.log', { leadId, startedAt: at(-5), endedAt: at(0), outcome: 'connected', notes: 'ヒアリング' });
}

function handoffInput(patch: object = {}) {
  return { leadId: 'lead', fieldRepId: repId, appointmentAt: '2025-04-10T01:00:00.000Z', appointmentEnd: '2025-04-10T02:00:00.000Z', place: '本社 5F 会議室', meetingUrl: null, summary: '基幹システム刷新の検討。予算承認済み。', ...patch };
}

describe('hearing versions', () => {
  it('autosaves into one open version, seals it with the call, and starts a new one after', async () => {
    await temp.call('hearing.save', { leadId: 'lead', hearing: hearing({ budget: { status: 'planned', amount: 3_000_000 } }) });
    const second = await temp.call('hearing.save', { leadId: 'lead', hearing: hearing({ budget: { status: 'approved', amount: 5_000_000, confirmed: true } }) });
    expect(second.version).toBe(1);
    expect(second.history).toHaveLength(1);
    const call = await logCall('lead');

    const next = await temp.call('hearing.save', { leadId: 'lead', hearing: { ...second.hearing, need: { ...second.hearing.need, pains: ['業務効率化'], confirmed: true } } });
    expect(next.version).toBe(2);
    expect(next.history.map((v) => [v.version, v.callId, v.author, v.confirmed.budget, v.confirmed.need])).toEqual([
      [2, null, '内勤 花子', true, true],
      [1, call.callId, '内勤 花子', true, false],
    ]);
  });

  it('keeps its history across a restart', async () => {
    await temp.call('hearing.save', { leadId: 'lead', hearing: hearing({ authority: { contactRole: 'decision_maker', confirmed: true } }) });
    await logCall('lead');
    await temp.call('hearing.save', { leadId: 'lead', hearing: hearing({ authority: { contactRole: 'decision_maker', confirmed: true }, timeline: { targetQuarter: '2025-Q3', confirmed: true } }) });
    temp.close({ keepData: true });
    temp = createTempBackend({ dataDir: temp.dataDir });
    const view = await temp.call('hearing.get', { leadId: 'lead' });
    expect(view.history.map((v) => v.version)).toEqual([2, 1]);
    expect(view.hearing.timeline.targetQuarter).toBe('2025-Q3');
    const first = await temp.call('hearing.get', { leadId: 'lead', version: 1 });
    expect(first.hearing.timeline.confirmed).toBe(false);
  });

  it.each([
    ['a negative amount', { budget: { amount: -100 } }, 'hearing.budget.amount'],
    ['an unknown budget status', { budget: { status: 'probably' } }, 'hearing.budget.status'],
    ['an unknown currency', { budget: { currency: 'BTC' } }, 'hearing.budget.currency'],
  ])('refuses %s with a clear message and changes nothing', async (_case, patch, path) => {
    await temp.call('hearing.save', { leadId: 'lead', hearing: hearing({}) });
    const before = { counts: tableCounts(temp.backend), rows: db().prepare('SELECT * FROM hearings').all() };
    const error = await temp.callError('hearing.save', { leadId: 'lead', hearing: hearing(patch) });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(path);
    expect({ counts: tableCounts(temp.backend), rows: db().prepare('SELECT * FROM hearings').all() }).toEqual(before);
  });

  it('shows live which criteria hold over two calls, and a 確認済み with nothing heard does not hold', async () => {
    const first = await temp.call('hearing.save', { leadId: 'lead', hearing: hearing({ budget: { status: 'approved', confirmed: true }, need: { confirmed: true } }) });
    expect(first.qualification.qualified).toBe(false);
    expect(first.qualification.checks.filter((c) => !c.holds).map((c) => c.code)).toEqual(['authority_confirmed', 'need_confirmed', 'timeline_confirmed']);
    await logCall('lead');
    const second = await temp.call('hearing.save', {
      leadId: 'lead',
      hearing: {
        ...first.hearing,
        authority: { ...first.hearing.authority, contactRole: 'decision_maker', confirmed: true },
        need: { ...first.hearing.need, pains: ['属人化の解消'] },
        timeline: { ...first.hearing.timeline, targetQuarter: '2025-Q3', confirmed: true },
      },
    });
    expect(second.qualification.qualified).toBe(true);
  });

  it('refuses a handoff without a reason when the only confirmed items hold nothing heard', async () => {
    await temp.call('hearing.save', { leadId: 'lead', hearing: hearing({ budget: { confirmed: true }, authority: { confirmed: true }, need: { confirmed: true }, timeline: { confirmed: true } }) });
    await logCall('lead');
    const before = tableCounts(temp.backend);
    const error = await temp.callError('handoff.create', handoffInput());
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('budget_confirmed, authority_confirmed, need_confirmed, timeline_confirmed');
    expect(tableCounts(temp.backend)).toEqual(before);
  });
});

describe('handoff', () => {
  async function qualify() {
    await temp.call('hearing.save', {
      leadId: 'lead',
      hearing: hearing({
        budget: { status: 'approved', amount: 5_000_000, confirmed: true },
        authority: { contactRole: 'decision_maker', decisionMakerName: '山田 太郎', approvalProcess: '部長決裁→稟議', confirmed: true },
        need: { pains: ['属人化の解消'], requirements: 'クラウド, SSO', confirmed: true },
        timeline: { targetQuarter: '2025-Q3', drivingEvent: '期初', confirmed: true },
      }),
    });
    await logCall('lead');
  }

  it('writes handoff, lead status, exit and outbox row together, with the package assembled', async () => {
    await qualify();
    const view = await temp.call('handoff.create', handoffInput());
    expect(view).toMatchObject({ state: 'queued', overrideReason: null, fieldRep: { name: '営業 一郎' }, companyName: '株式会社サクラテック' });
    expect(view.package.hearing.budget).toMatchObject({ amount: 5_000_000, confirmed: true });
    expect(view.package.qualification.qualified).toBe(true);
    expect(view.package.calls).toHaveLength(1);
    expect(view.package.contact.name).toBe('山田 太郎');
    expect(db().prepare('SELECT status, stage, queue_bucket FROM leads WHERE id = ?').get('lead')).toEqual({ status: 'qualified', stage: 'opportunity', queue_bucket: 0 });
    expect(db().prepare("SELECT kind, reason FROM lead_exits WHERE lead_id = 'lead' AND kind = 'qualified'").all()).toEqual([{ kind: 'qualified', reason: 'criteria_met' }]);
    expect(db().prepare("SELECT entity_id, op FROM outbox WHERE entity = 'handoff'").all()).toEqual([{ entity_id: view.id, op: 'upsert' }]);
    expect((await temp.call('callList.page', {})).rows.map((r) => r.id)).toEqual(['other']);
  });

  it('needs an override with a reason when the criteria are not met, and records it', async () => {
    const refused = await temp.callError('handoff.create', handoffInput());
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('budget_confirmed');
    expect(db().prepare('SELECT count(*) AS n FROM handoffs').get()).toEqual({ n: 0 });
    const view = await temp.call('handoff.create', handoffInput({ overrideReason: '部長からの直接依頼' }));
    expect(view.overrideReason).toBe('部長からの直接依頼');
    expect(db().prepare("SELECT reason, note FROM lead_exits WHERE kind = 'qualified'").get()).toEqual({ reason: 'override', note: '部長からの直接依頼' });
  });

  it('a failure while handing off leaves nothing behind', async () => {
    await qualify();
    db().exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox WHEN NEW.entity = 'handoff' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = tableCounts(temp.backend);
    const lead = db().prepare('SELECT * FROM leads WHERE id = ?').get('lead');
    // One Koma per folder: a quiet backend (no error log) replaces the test's own.
    temp.close({ keepData: true });
    temp = createTempBackend({ dataDir: temp.dataDir, logError: () => undefined });
    expect((await temp.callError('handoff.create', handoffInput())).code).toBe('internal');
    expect(tableCounts(temp.backend)).toEqual(before);
    expect(db().prepare('SELECT * FROM leads WHERE id = ?').get('lead')).toEqual(lead);
  });

  it.each([
    ['an inactive field rep', async () => ({ fieldRepId: (await temp.call('fieldReps.list', {})).reps.find((r) => !r.active)!.id }), 'invalid_input'],
    ['an unknown field rep', async () => ({ fieldRepId: 'ghost' }), 'invalid_input'],
    ['an appointment that ends first', async () => ({ appointmentEnd: '2025-04-10T00:30:00.000Z' }), 'invalid_input'],
    ['a meeting link that is not https', async () => ({ meetingUrl: 'javascript:alert(1)' }), 'invalid_input'],
  ])('refuses %s', async (_case, patch, code) => {
    await qualify();
    expect((await temp.callError('handoff.create', handoffInput(await patch()))).code).toBe(code);
    expect(db().prepare('SELECT count(*) AS n FROM handoffs').get()).toEqual({ n: 0 });
  });

  it('edits until synced; after sync an edit is a correction that syncs too', async () => {
    await qualify();
    const draft = await temp.call('handoff.create', handoffInput({ asDraft: true }));
    expect(draft.state).toBe('draft');
    expect(db().prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'handoff'").get()).toEqual({ n: 0 });
    const queued = await temp.call('handoff.update', { handoffId: draft.id, summary: '要件確定済み', queue: true });
    expect(queued).toMatchObject({ state: 'queued', corrections: 0, summary: '要件確定済み' });

    db().prepare("UPDATE handoffs SET state = 'synced', synced_at = ? WHERE id = ?").run(at(0), draft.id);
    const corrected = await temp.call('handoff.update', { handoffId: draft.id, appointmentAt: '2025-04-11T01:00:00.000Z', appointmentEnd: '2025-04-11T02:00:00.000Z' });
    expect(corrected).toMatchObject({ state: 'queued', corrections: 1 });
    const payloads = db().prepare("SELECT payload FROM outbox WHERE entity = 'handoff' ORDER BY seq").all() as { payload: string }[];
    expect(payloads.map((p) => JSON.parse(p.payload).correction)).toEqual([false, true]);
  });

  it('lists by state, and exports the appointment as .ics and all handoffs as CSV and JSON', async () => {
    await qualify();
    const view = await temp.call('handoff.create', handoffInput({ meetingUrl: 'https://meet.example.com/abc' }));
    await temp.call('handoff.create', handoffInput({ leadId: 'other', overrideReason: 'テスト', asDraft: true }));
    expect((await temp.call('handoff.list', { state: 'queued' })).rows.map((r) => r.id)).toEqual([view.id]);
    expect((await temp.call('handoff.list', { search: 'サクラ' })).rows).toHaveLength(1);

    const ics = await temp.call('handoff.exportIcs', { handoffId: view.id });
    expect(ics.fileName).toMatch(/\.ics$/);
    expect(ics.content).toContain('BEGIN:VCALENDAR');
    expect(ics.content).toContain('DTSTART:20250410T010000Z');
    expect(ics.content).toContain('DTEND:20250410T020000Z');
    expect(ics.content).toContain(`UID:${view.id}@koma`);
    expect(ics.content).toMatch(/SUMMARY:株式会社サクラテック 山田 太郎 様/);
    expect(ics.content).toContain('LOCATION:本社 5F 会議室');

    const csv = await temp.call('handoff.export', { format: 'csv' });
    const lines = csv.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^handoff_id,state,/);
    expect(csv.content).toContain('5000000');
    // Cells that would run as formulas in Excel are made inert.
    expect(csv.content).toContain(`'=HYPERLINK`);
    expect(csv.content).toContain(`'@SUM(1)`);

    const json = JSON.parse((await temp.call('handoff.export', { format: 'json' })).content) as { handoffs: { id: string }[] };
    expect(json.handoffs.map((h) => h.id).sort()).toEqual([view.id, (await temp.call('handoff.list', { state: 'draft' })).rows[0]!.id].sort());
  });
});
