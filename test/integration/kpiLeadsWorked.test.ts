import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

/**
 * The dashboard's "leads worked" is a distinct count, which does not add up over parts of a range:
 * the month tally may answer only for whole months, or for a range whose months hold no work outside
 * it. Each range below is one the dashboard can ask for (a month, a month to date, a week across a
 * month's end, a custom range, a range not on local midnights); its answer is checked against the
 * count from the call rows, and the ranges where the month tally alone would be wrong are among them.
 */
let temp: TempBackend;
const sourceOf: Record<string, string> = { l1: 'seminar', l2: 'web_inquiry', l3: 'referral', l4: 'outbound_list' };
// Local dates in Tokyo (the work week's zone); each call at 10:00 that day.
const work: [lead: string, day: string][] = [
  ['l1', '2025-03-31'],
  ['l1', '2025-04-01'],
  ['l2', '2025-04-01'],
  ['l1', '2025-04-01'],
  ['l3', '2025-04-15'],
  ['l2', '2025-04-30'],
  ['l4', '2025-05-02'],
  ['l1', '2025-05-07'],
];
const midnight = (day: string) => `${day}T00:00:00.000+09:00`;

beforeAll(async () => {
  temp = createTempBackend({ start: new Date('2025-03-31T00:00:00.000Z') });
  seedLeads(temp.backend, Object.entries(sourceOf).map(([id, source]) => ({ id, company: `株式会社${id}`, name: `リード${id}`, score: 40, source })));
  for (const [leadId, day] of work) {
    temp.clock.set(new Date(`${day}T10:00:00.000+09:00`));
    const end = temp.clock.now();
    await temp.call('calls.log', { leadId, startedAt: new Date(end.getTime() - 60_000).toISOString(), endedAt: end.toISOString(), outcome: 'no_answer', callbackAt: null });
  }
});
afterAll(() => temp.close());

const cases: { name: string; from: string; to: string; total: number; bySource: Record<string, number> }[] = [
  { name: 'a whole month', from: midnight('2025-04-01'), to: midnight('2025-05-01'), total: 3, bySource: { seminar: 1, web_inquiry: 1, referral: 1 } },
  { name: 'a month to date with work after it in the month', from: midnight('2025-04-01'), to: midnight('2025-04-15'), total: 2, bySource: { seminar: 1, web_inquiry: 1 } },
  { name: 'a month to date with nothing after it', from: midnight('2025-05-01'), to: midnight('2025-05-08'), total: 2, bySource: { seminar: 1, outbound_list: 1 } },
  { name: 'the rest of a month, worked before it', from: midnight('2025-04-16'), to: midnight('2025-05-01'), total: 1, bySource: { web_inquiry: 1 } },
  { name: 'from the 2nd, worked on the 1st', from: midnight('2025-04-02'), to: midnight('2025-05-01'), total: 2, bySource: { web_inquiry: 1, referral: 1 } },
  { name: 'a week across a month’s end', from: midnight('2025-03-31'), to: midnight('2025-04-07'), total: 2, bySource: { seminar: 1, web_inquiry: 1 } },
  { name: 'three whole months, one lead worked in each', from: midnight('2025-03-01'), to: midnight('2025-06-01'), total: 4, bySource: { seminar: 1, web_inquiry: 1, referral: 1, outbound_list: 1 } },
  { name: 'two months, the second to date', from: midnight('2025-04-01'), to: midnight('2025-05-03'), total: 4, bySource: { seminar: 1, web_inquiry: 1, referral: 1, outbound_list: 1 } },
  { name: 'a day nobody was worked', from: midnight('2025-04-10'), to: midnight('2025-04-11'), total: 0, bySource: {} },
  { name: 'a range not on local midnights (counted from the rows)', from: '2025-04-01T10:30:00.000+09:00', to: midnight('2025-05-01'), total: 2, bySource: { web_inquiry: 1, referral: 1 } },
];

it.each(cases)('$name', async ({ from, to, total, bySource }) => {
  const report = await temp.call('kpi.report', { from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  // The expectation, and the same count from the call rows.
  const recount = temp.backend.context.db
    .prepare<[string, string], { source: string; n: number }>(
      'SELECT l.source, count(DISTINCT c.lead_id) AS n FROM calls c JOIN leads l ON l.id = c.lead_id WHERE c.started_at >= ? AND c.started_at < ? GROUP BY l.source',
    )
    .all(new Date(from).toISOString(), new Date(to).toISOString());
  expect(Object.fromEntries(recount.map((r) => [r.source, r.n]))).toEqual(bySource);
  expect(report.total.leadsWorked).toBe(total);
  const reported = Object.fromEntries(Object.entries(report.bySource).flatMap(([source, figures]) => (figures.leadsWorked > 0 ? [[source, figures.leadsWorked]] : [])));
  expect(reported).toEqual(bySource);
});
