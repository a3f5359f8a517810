import { afterEach, expect, it } from 'vitest';
import { byKomaId, logCall, seedSyncLeads } from '../fakes/repActions';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

/**
 * The objections a rep marks during a call reach the CRM with the call (issue 15): field sales and
 * the manager read in the Task what the dashboard counts.
 */
let h: SyncHarness;
afterEach(async () => h?.close());

it('a call with objections raised: the Task’s comments end with them, by the cards’ titles; the outbox payload carries them', async () => {
  h = await createSyncHarness();
  seedSyncLeads(h, 2);
  await h.signIn();
  const { callId } = await logCall(h, 'lead-0000', 'connected', '来期なら検討', { objections: ['no-budget', 'using-competitor'] });
  const { callId: plain } = await logCall(h, 'lead-0001', 'connected', '資料送付');
  const payload = JSON.parse((h.backend.context.db.prepare("SELECT payload FROM outbox WHERE entity = 'call' AND entity_id = ?").get(callId) as { payload: string }).payload) as {
    objections: { cardId: string; title: { ja: string } }[];
  };
  expect(payload.objections.map((o) => [o.cardId, o.title.ja])).toEqual([
    ['no-budget', '予算がない'],
    ['using-competitor', '他社を使っている'],
  ]);
  await h.settle();
  const tasks = byKomaId(h, 'Task');
  expect(tasks.get(callId)!.Description).toBe('来期なら検討\n\n切り返し: 予算がない、他社を使っている');
  expect(tasks.get(plain)!.Description).toBe('資料送付');
});
