import fc from 'fast-check';
import { it } from 'vitest';
import type { HubSpotFaultKind } from '../fakes/fakeHubSpot';
import { createHubSpotHarness, expectExactlyOnceHs, hubspotSettingsFor, repOwnerId, type HubSpotHarness } from '../fakes/hubspotHarness';
import { addFieldRep, isRepAction, minute, performRepAction, repActionArbitraries, seedSyncLeads, type RepAction } from '../fakes/repActions';
import { expectPulledExactlyOnce } from '../fakes/exactlyOnce';
import { settleAfterFaults } from '../fakes/syncHarness';
import { propertyReplay } from '../helpers/propertyReplay';

/**
 * The same properties as Salesforce's (syncProperty, syncPullProperty), against the strict fake
 * HubSpot: random rep work under random faults reaches HubSpot exactly once with its latest
 * content, and every owned contact is pulled exactly once whatever the stamps, the answer sizes
 * and the faults. KOMA_PROPERTY_RUNS=100 runs it harder locally; a failure prints its seed at once
 * (KOMA_PROPERTY_SEED / KOMA_PROPERTY_PATH replay it).
 */
const replay = propertyReplay(3);
const runs = replay.numRuns;
const leadCount = 5;
const faultKinds: HubSpotFaultKind[] = ['status500', 'status502', 'status429', 'daily429', 'hang', 'dropAfterStore', 'malformed', 'unauthorized'];

type Action = RepAction | { kind: 'fault'; fault: HubSpotFaultKind; on: 'any' | 'upsert' | 'update' | 'associate'; retryAfter: number } | { kind: 'sync'; passes: number; minutes: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  ...repActionArbitraries(leadCount),
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom(...faultKinds), on: fc.constantFrom('any' as const, 'upsert' as const, 'update' as const, 'associate' as const), retryAfter: fc.integer({ min: 0, max: 300 }) }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), passes: fc.integer({ min: 1, max: 3 }), minutes: fc.integer({ min: 0, max: 90 }) }) },
);

async function perform(h: HubSpotHarness, a: Action, repId: string): Promise<void> {
  if (isRepAction(a)) return performRepAction(h, a, repId);
  switch (a.kind) {
    case 'fault':
      h.hs.inject({ kind: a.fault, on: a.on, retryAfter: a.retryAfter });
      return;
    case 'sync':
      h.clock.advance(a.minutes * minute);
      for (let i = 0; i < a.passes; i++) await h.backend.sync.engine.runOnce({ pull: 'skip' });
      return;
  }
}

async function settleEverything(h: HubSpotHarness): Promise<void> {
  h.hs.clearFaults();
  // A 401 fault made Koma stop using the token: the rep pastes it again.
  await settleAfterFaults(h, () => h.call('sync.settings.save', { settings: hubspotSettingsFor(h.hs), hubspotToken: h.hs.token }));
}

it(`random rep work under random faults reaches HubSpot exactly once (${runs} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (script) => {
      const h = await createHubSpotHarness({ harness: { sync: { requestTimeoutMs: 1_000 } } });
      try {
        seedSyncLeads(h, leadCount);
        const repId = await addFieldRep(h, '40000001');
        for (const a of script) await perform(h, a, repId);
        await settleEverything(h);
        expectExactlyOnceHs(h);
      } finally {
        await h.close();
      }
    }),
    replay,
  );
}, 600_000);

it(`every owned contact is pulled exactly once, whatever the stamps, answer sizes and faults (${runs} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 6 }),
      // Answers of 25 to 200: smaller ones only multiply requests against Koma's daily share.
      fc.integer({ min: 25, max: 200 }),
      fc.array(fc.constantFrom<HubSpotFaultKind>('status500', 'status429', 'malformed', 'hang', 'dropAfterStore'), { maxLength: 4 }),
      async (groups, searchBatch, faults) => {
        const h = await createHubSpotHarness({ fake: { searchBatch }, harness: { sync: { requestTimeoutMs: 1_000 } } });
        try {
          const owned: string[] = [];
          let ms = Date.parse('2026-12-01T09:00:00.000Z');
          for (const size of groups) {
            const ids = Array.from({ length: size }, (_, i) => h.hs.put('contacts', { lastname: `髙橋${owned.length + i}`, company: '株式会社ミナト', hubspot_owner_id: repOwnerId }));
            h.hs.put('contacts', { lastname: '他人', hubspot_owner_id: '99999999' });
            // Each group shares one millisecond (a bulk import).
            h.hs.stamp('contacts', ids, ++ms);
            owned.push(...ids);
          }
          for (const kind of faults) h.hs.inject({ kind, on: 'search' });
          await expectPulledExactlyOnce(h, owned);
        } finally {
          await h.close();
        }
      },
    ),
    replay,
  );
}, 600_000);
