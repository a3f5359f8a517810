import { describe, expect, it } from 'vitest';
import { mondayOf, teamMaths, type TeamCounts } from '../../shared/domain/kpi/team';
import { teamRequestCount } from '../../electron/backend/sync/salesforce/teamQueries';

const targets = { connect: 0.3, conversation: 0.6, opportunity: 0.15 };
const base: TeamCounts = {
  members: [
    { userId: 'a', name: '高橋' },
    { userId: 'b', name: '佐藤' },
  ],
  calls: [],
  usedSlots: [],
  plannedSlots: [],
  opportunities: [],
  trendCalls: [],
  trendOpportunities: [],
  rejections: [],
};
const run = (counts: Partial<TeamCounts>, goal = 0) => teamMaths({ counts: { ...base, ...counts }, targets, goal, today: '2026-12-08', weekStarts: ['2026-11-30', '2026-12-07'] });

describe('team maths', () => {
  it('sums each rep and the team, with the rates between the stages', () => {
    const v = run({
      calls: [
        { userId: 'a', outcome: 'no_answer', conversation: false, n: 70 },
        { userId: 'a', outcome: 'connected', conversation: true, n: 20 },
        { userId: 'a', outcome: 'connected', conversation: false, n: 10 },
        { userId: 'b', outcome: 'callback_requested', conversation: false, n: 5 },
        { userId: 'b', outcome: 'gatekeeper', conversation: true, n: 5 },
        { userId: 'z', outcome: 'connected', conversation: true, n: 99 },
      ],
      opportunities: [
        { userId: 'a', state: 'accepted', n: 2, appointments: 2 },
        { userId: 'a', state: 'rejected', n: 1, appointments: 0 },
        { userId: 'b', state: null, n: 1, appointments: 1 },
      ],
    });
    const a = v.reps[0]!;
    expect(a).toMatchObject({ dials: 100, connects: 30, conversations: 20, opportunities: 3, appointments: 2, handoffs: { accepted: 2, meetingHeld: 0, rejected: 1, unanswered: 0 } });
    expect(a.rates).toEqual({ connect: 0.3, conversation: 20 / 30, opportunity: 3 / 20, appointment: 0.02 });
    // Someone outside the chosen team (z) is not counted.
    expect(v.team).toMatchObject({ dials: 110, connects: 35, conversations: 25, opportunities: 4, appointments: 3 });
  });

  it.each([
    ['connect rate below target', [{ outcome: 'no_answer', conversation: false, n: 90 }, { outcome: 'connected', conversation: true, n: 10 }], 'connect'],
    ['conversations below target', [{ outcome: 'no_answer', conversation: false, n: 60 }, { outcome: 'connected', conversation: false, n: 36 }, { outcome: 'connected', conversation: true, n: 4 }], 'conversation'],
  ] as const)('the bottleneck per rep: %s', (_name, calls, stage) => {
    const v = run({ calls: calls.map((c) => ({ userId: 'a', ...c })), opportunities: [{ userId: 'a', state: null, n: 10, appointments: 0 }] });
    expect(v.reps[0]!.bottleneck).toBe(stage);
    expect(v.reps[1]!.bottleneck).toBeNull();
  });

  it('the team goal worked backward with the rep’s maths: planned call blocks from today on', () => {
    const v = run(
      {
        calls: [
          { userId: 'a', outcome: 'no_answer', conversation: false, n: 70 },
          { userId: 'a', outcome: 'connected', conversation: true, n: 30 },
        ],
        usedSlots: [{ userId: 'a', n: 10 }],
        plannedSlots: [
          { userId: 'a', day: '2026-12-07', n: 5 },
          { userId: 'a', day: '2026-12-08', n: 4 },
          { userId: 'b', day: '2026-12-09', n: 6 },
        ],
        opportunities: [{ userId: 'a', state: null, n: 3, appointments: 3 }],
      },
      6,
    );
    // 3 more wanted ÷ 0.1 (3/30) = 30 conversations ÷ 1 = 30 connects ÷ 0.3 = 100 dials ÷ 10 dials a koma = 10 koma; 10 planned ahead.
    expect(v.goal).toMatchObject({ goal: 6, achieved: 3, remaining: 3, dialsNeeded: 100, callSlotsNeeded: 10, callSlotsPlanned: 10, status: 'reachable' });
    expect(v.reps[0]!.plannedSlots).toBe(9);
  });

  it('without Koma’s conversation field: conversations and the rates after them are not available, never zero', () => {
    const v = run({ calls: [{ userId: 'a', outcome: 'connected', conversation: null, n: 5 }], usedSlots: null });
    expect(v.team.conversations).toBeNull();
    expect(v.team.rates.conversation).toBeNull();
    expect(v.team.usedSlots).toBeNull();
  });

  it('the trend folds days into Monday weeks', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    const v = run({
      trendCalls: [
        { day: '2026-12-06', outcome: 'connected', n: 2 },
        { day: '2026-12-08', outcome: 'no_answer', n: 5 },
        { day: '2026-11-01', outcome: 'no_answer', n: 50 },
      ],
      trendOpportunities: [{ day: '2026-12-11', n: 1 }],
    });
    expect(v.trend).toEqual([
      { weekStart: '2026-11-30', dials: 2, connects: 2, opportunities: 0 },
      { weekStart: '2026-12-07', dials: 5, connects: 0, opportunities: 1 },
    ]);
  });
});

describe('requests per refresh', () => {
  it.each([
    [1, 'role', 8],
    [10, 'role', 8],
    [10, 'group', 9],
    [50, 'users', 8],
    // 31 day-rows a rep: 64 reps per planned-blocks query; 16 rows a rep for calls: 125 reps per query.
    [65, 'role', 9],
    [126, 'role', 10],
  ] as const)('%i reps chosen by %s: %i requests', (reps, kind, requests) => {
    expect(teamRequestCount(reps, kind)).toBe(requests);
  });
});
