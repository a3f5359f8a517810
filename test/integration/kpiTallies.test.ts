import fc from 'fast-check';
import { expect, it } from 'vitest';
import { callOutcomes, excludeReasons, recycleReasons } from '../../shared/contract/calls';
import { defaultKpiSettings } from '../../shared/contract/planner';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

/**
 * Random rep work over weeks of the clock — calls of every outcome and length, recycles,
 * exclusions, skips, restores, a changed conversation length, merged duplicates — and after it the daily tallies the
 * writes kept are exactly what a recount from the calls and exits gives, and the dashboard's month
 * from the tallies is what counting the rows gives. KOMA_PROPERTY_RUNS=200 runs it harder locally.
 */
const runs = Number(process.env.KOMA_PROPERTY_RUNS ?? 12);
const leadCount = 8;
const sources = ['web_inquiry', 'seminar', 'outbound_list', 'referral'];
const minute = 60_000;

type Action =
  | { kind: 'call'; lead: number; outcome: (typeof callOutcomes)[number]; seconds: number }
  | { kind: 'recycle'; lead: number; reason: (typeof recycleReasons)[number] }
  | { kind: 'exclude'; lead: number; reason: (typeof excludeReasons)[number] }
  | { kind: 'skip'; lead: number }
  | { kind: 'restore'; lead: number }
  | { kind: 'conversationSeconds'; seconds: number }
  | { kind: 'merge'; keep: number; gone: number }
  | { kind: 'wait'; minutes: number };

const lead = fc.nat({ max: leadCount - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('call' as const), lead, outcome: fc.constantFrom(...callOutcomes), seconds: fc.integer({ min: 0, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('recycle' as const), lead, reason: fc.constantFrom(...recycleReasons) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exclude' as const), lead, reason: fc.constantFrom(...excludeReasons) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skip' as const), lead }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), lead }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('conversationSeconds' as const), seconds: fc.integer({ min: 0, max: 300 }) }) },
  // Two leads of different sources found to be one: the merged lead's calls and exits become the kept one's.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), keep: lead, gone: lead }).filter((a) => a.keep !== a.gone) },
  // Up to three days: the work crosses local midnights, weeks and a month's end.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }) }) },
);

async function perform(temp: TempBackend, a: Action): Promise<void> {
  const now = temp.clock.now().getTime();
  const leadId = (n: number) => `l${n}`;
  const iso = (ms: number) => new Date(ms).toISOString();
  // Refusals (a call on an excluded lead, restoring a lead in the list) change nothing; that is part of the property.
  switch (a.kind) {
    case 'call':
      await temp.send('calls.log', {
        leadId: leadId(a.lead),
        startedAt: iso(now - a.seconds * 1000),
        endedAt: iso(now),
        outcome: a.outcome,
        callbackAt: a.outcome === 'callback_requested' ? iso(now + 24 * 60 * minute) : null,
      });
      return;
    case 'recycle':
      await temp.send('lead.recycle', { leadId: leadId(a.lead), reason: a.reason, until: iso(now + 30 * 24 * 60 * minute) });
      return;
    case 'exclude':
      await temp.send('lead.exclude', { leadId: leadId(a.lead), reason: a.reason });
      return;
    case 'skip':
      await temp.send('lead.skip', { leadId: leadId(a.lead), reason: 'not_now' });
      return;
    case 'restore':
      await temp.send('lead.restore', { leadId: leadId(a.lead) });
      return;
    case 'conversationSeconds':
      await temp.send('kpi.saveSettings', { settings: { ...defaultKpiSettings, conversationSeconds: a.seconds } });
      return;
    case 'wait':
      temp.clock.advance(a.minutes * minute);
      return;
    case 'merge': {
      const [first, second] = [leadId(a.keep), leadId(a.gone)].sort() as [string, string];
      temp.backend.context.db
        .prepare("INSERT OR IGNORE INTO lead_duplicates (id, lead_a, lead_b, reason, created_at) VALUES (?, ?, ?, 'same_name_other_email', ?)")
        .run(`d-${first}-${second}`, first, second, iso(now));
      await temp.send('duplicates.merge', { duplicateId: `d-${first}-${second}`, keepLeadId: leadId(a.keep) });
      return;
    }
  }
}

const tallyTables = ['call_tallies', 'lead_work_days', 'lead_work_months', 'call_half_hours', 'exit_tallies'];

function snapshot(temp: TempBackend): Record<string, unknown[]> {
  const db = temp.backend.context.db;
  return Object.fromEntries(tallyTables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all().map((row) => JSON.stringify(row)).sort()]));
}

it('keeps daily tallies equal to a recount after random work', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 60 }), async (actions) => {
      // Friday 2025-03-28 09:00 in Tokyo: the work runs across a month's end.
      const temp = createTempBackend({ start: new Date('2025-03-28T00:00:00.000Z') });
      try {
        seedLeads(temp.backend, Array.from({ length: leadCount }, (_, i) => ({ id: `l${i}`, company: `株式会社テスト${i % 3}`, name: `リード${i}`, score: 40, source: sources[i % sources.length] })));
        for (const a of actions) await perform(temp, a);

        const kept = snapshot(temp);
        const recount = await temp.call('kpi.rebuildTallies', {});
        expect(snapshot(temp)).toEqual(kept);

        // Whole Tokyo days from before the first call to after the last: read from the tallies.
        const from = '2025-03-26T15:00:00.000Z';
        const to = new Date(Date.parse('2025-03-26T15:00:00.000Z') + Math.ceil((temp.clock.now().getTime() - Date.parse(from)) / 86_400_000 + 1) * 86_400_000).toISOString();
        const report = await temp.call('kpi.report', { from, to });
        const db = temp.backend.context.db;
        const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        const { conversationSeconds } = await temp.call('kpi.goal', {});
        expect(report.total.dials).toBe(recount.calls);
        expect(report.total).toMatchObject({
          dials: count('SELECT count(*) AS n FROM calls'),
          connects: count("SELECT count(*) AS n FROM calls WHERE outcome IN ('connected', 'callback_requested', 'not_interested')"),
          conversations: count(`SELECT count(*) AS n FROM calls WHERE outcome = 'connected' AND duration_sec >= ${conversationSeconds}`),
          leadsWorked: count('SELECT count(DISTINCT lead_id) AS n FROM calls'),
        });
        const excluded = count("SELECT count(*) AS n FROM lead_exits WHERE kind = 'excluded'");
        expect(Object.values(report.total.exclusions).reduce((a, b) => a + b, 0)).toBe(excluded);
        expect(report.trend.reduce((sum, w) => sum + w.dials, 0)).toBe(recount.calls);

        // Leads worked, a distinct count, over the ranges the dashboard asks for: each month the
        // work touched, whole and up to today, and today alone; against the call rows.
        const today = new Date(Math.floor((temp.clock.now().getTime() + 9 * 3_600_000) / 86_400_000) * 86_400_000 - 9 * 3_600_000);
        const tomorrow = new Date(today.getTime() + 86_400_000).toISOString();
        const ranges = [
          ['2025-02-28T15:00:00.000Z', '2025-03-31T15:00:00.000Z'],
          ['2025-03-31T15:00:00.000Z', '2025-04-30T15:00:00.000Z'],
          ['2025-04-30T15:00:00.000Z', '2025-05-31T15:00:00.000Z'],
          ['2025-03-31T15:00:00.000Z', tomorrow],
          ['2025-04-30T15:00:00.000Z', tomorrow],
          [today.toISOString(), tomorrow],
        ].filter(([a, b]) => a! < b!);
        for (const [rangeFrom, rangeTo] of ranges) {
          const worked = await temp.call('kpi.report', { from: rangeFrom!, to: rangeTo! });
          const distinct = db.prepare<[string, string], { n: number }>('SELECT count(DISTINCT lead_id) AS n FROM calls WHERE started_at >= ? AND started_at < ?').get(rangeFrom!, rangeTo!)!.n;
          expect(worked.total.leadsWorked, `${rangeFrom} to ${rangeTo}`).toBe(distinct);
        }
      } finally {
        temp.close();
      }
    }),
    { numRuns: runs },
  );
});
