import { afterEach, describe, expect, it } from 'vitest';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

/**
 * The rep's call blocks (コマ) reach Salesforce as Events owned by the rep, queued with the plan
 * change itself: planned, retargeted, moved and cleared, against the strict fake, exactly once.
 */
let h: SyncHarness;
afterEach(async () => h?.close());

// Monday 7 December 2026, 09:00 JST = 00:00 UTC.
const week = '2026-12-07';
const at = (day: number, index: number) => new Date(Date.UTC(2026, 11, 7 + day, 0, 30 * index)).toISOString();
const events = () => h.fake.records('Event').sort((a, b) => String(a.ActivityDateTime).localeCompare(String(b.ActivityDateTime)));
const assign = (assignments: { startsAt: string; kind: 'call_block' | 'break' | null; target?: { dials: number; source: null } | null }[]) =>
  h.call('planner.assign', { weekStart: week, assignments: assignments.map((a) => ({ target: null, ...a })) });

async function ready() {
  h = await createSyncHarness({ start: new Date('2026-12-04T01:00:00Z') });
  await h.signIn();
}

describe('call blocks as Salesforce Events', () => {
  it('planned blocks become timed Events with Koma’s id, subject and target; other kinds stay local', async () => {
    await ready();
    await assign([
      { startsAt: at(0, 0), kind: 'call_block', target: { dials: 12, source: null } },
      { startsAt: at(0, 1), kind: 'call_block' },
      { startsAt: at(0, 2), kind: 'break' },
    ]);
    await h.settle();
    const [first, second, ...rest] = events();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ Subject: '架電コマ（目標 12 件）', ActivityDateTime: at(0, 0), DurationInMinutes: 30, EndDateTime: at(0, 1), IsAllDayEvent: false, ActivityDate: '2026-12-07', OwnerId: h.fake.userId });
    expect(second).toMatchObject({ Subject: '架電コマ', ActivityDateTime: at(0, 1) });
    const slotIds = (h.backend.context.db.prepare("SELECT id FROM slots WHERE kind = 'call_block' ORDER BY starts_at").all() as { id: string }[]).map((r) => r.id);
    expect([first!.Koma_Id__c, second!.Koma_Id__c]).toEqual(slotIds);
  });

  it('a move deletes the old Event and creates the new one; a retarget updates in place; clearing deletes', async () => {
    await ready();
    await assign([{ startsAt: at(1, 0), kind: 'call_block' }, { startsAt: at(1, 1), kind: 'call_block' }]);
    await h.settle();
    // Moved: cleared at 09:00, planned at 11:00 — in one command, one transaction.
    await assign([{ startsAt: at(1, 0), kind: null }, { startsAt: at(1, 4), kind: 'call_block' }]);
    await assign([{ startsAt: at(1, 1), kind: 'call_block', target: { dials: 20, source: null } }]);
    await h.settle();
    expect(events().map((e) => [e.ActivityDateTime, e.Subject])).toEqual([
      [at(1, 1), '架電コマ（目標 20 件）'],
      [at(1, 4), '架電コマ'],
    ]);
    // Turned into a break: its Event goes.
    await assign([{ startsAt: at(1, 1), kind: 'break' }]);
    await h.settle();
    expect(events().map((e) => e.ActivityDateTime)).toEqual([at(1, 4)]);
    expect(h.outbox().filter((r) => r.entity === 'slot').every((r) => r.state === 'done')).toBe(true);
  });

  it('a lost answer on the upsert and on the delete: retried, one Event, then none', async () => {
    await ready();
    await assign([{ startsAt: at(2, 0), kind: 'call_block' }]);
    h.fake.addFaults({ kind: 'dropAfterStore', on: 'upsert', sobject: 'Event' });
    await h.settle();
    expect(events()).toHaveLength(1);
    await assign([{ startsAt: at(2, 0), kind: null }]);
    h.fake.addFaults({ kind: 'dropAfterStore', on: 'delete' });
    await h.settle();
    expect(events()).toEqual([]);
    expect(h.fake.stats().deletes).toBe(1);
    expect(h.fake.pendingFaults()).toEqual([]);
  });

  it('a template applied to a week queues its call blocks with the plan, in the same transaction', async () => {
    await ready();
    await assign([{ startsAt: at(0, 0), kind: 'call_block' }, { startsAt: at(0, 1), kind: 'call_block' }]);
    await h.call('planner.saveTemplate', { weekStart: week, name: '基本' });
    await h.call('planner.applyTemplate', { weekStart: '2026-12-14', name: '基本' });
    const queued = h.outbox().filter((r) => r.entity === 'slot' && r.op === 'upsert');
    expect(queued).toHaveLength(4);
    await h.settle();
    expect(events()).toHaveLength(4);
  });
});
