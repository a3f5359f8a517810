import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Fault } from '../fakes/fakeSalesforce';
import { minute } from '../fakes/repActions';
import { startFakeSalesforce } from '../fakes/fakeSalesforce';
import { createSyncHarness } from '../fakes/syncHarness';
import { propertyReplay } from '../helpers/propertyReplay';

/**
 * Random bulk stamps (a Data Loader load, a mass owner change: many leads stamped in one second)
 * read back under random query faults and random answer batch sizes: once the faults stop, every
 * lead the rep owns is in Koma exactly once, with its latest values, and nothing else is.
 * KOMA_PROPERTY_RUNS=200 runs it harder locally; a failure prints its seed at once
 * (KOMA_PROPERTY_SEED / KOMA_PROPERTY_PATH replay it).
 */
const replay = propertyReplay(8);
const runs = replay.numRuns;

const queryFaults = ['status500', 'status503', 'hang', 'dropAfterStore', 'malformed', 'invalidSession'] as const satisfies readonly Fault['kind'][];

const scenario = fc.record({
  // Short pages, down to 10 records: with pages of 1 a scenario of 780 leads costs thousands of
  // loopback requests per pull and one run took minutes on a busy machine (CI timed out at 600 s).
  batchSize: fc.integer({ min: 10, max: 250 }),
  /** The pull's page budget: the default 10, or so few pages that runs are cut short inside the overlap. */
  pullPages: fc.oneof({ weight: 3, arbitrary: fc.constant(10) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
  /**
   * Groups of leads sharing a stamp: [how many, seconds before now]. Often a bulk load of more than
   * one page (200) in one second, or several groups in the same second or minute: the pull's overlap
   * then spans pages.
   */
  groups: fc.array(
    fc.record({
      size: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 1, max: 260 }) }, { weight: 2, arbitrary: fc.integer({ min: 201, max: 450 }) }),
      secondsAgo: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(0, 30)),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  /** Leads of other owners mixed in: never pulled. */
  others: fc.integer({ min: 0, max: 30 }),
  faults: fc.array(fc.record({ kind: fc.constantFrom(...queryFaults), afterPulls: fc.integer({ min: 0, max: 4 }) }), { maxLength: 6 }),
  /**
   * Leads edited in Salesforce between pulls. `inSecond`: stamped in the second of the latest stamp
   * the org holds — where the last pull's cursor stands — like an edit made in the same second just
   * after the pull read past it, or one committed late: it sorts behind the cursor, inside the overlap.
   */
  edits: fc.array(fc.record({ pick: fc.nat(), inSecond: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }), { maxLength: 10 }),
});

it(`every owned lead is pulled exactly once, whatever the stamps and faults (${runs} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      // An org whose daily limit is far above what a batch size of 1 costs (one request a record):
      // with the default 15,000, Koma's 5 % share (750) ran out mid-scenario and sync rightly paused
      // (seed 870758421) — the quota is tested on its own; this property is about paging and faults.
      // The org stamps on Koma's clock: an edit "between pulls" is stamped after the pull before it,
      // as in life (pulls are an hour apart here), unless the scenario stamps it in the latest second
      // on purpose (`inSecond`). On the machine's clock, the bulk stamps, the first pull and an edit
      // once fell in one real second by chance: seed 67238153 (202 leads in one second, pages of 10)
      // found the overlap re-reading only its first page.
      const start = new Date('2026-12-07T00:00:00.000Z');
      let clockOf: (() => Date) | null = null;
      const fake = await startFakeSalesforce({ queryBatchSize: s.batchSize, apiMax: 10_000_000, now: () => (clockOf ? clockOf() : start) });
      const h = await createSyncHarness({ fake, start, sync: { requestTimeoutMs: 1_000, pullPages: s.pullPages } });
      clockOf = () => h.clock.now();
      try {
        await h.signIn();
        const now = Math.floor(h.clock.now().getTime() / 1000) * 1000;
        const owned: string[] = [];
        let n = 0;
        for (const g of s.groups) {
          const ids = Array.from({ length: g.size }, () => h.fake.insert('Lead', { LastName: `一括${n++}`, Company: '株式会社テスト', Status: 'Working', OwnerId: h.fake.userId }));
          h.fake.stampAll('Lead', ids, new Date(now - g.secondsAgo * 1000).toISOString());
          owned.push(...ids);
        }
        for (let i = 0; i < s.others; i++) h.fake.insert('Lead', { LastName: `他人${i}`, Company: '他社', OwnerId: '005000000000002AAA' });

        const db = h.backend.context.db;
        const lastPullAt = () => (db.prepare("SELECT value FROM sync_state WHERE key = 'pull.last_at'").get() as { value: string } | undefined)?.value;
        // An edit stamped in the cursor's second is one made in that second just after a run read
        // past it (or committed late): it can only happen right after a run that completed. After a
        // run cut short, the cursor stands wherever the budget ran out, maybe hours behind the
        // org's latest stamp — an edit is never stamped there.
        const continuing = () => {
          const row = db.prepare("SELECT value FROM sync_state WHERE key = 'pull.leads.cursor'").get() as { value: string } | undefined;
          return row !== undefined && (JSON.parse(row.value) as { continuing?: boolean }).continuing === true;
        };
        const edits: { id: string; title: string }[] = [];
        const titleIn = (id: string) => ({
          crm: (h.fake.records('Lead').find((r) => r.Id === id)!.Title as string | undefined) ?? null,
          koma: (db.prepare('SELECT title FROM leads WHERE crm_id = ?').get(id) as { title: string | null } | undefined)?.title,
        });
        // How many edits were made before the current run began: the run that started with the
        // overlap, or the first of those it goes on from after running out of pages.
        let editsBefore = 0;
        let pulls = 0;
        const pull = async () => {
          for (const f of s.faults.filter((x) => x.afterPulls === pulls)) h.fake.addFaults({ kind: f.kind, on: 'query' });
          if (!(await h.call('sync.status', {})).signedIn) await h.signIn();
          if (!continuing()) editsBefore = edits.length;
          const last = lastPullAt();
          await h.backend.sync.engine.pullNow();
          pulls++;
          // Once that run completes, every edit made before it began is in Koma (unless edited again since).
          if (lastPullAt() !== last) {
            for (const e of edits.slice(0, editsBefore)) {
              const t = titleIn(e.id);
              if (t.crm === e.title) expect(t.koma, `the edit of ${e.id}`).toBe(e.title);
            }
          }
          h.clock.advance(61 * minute);
        };
        const mine = new Set(owned);
        const latestStamp = () => h.fake.records('Lead').reduce((at, r) => (mine.has(r.Id as string) && (r.SystemModstamp as string) > at ? (r.SystemModstamp as string) : at), '');
        for (const [i, edit] of s.edits.entries()) {
          await pull();
          if (i % 2 !== 0 || (edit.inSecond && continuing())) continue;
          const id = owned[edit.pick % owned.length]!;
          const at = latestStamp();
          h.fake.update('Lead', id, { Title: `編集${i}` });
          if (edit.inSecond) h.fake.stampAll('Lead', [id], at);
          edits.push({ id, title: `編集${i}` });
        }
        h.fake.clearFaults();
        // It finishes: one pull per budget of leads (and of the overlap), one for each fault's interruption and one to finish,
        // with room for answers a busy machine delays past the request timeout (each is a lost
        // answer the next pull retries). Never a count of pulls asserted: that would depend on speed.
        const cap = 2 * (pulls + Math.ceil((owned.length + 200) / (200 * s.pullPages)) + s.faults.length + 2) + 10;
        let finished = false;
        while (!finished && pulls < cap) {
          const before = lastPullAt();
          await pull();
          const after = lastPullAt();
          finished = after !== undefined && after !== before;
        }
        expect(finished).toBe(true);

        const rows = db.prepare('SELECT crm_id, title FROM leads WHERE crm_id IS NOT NULL').all() as { crm_id: string; title: string | null }[];
        expect(rows.length).toBe(owned.length);
        expect(new Set(rows.map((r) => r.crm_id))).toEqual(new Set(owned));
        const crm = new Map(h.fake.records('Lead').map((r) => [r.Id, r]));
        for (const r of rows) expect(r.title).toBe((crm.get(r.crm_id)!.Title as string | undefined) ?? null);
      } finally {
        await h.close();
        await fake.close();
      }
    }),
    replay,
  );
}, 600_000);
