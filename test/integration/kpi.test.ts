import { afterEach, beforeEach, expect, it } from 'vitest';
import { callOutcomes } from '../../shared/contract/calls';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

let temp: TempBackend;
const day = 86_400_000;
const sources = ['web_inquiry', 'seminar', 'outbound_list'];

beforeEach(() => {
  // Tuesday 2025-04-01 09:00 in Tokyo.
  temp = createTempBackend({ start: new Date('2025-04-01T00:00:00.000Z') });
  seedLeads(temp.backend, Array.from({ length: 120 }, (_, i) => ({ id: `l${i}`, company: `会社${i % 40}`, name: `リード${i}`, score: 40, source: sources[i % 3] })));
});
afterEach(() => temp.close());

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number) {
  let x = seed;
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

it('a generated month of calls, hearings and handoffs gives the figures counted independently from the rows', async () => {
  const rand = random(42);
  const { reps } = await temp.call('fieldReps.save', { reps: [{ id: null, name: '営業 一郎', email: null, crmUserId: null, active: true }] });
  const start = temp.clock.now().getTime();
  for (let d = 0; d < 30; d++) {
    temp.clock.set(new Date(start + d * day));
    for (let n = 0; n < 12; n++) {
      temp.clock.advance(20 * 60_000);
      const lead = `l${Math.floor(rand() * 120)}`;
      const status = (temp.backend.context.db.prepare('SELECT status FROM leads WHERE id = ?').get(lead) as { status: string }).status;
      if (status === 'excluded' || status === 'qualified') continue;
      const outcome = callOutcomes[Math.floor(rand() * callOutcomes.length)]!;
      const end = temp.clock.now();
      const duration = Math.floor(rand() * 400);
      await temp.call('calls.log', {
        leadId: lead,
        startedAt: new Date(end.getTime() - duration * 1000).toISOString(),
        endedAt: end.toISOString(),
        outcome,
        callbackAt: outcome === 'callback_requested' ? new Date(end.getTime() + day).toISOString() : null,
      });
      if (outcome === 'connected' && rand() < 0.3) {
        await temp.call('hearing.save', { leadId: lead, hearing: { budget: { confirmed: true }, authority: {}, need: {}, timeline: {} } });
        const appointment = new Date(end.getTime() + 3 * day).toISOString();
        await temp.call('handoff.create', { leadId: lead, fieldRepId: reps[0]!.id, appointmentAt: appointment, appointmentEnd: new Date(Date.parse(appointment) + 3_600_000).toISOString(), summary: '商談', overrideReason: 'テスト' });
      } else if (outcome === 'connected' && rand() < 0.1) {
        await temp.call('lead.exclude', { leadId: lead, reason: rand() < 0.5 ? 'competitor' : 'student' });
      }
    }
  }
  const from = '2025-03-31T15:00:00.000Z';
  const to = '2025-04-30T15:00:00.000Z';
  const report = await temp.call('kpi.report', { from, to });

  const db = temp.backend.context.db;
  const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  const dials = one('SELECT count(*) AS n FROM calls WHERE started_at >= ? AND started_at < ?', from, to);
  const connects = one("SELECT count(*) AS n FROM calls WHERE outcome IN ('connected', 'callback_requested', 'not_interested') AND started_at >= ? AND started_at < ?", from, to);
  const conversations = one("SELECT count(*) AS n FROM calls WHERE outcome = 'connected' AND duration_sec >= 60 AND started_at >= ? AND started_at < ?", from, to);
  const opportunities = one('SELECT count(*) AS n FROM handoffs WHERE created_at >= ? AND created_at < ?', from, to);
  const leadsWorked = one('SELECT count(DISTINCT lead_id) AS n FROM calls WHERE started_at >= ? AND started_at < ?', from, to);
  const excludedCompetitor = one("SELECT count(*) AS n FROM lead_exits WHERE kind = 'excluded' AND reason = 'competitor' AND at >= ? AND at < ?", from, to);
  const webDials = one("SELECT count(*) AS n FROM calls c JOIN leads l ON l.id = c.lead_id WHERE l.source = 'web_inquiry' AND c.started_at >= ? AND c.started_at < ?", from, to);

  expect(dials).toBeGreaterThan(300);
  expect(opportunities).toBeGreaterThan(3);
  expect(report.total).toMatchObject({ dials, connects, conversations, opportunities, leadsWorked, appointmentsBooked: opportunities });
  expect(report.total.connectRate).toBeCloseTo(connects / dials, 10);
  expect(report.total.qualificationRate).toBeCloseTo(opportunities / leadsWorked, 10);
  expect(report.total.exclusions.competitor ?? 0).toBe(excludedCompetitor);
  expect(report.bySource.web_inquiry?.dials).toBe(webDials);
  expect(report.trend.reduce((sum, w) => sum + w.dials, 0)).toBe(dials);

  const goal = await temp.call('kpi.goal', {});
  expect(goal.month).toBe('2025-04');
  expect(goal.achieved).toBe(opportunities);
});

it('with no data the goal says "not enough data" instead of dividing by zero', async () => {
  const goal = await temp.call('kpi.goal', {});
  expect(goal).toMatchObject({ status: 'not_enough_data', achieved: 0, callSlotsNeeded: null, bottleneck: null, assumed: ['connect', 'conversation', 'opportunity'] });
  const report = await temp.call('kpi.report', { from: '2025-04-01T00:00:00.000Z', to: '2025-04-08T00:00:00.000Z' });
  expect(report.total).toMatchObject({ dials: 0, connectRate: null, qualificationRate: null });
});
