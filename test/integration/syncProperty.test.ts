import fc from 'fast-check';
import { it } from 'vitest';
import type { Fault } from '../fakes/fakeSalesforce';
import { expectExactlyOnce } from '../fakes/exactlyOnce';
import { addFieldRep, isRepAction, minute, performRepAction, repActionArbitraries, seedSyncLeads, type RepAction } from '../fakes/repActions';
import { createSyncHarness, settleAfterFaults, type SyncHarness } from '../fakes/syncHarness';

/**
 * Random rep work interleaved with random CRM faults; once the faults stop and sync settles,
 * every call, status change and handoff is in the fake Salesforce exactly once, with its latest
 * content. KOMA_PROPERTY_RUNS=500 runs it harder locally.
 */
const runs = Number(process.env.KOMA_PROPERTY_RUNS ?? 15);
const leadCount = 6;

type Action = RepAction | { kind: 'fault'; fault: Fault['kind']; target: number; retryAfter: number } | { kind: 'down' } | { kind: 'up' } | { kind: 'sync'; passes: number; minutes: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  ...repActionArbitraries(leadCount, { hearing: true, correctWeight: 2 }),
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      fault: fc.constantFrom<Fault['kind']>('status500', 'status503', 'status429', 'lockRow', 'validation', 'invalidSession', 'requestLimit', 'hang', 'dropAfterStore', 'malformed', 'refreshInvalid'),
      target: fc.nat(),
      retryAfter: fc.integer({ min: 0, max: 300 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'down' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'up' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), passes: fc.integer({ min: 1, max: 3 }), minutes: fc.integer({ min: 0, max: 90 }) }) },
);

async function perform(h: SyncHarness, a: Action, repId: string): Promise<void> {
  if (isRepAction(a)) return performRepAction(h, a, repId);
  switch (a.kind) {
    case 'fault': {
      const targets = (h.backend.context.db.prepare('SELECT entity_id FROM outbox ORDER BY seq').all() as { entity_id: string }[]).map((r) => r.entity_id);
      const perRecord = a.fault === 'lockRow' || a.fault === 'validation';
      h.fake.addFaults({
        kind: a.fault,
        retryAfter: a.retryAfter,
        ...(perRecord && targets.length > 0 ? { externalIds: [targets[a.target % targets.length]!] } : {}),
      });
      return;
    }
    case 'down':
      h.fake.setDown(true);
      return;
    case 'up':
      h.fake.setDown(false);
      return;
    case 'sync':
      h.clock.advance(a.minutes * minute);
      for (let i = 0; i < a.passes; i++) await h.backend.sync.engine.runOnce();
      return;
  }
}

async function settleEverything(h: SyncHarness): Promise<void> {
  h.fake.clearFaults();
  h.fake.setDown(false);
  // The short request timeout (it keeps hung requests cheap) can also cut a sign-in short on a
  // busy machine: signing in is not what this property is about, so it is simply tried again.
  await settleAfterFaults(h, async () => {
    for (let attempt = 0; attempt < 5 && !(await h.call('sync.status', {})).signedIn; attempt++) await h.signIn().catch(() => undefined);
  });
}

it(`random rep work under random faults reaches Salesforce exactly once (${runs} runs)`, async () => {
  const started = Date.now();
  let actions = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), async (script) => {
      const h = await createSyncHarness({ sync: { requestTimeoutMs: 150 } });
      try {
        seedSyncLeads(h, leadCount);
        const repId = await addFieldRep(h);
        await h.signIn();
        for (const a of script) await perform(h, a, repId);
        actions += script.length;
        await settleEverything(h);
        expectExactlyOnce(h);
      } finally {
        await h.close();
      }
    }),
    { numRuns: runs },
  );
  console.log(`sync property: ${runs} runs, ${actions} actions, ${Date.now() - started} ms`);
}, 600_000);
