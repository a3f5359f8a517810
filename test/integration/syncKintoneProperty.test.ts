import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { KintoneFaultKind } from '../fakes/fakeKintone';
import { createKintoneHarness, expectExactlyOnceKt, kintoneSettingsFor, repLogin, type KintoneHarness } from '../fakes/kintoneHarness';
import { addFieldRep, isRepAction, minute, performRepAction, repActionArbitraries, seedSyncLeads, type RepAction } from '../fakes/repActions';
import { expectPulledExactlyOnce } from '../fakes/exactlyOnce';
import { settleAfterFaults } from '../fakes/syncHarness';
import { propertyReplay } from '../helpers/propertyReplay';

/**
 * The same properties as Salesforce's (syncProperty, syncPullProperty) and HubSpot's, against the
 * strict fake kintone: random rep work under random faults reaches kintone exactly once with its
 * latest content, and every owned lead is pulled exactly once whatever the 更新日時 ties and the
 * faults. KOMA_PROPERTY_RUNS=100 runs it harder locally; a failure prints its seed at once
 * (KOMA_PROPERTY_SEED / KOMA_PROPERTY_PATH replay it).
 */
const replay = propertyReplay(3);
const runs = replay.numRuns;
const leadCount = 5;
const faultKinds: KintoneFaultKind[] = ['status429', 'status503', 'status520', 'status500', 'hang', 'dropAfterStore', 'malformed', 'tokenRevoked'];

type Action = RepAction | { kind: 'fault'; fault: KintoneFaultKind; on: 'any' | 'bulk'; retryAfter: number } | { kind: 'sync'; passes: number; minutes: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  ...repActionArbitraries(leadCount),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom(...faultKinds), on: fc.constantFrom('any' as const, 'bulk' as const), retryAfter: fc.integer({ min: 0, max: 300 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), passes: fc.integer({ min: 1, max: 3 }), minutes: fc.integer({ min: 0, max: 90 }) }) },
);

async function perform(h: KintoneHarness, a: Action, repId: string): Promise<void> {
  if (isRepAction(a)) return performRepAction(h, a, repId);
  switch (a.kind) {
    case 'fault':
      h.kt.inject({ kind: a.fault, on: a.on, retryAfter: a.retryAfter });
      return;
    case 'sync':
      h.clock.advance(a.minutes * minute);
      for (let i = 0; i < a.passes; i++) await h.backend.sync.engine.runOnce({ pull: 'skip' });
      return;
  }
}

async function settleEverything(h: KintoneHarness): Promise<void> {
  h.kt.clearFaults();
  // A refused-token fault made Koma stop using the tokens: the rep saves them again.
  await settleAfterFaults(h, () => h.call('sync.settings.save', { settings: kintoneSettingsFor(h.kt), kintoneTokens: { ...h.kt.tokens } }));
}

it(`random rep work under random faults reaches kintone exactly once (${runs} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (script) => {
      const h = await createKintoneHarness({ harness: { sync: { requestTimeoutMs: 1_000 } } });
      try {
        seedSyncLeads(h, leadCount);
        const repId = await addFieldRep(h);
        for (const a of script) await perform(h, a, repId);
        await settleEverything(h);
        expectExactlyOnceKt(h);
      } finally {
        await h.close();
      }
    }),
    replay,
  );
}, 600_000);

it(`every owned lead is pulled exactly once, whatever the 更新日時 ties and faults (${runs} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
      fc.array(fc.constantFrom<KintoneFaultKind>('status500', 'status429', 'status503', 'malformed', 'hang', 'dropAfterStore'), { maxLength: 4 }),
      async (groups, faults) => {
        const h = await createKintoneHarness({ harness: { sync: { requestTimeoutMs: 1_000 } } });
        try {
          const owned: string[] = [];
          let at = Date.parse('2026-12-01T09:00:00Z');
          for (const size of groups) {
            const ids = Array.from({ length: size }, (_, i) => h.kt.put('leads', { 姓: `髙橋${owned.length + i}`, 会社名: '株式会社ミナト', 担当者: [{ code: repLogin }] }));
            h.kt.put('leads', { 姓: '他人', 担当者: [{ code: 'suzuki' }] });
            // Each group shares one minute of 更新日時 (a bulk import).
            at += 60_000;
            h.kt.stamp('leads', ids, new Date(at).toISOString());
            owned.push(...ids);
          }
          for (const kind of faults) h.kt.inject({ kind, on: 'get' });
          await expectPulledExactlyOnce(h, owned);
        } finally {
          await h.close();
        }
      },
    ),
    replay,
  );
}, 600_000);

it(`edits made in kintone inside the minute the last pull ended in arrive, wherever they sort among ties (${runs} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 1_500 }), fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 5 }), async (size, picks) => {
      const h = await createKintoneHarness({ harness: { sync: { requestTimeoutMs: 1_000 } } });
      try {
        const ids = Array.from({ length: size }, (_, i) => h.kt.put('leads', { 姓: `髙橋${i}`, 会社名: '株式会社ミナト', 担当者: [{ code: repLogin }] }));
        // One bulk import: every lead in the same minute of 更新日時.
        h.kt.stamp('leads', ids, '2026-12-01T09:00:00Z');
        for (let pull = 0; pull < 10; pull++) {
          h.clock.advance(60 * minute);
          await h.backend.sync.engine.pullNow();
          if ((h.backend.context.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n >= size) break;
        }
        h.clock.advance(60 * minute);
        await h.backend.sync.engine.pullNow();
        // Edits in that same minute, behind where the pull stands (the fake's clock stays in it for 60 writes).
        const edited = [...new Set(picks.map((p) => ids[p % size]!))];
        for (const id of edited) h.kt.put('leads', { 姓: `改${id}` }, id);
        for (const id of edited) expect(h.kt.records('leads').find((r) => r.id === id)!.values.更新日時).toBe('2026-12-01T09:00:00Z');
        h.clock.advance(60 * minute);
        await h.backend.sync.engine.pullNow();
        for (const id of edited) {
          const row = h.backend.context.db.prepare('SELECT full_name FROM leads WHERE crm_id = ?').get(id) as { full_name: string };
          expect(row.full_name).toBe(`改${id}`);
        }
      } finally {
        await h.close();
      }
    }),
    replay,
  );
}, 600_000);
