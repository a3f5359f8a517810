import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamState } from '../../shared/contract/team';
import { teamRequestCount } from '../../electron/backend/sync/salesforce/teamQueries';
import { startFakeSalesforce, type FakeSalesforce } from '../fakes/fakeSalesforce';
import { minute } from '../fakes/repActions';
import { repWorks, teamWork } from '../fakes/teamWork';
import { createSyncHarness, type SyncHarness } from '../fakes/syncHarness';

/**
 * The manager's team view, end to end through the strict fake: three reps' Komas plan call blocks
 * and log calls and handoffs while Salesforce is unreachable, then sync to one org; field sales
 * answer two handoffs in Salesforce; a manager's Koma reads the team with aggregate queries, and
 * every figure equals a count made independently from the org's records.
 */
let fake: FakeSalesforce;
const reps: SyncHarness[] = [];
let manager: SyncHarness;
// Tuesday 8 December 2026, 10:00 JST.
const start = new Date('2026-12-08T01:00:00Z');

beforeAll(async () => {
  // The org stamps records at the reps' working time, not at the machine's.
  fake = await startFakeSalesforce({ now: () => new Date(start.getTime() + 30 * minute) });
  for (let i = 0; i < teamWork.length; i++) reps.push(await repWorks(fake, i, start));
  // Field sales answer in Salesforce: one rejected with a reason, one meeting held.
  const opps = fake.records('Opportunity').sort((a, b) => String(a.Koma_Id__c).localeCompare(String(b.Koma_Id__c)));
  fake.update('Opportunity', opps[0]!.Id, { Koma_Field_State__c: 'Rejected', Koma_Field_Reason__c: '予算が来期まで確保できない' });
  fake.update('Opportunity', opps[2]!.Id, { Koma_Field_State__c: 'Meeting Held' });
  manager = await createSyncHarness({ fake, idPrefix: 'm-', start: new Date(start.getTime() + 60 * minute) });
  fake.signInAs(fake.users.manager);
  await manager.signIn();
}, 120_000);

afterAll(async () => {
  for (const h of [...reps, manager]) await h?.close({ keepFake: true });
  await fake?.close();
});

const connects: ReadonlySet<string> = new Set(['connected', 'callback_requested', 'not_interested']);

/** The figures counted straight from the org's records, without any of Koma's query code. */
function independentCount(userId: string) {
  const tasks = fake.records('Task').filter((t) => t.OwnerId === userId && t.Koma_Id__c && t.TaskSubtype === 'Call');
  const opps = fake.records('Opportunity').filter((o) => o.CreatedById === userId && o.Koma_Id__c);
  return {
    dials: tasks.length,
    connects: tasks.filter((t) => connects.has(String(t.CallDisposition))).length,
    conversations: tasks.filter((t) => t.Koma_Conversation__c === true).length,
    usedSlots: new Set(tasks.map((t) => t.Koma_Slot__c)).size,
    plannedSlots: fake.records('Event').filter((e) => e.OwnerId === userId && e.Koma_Id__c).length,
    opportunities: opps.length,
    appointments: opps.filter((o) => o.NextStep).length,
    rejected: opps.filter((o) => o.Koma_Field_State__c === 'Rejected').length,
    meetingHeld: opps.filter((o) => o.Koma_Field_State__c === 'Meeting Held').length,
  };
}

describe('the team view through the CRM', () => {
  let state: TeamState;
  let queriesBefore: number;

  it('a manager reads three reps’ figures (and a fourth rep’s zeros) equal to an independent count', async () => {
    await manager.call('team.saveSettings', { settings: { mode: 'manager', team: { kind: 'role', ids: [fake.users.insideSalesRole] }, goal: 12 } });
    queriesBefore = fake.stats().queries;
    state = await manager.call('team.refresh', { auto: false });
    expect(state.problem).toBeNull();
    expect(state.stale).toBe(false);
    const view = state.view!;
    expect(view.reps.map((r) => r.name).sort()).toEqual(['佐藤 美咲', '鈴木 大輔', '高橋 健', '髙﨑 玲奈'].sort());
    for (const rep of view.reps) {
      const c = independentCount(rep.userId);
      expect({
        dials: rep.dials,
        connects: rep.connects,
        conversations: rep.conversations,
        usedSlots: rep.usedSlots,
        plannedSlots: rep.plannedSlots,
        opportunities: rep.opportunities,
        appointments: rep.appointments,
        rejected: rep.handoffs.rejected,
        meetingHeld: rep.handoffs.meetingHeld,
      }).toEqual(c);
    }
    // And against what the reps did, so the independent count itself cannot be vacuous.
    const first = view.reps.find((r) => r.userId === fake.users.reps[0])!;
    expect(first).toMatchObject({ dials: 6, connects: 3, conversations: 2, plannedSlots: 4, opportunities: 2, appointments: 2 });
    expect(view.reps.find((r) => r.userId === fake.users.reps[3])).toMatchObject({ dials: 0, opportunities: 0, bottleneck: null });
    expect(view.team).toMatchObject({ dials: 13, connects: 5, conversations: 3, plannedSlots: 9, opportunities: 3 });
    expect(view.team.rates.connect).toBeCloseTo(5 / 13);
    expect(view.rejections).toEqual([expect.objectContaining({ userId: fake.users.reps[0], reason: '予算が来期まで確保できない' })]);
    expect(view.trend.at(-1)).toMatchObject({ weekStart: '2026-12-07', dials: 13, connects: 5, opportunities: 3 });
    expect(view.goal).toMatchObject({ goal: 12, achieved: 3, remaining: 9 });
  });

  it('costs a bounded number of requests: the one stated on screen, whatever the number of calls', () => {
    const view = state.view!;
    expect(fake.stats().queries - queriesBefore).toBe(view.requests);
    expect(view.requests).toBe(teamRequestCount(4, 'role'));
    expect(view.requestBound).toEqual({ reps10: 8, reps50: 8 });
  });

  it('an automatic refresh within 15 minutes reads nothing; after 15 minutes it reads again', async () => {
    const before = fake.stats().queries;
    manager.clock.advance(10 * minute);
    const again = await manager.call('team.refresh', { auto: true });
    expect(fake.stats().queries).toBe(before);
    expect(again.view!.fetchedAt).toBe(state.view!.fetchedAt);
    manager.clock.advance(6 * minute);
    const later = await manager.call('team.refresh', { auto: true });
    expect(fake.stats().queries).toBe(before + later.view!.requests);
  });

  it('offline: the last view, marked stale with its time, and why', async () => {
    const last = (await manager.call('team.view', {})).view!;
    fake.setDown(true);
    try {
      const offline = await manager.call('team.refresh', { auto: false });
      expect(offline.problem).toBe('offline');
      expect(offline.stale).toBe(true);
      expect(offline.view!.fetchedAt).toBe(last.fetchedAt);
    } finally {
      fake.setDown(false);
    }
  });

  it('a public group: its members only, one request more', async () => {
    await manager.call('team.saveSettings', { settings: { mode: 'manager', team: { kind: 'group', ids: [fake.users.teamGroup] }, goal: 12 } });
    const grouped = await manager.call('team.refresh', { auto: false });
    expect(grouped.view!.reps).toHaveLength(3);
    expect(grouped.view!.requests).toBe(9);
    expect(grouped.view!.team.dials).toBe(13);
  });

  it('a rep’s Koma has no team view', async () => {
    const rep = await reps[0]!.call('team.refresh', { auto: false });
    expect(rep.problem).toBe('no_team');
  });
});
