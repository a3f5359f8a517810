import { teamRequestCount } from '../../electron/backend/sync/salesforce/teamQueries';
import { startFakeSalesforce } from '../fakes/fakeSalesforce';
import { createSyncHarness } from '../fakes/syncHarness';

const outcomes = ['no_answer', 'no_answer', 'voicemail', 'gatekeeper', 'connected', 'busy', 'no_answer', 'callback_requested'];

/**
 * The manager's team view against the strict fake: `reps` reps with a month of Koma-made calls
 * (`days` working days × 40 dials), call blocks and handoffs put straight into the org, then one
 * refresh of a manager's Koma. Returns the requests that refresh cost, and what it should cost.
 */
export async function teamRefreshRequests(reps: number, days: number): Promise<{ requests: number; expected: number; tasks: number; millis: number }> {
  const start = new Date('2026-12-28T01:00:00Z');
  const fake = await startFakeSalesforce({ now: () => start });
  const h = await createSyncHarness({ fake, start, idPrefix: 'mgr-' });
  try {
    const users: string[] = [];
    let tasks = 0;
    for (let r = 0; r < reps; r++) {
      const user = fake.insert('User', { Name: `担当 ${r + 1}`, IsActive: true, UserRoleId: null });
      users.push(user);
      for (let d = 0; d < days; d++) {
        const day = `2026-12-${String(1 + d).padStart(2, '0')}`;
        for (let k = 0; k < 40; k++) {
          fake.insert('Task', { OwnerId: user, Koma_Id__c: `${user}-${d}-${k}`, TaskSubtype: 'Call', Status: 'Completed', CallDisposition: outcomes[k % outcomes.length], ActivityDate: day, Koma_Slot__c: String(d * 16 + (k >> 3)), Koma_Conversation__c: k % 8 === 4 });
          tasks++;
        }
        for (let b = 0; b < 5; b++) fake.insert('Event', { OwnerId: user, Koma_Id__c: `${user}-e-${d}-${b}`, Subject: '架電コマ', ActivityDateTime: `${day}T0${b}:00:00Z`, DurationInMinutes: 30, ActivityDate: day });
      }
      for (let o = 0; o < 3; o++) fake.insert('Opportunity', { Koma_Id__c: `${user}-o-${o}`, Name: `商談 ${o}`, StageName: 'Qualification', CloseDate: '2027-03-31', CreatedById: user, NextStep: o < 2 ? 'Meeting' : null });
    }
    fake.signInAs(fake.users.manager);
    await h.signIn();
    await h.call('team.saveSettings', { settings: { mode: 'manager', team: { kind: 'users', ids: users }, goal: reps * 4 } });
    const before = fake.stats().queries;
    const started = performance.now();
    const state = await h.call('team.refresh', { auto: false });
    const millis = performance.now() - started;
    if (!state.view || state.view.team.dials !== tasks) throw new Error(`team view did not count every call: ${state.view?.team.dials ?? 'none'} of ${tasks}`);
    return { requests: fake.stats().queries - before, expected: teamRequestCount(reps, 'users'), tasks, millis };
  } finally {
    // The harness closes only a fake it started; this one's two servers (login and instance hosts)
    // would otherwise keep the bench's process alive after its report.
    await h.close();
    await fake.close();
  }
}
