import type { CallOutcome } from '../../shared/contract/calls';
import { seedLeads } from '../helpers/seedLeads';
import type { FakeSalesforce } from './fakeSalesforce';
import { addFieldRep, handOff, logCall, minute } from './repActions';
import { createSyncHarness, type SyncHarness } from './syncHarness';

/**
 * Three reps' days for the team view's tests: each rep's Koma signs in to the one fake org, plans
 * call blocks, logs calls and hands off while Salesforce is unreachable, then syncs.
 */
/** What each rep does: calls by outcome, how many marked as conversations, call blocks, handoffs. */
export const teamWork: { outcomes: CallOutcome[]; conversations: number; blocks: number; handoffs: number }[] = [
  { outcomes: ['connected', 'connected', 'no_answer', 'no_answer', 'gatekeeper', 'callback_requested'], conversations: 2, blocks: 4, handoffs: 2 },
  { outcomes: ['connected', 'voicemail', 'not_interested', 'busy'], conversations: 1, blocks: 2, handoffs: 1 },
  { outcomes: ['no_answer', 'no_answer', 'no_answer'], conversations: 0, blocks: 3, handoffs: 0 },
];

export async function repWorks(fake: FakeSalesforce, i: number, start: Date): Promise<SyncHarness> {
  const h = await createSyncHarness({ fake, idPrefix: `r${i}-`, start });
  const w = teamWork[i]!;
  const leads = seedLeads(
    h.backend,
    w.outcomes.map((_, k) => ({ id: `r${i}-lead-${k}`, company: `株式会社チーム${i}商事${k}`, name: `山﨑 花子${i}${k}`, phone: `03-1111-${i}${k}00`, title: '部長', score: 50 })),
  );
  fake.signInAs(fake.users.reps[i]!);
  await h.signIn();
  // Offline from here: nothing reaches Salesforce until the network comes back.
  fake.setDown(true);
  await h.call('planner.assign', {
    weekStart: '2026-12-07',
    assignments: Array.from({ length: w.blocks }, (_, k) => ({ startsAt: new Date(Date.UTC(2026, 11, 9 + (k % 3), 0, 30 * k)).toISOString(), kind: 'call_block' as const, target: null })),
  });
  const fieldRep = await addFieldRep(h, '005000000000009AAA');
  for (const [k, outcome] of w.outcomes.entries()) {
    h.clock.advance(5 * minute);
    await logCall(h, leads[k]!, outcome, '架電', k < w.conversations ? { conversation: true } : {});
  }
  for (let k = 0; k < w.handoffs; k++) await handOff(h, leads[k + 2]!, fieldRep);
  await h.backend.sync.engine.drain();
  fake.setDown(false);
  await h.settle();
  return h;
}

