import { describe, expect, it } from 'vitest';
import { computeKpis, isConversation, type KpiCall, type KpiExit, type KpiHandoff, type KpiInput } from '../../shared/domain/kpi/figures';
import { workBackFromGoal, type GoalInput } from '../../shared/domain/kpi/goal';

const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const call = (leadId: string, outcome: KpiCall['outcome'], patch: Partial<KpiCall> = {}): KpiCall => ({
  leadId,
  source: 'web_inquiry',
  startedAt: '2026-11-10T01:00:00.000Z',
  durationSec: 30,
  outcome,
  ...patch,
});
const handoff = (leadId: string, patch: Partial<KpiHandoff> = {}): KpiHandoff => ({
  leadId,
  source: 'web_inquiry',
  createdAt: '2026-11-11T01:00:00.000Z',
  appointmentAt: '2026-11-20T01:00:00.000Z',
  fieldState: null,
  ...patch,
});
const input = (patch: Partial<KpiInput>): KpiInput => ({ calls: [], handoffs: [], exits: [], range, conversationSeconds: 60, ...patch });

describe('computeKpis', () => {
  it('empty data: zero counts and no rates, never NaN', () => {
    const { total } = computeKpis(input({}), []);
    expect(total).toMatchObject({ dials: 0, connects: 0, connectRate: null, qualificationRate: null, opportunities: 0 });
  });

  const calls = [
    call('a', 'no_answer'),
    call('a', 'connected', { durationSec: 300 }),
    call('b', 'gatekeeper'),
    call('b', 'callback_requested', { durationSec: 45, conversation: true }),
    call('c', 'connected', { durationSec: 20, source: 'seminar' }),
    call('d', 'voicemail', { source: 'seminar' }),
    call('e', 'not_interested', { source: 'seminar' }),
    call('f', 'connected', { startedAt: '2026-10-31T23:59:59.000Z', durationSec: 600 }),
  ];
  const handoffs = [
    handoff('a', { fieldState: 'meeting_held' }),
    handoff('c', { source: 'seminar', appointmentAt: null }),
    handoff('z', { createdAt: '2026-10-15T00:00:00.000Z', appointmentAt: '2026-11-03T00:00:00.000Z', fieldState: 'meeting_held' }),
  ];
  const exits: KpiExit[] = [
    { source: 'seminar', kind: 'recycled', reason: 'timing', at: '2026-11-12T00:00:00.000Z' },
    { source: 'seminar', kind: 'recycled', reason: 'no_need', at: '2026-11-12T00:00:00.000Z' },
    { source: 'web_inquiry', kind: 'recycled', reason: 'timing', at: '2026-11-12T00:00:00.000Z' },
    { source: 'web_inquiry', kind: 'excluded', reason: 'competitor', at: '2026-11-12T00:00:00.000Z' },
    { source: 'web_inquiry', kind: 'excluded', reason: 'competitor', at: '2026-10-12T00:00:00.000Z' },
  ];
  const result = computeKpis(input({ calls, handoffs, exits }), ['web_inquiry', 'seminar']);

  it.each<[string, keyof typeof result.total, unknown]>([
    ['dials in range only', 'dials', 7],
    ['connects: reached the person', 'connects', 4],
    ['connect rate', 'connectRate', 4 / 7],
    ['conversations: connected ≥ 60 s, or marked', 'conversations', 2],
    ['appointments booked in range', 'appointmentsBooked', 1],
    ['appointments held in range, wherever booked', 'appointmentsHeld', 2],
    ['opportunities created in range', 'opportunities', 2],
    ['leads worked', 'leadsWorked', 5],
    ['qualification rate = opportunities / leads worked', 'qualificationRate', 2 / 5],
    ['recycles by reason', 'recycles', { timing: 2, no_need: 1 }],
    ['exclusions by reason in range', 'exclusions', { competitor: 1 }],
  ])('total: %s', (_case, key, expected) => expect(result.total[key]).toEqual(expected));

  it.each<[string, 'web_inquiry' | 'seminar', number, number, number | null]>([
    ['web inquiries', 'web_inquiry', 4, 2, 0.5],
    ['seminars', 'seminar', 3, 2, 2 / 3],
  ])('split by source: %s', (_case, source, dials, connects, rate) => {
    expect(result.bySource[source]).toMatchObject({ dials, connects, connectRate: rate });
  });
});

describe('isConversation: counted from what is known', () => {
  it.each<[string, Partial<KpiCall>, boolean]>([
    ['connected, timed over the threshold', { outcome: 'connected', durationSec: 60 }, true],
    ['connected, timed under it', { outcome: 'connected', durationSec: 59 }, false],
    ['connected, not timed (unknown, never guessed)', { outcome: 'connected', durationSec: null }, false],
    ['marked 有効会話 (or a hearing recorded in it), however short', { outcome: 'callback_requested', durationSec: null, conversation: true }, true],
    ['a long no-answer is not a conversation', { outcome: 'no_answer', durationSec: 600 }, false],
  ])('%s', (_case, patch, expected) => {
    expect(isConversation(call('a', 'connected', patch), 60)).toBe(expected);
  });
});

describe('workBackFromGoal', () => {
  const targets = { connect: 0.3, conversation: 0.6, opportunity: 0.2 };
  const base: GoalInput = {
    goal: 10,
    achieved: 4,
    measured: { dials: 400, connects: 100, conversations: 50, opportunities: 5, callSlotsUsed: 40 },
    callSlotsPlanned: 100,
    targets,
  };

  it.each<[string, Partial<GoalInput>, Record<string, unknown>]>([
    [
      'reachable with the slots planned',
      {},
      { status: 'reachable', remaining: 6, conversationsNeeded: 60, connectsNeeded: 120, dialsNeeded: 480, callSlotsNeeded: 48, bottleneck: 'opportunity' },
    ],
    ['short of slots', { callSlotsPlanned: 47 }, { status: 'short', callSlotsNeeded: 48 }],
    ['goal met', { achieved: 10 }, { status: 'met', remaining: 0, dialsNeeded: 0 }],
    ['goal exceeded', { achieved: 12 }, { status: 'met', remaining: 0 }],
    [
      'no dials yet: worked back at the targets, slots unknown',
      { measured: { dials: 0, connects: 0, conversations: 0, opportunities: 0, callSlotsUsed: 0 } },
      { status: 'not_enough_data', conversationsNeeded: 30, connectsNeeded: 50, dialsNeeded: 167, callSlotsNeeded: null, bottleneck: null, assumed: ['connect', 'conversation', 'opportunity'] },
    ],
    [
      'no dials and no targets: nothing to work back with',
      { measured: { dials: 0, connects: 0, conversations: 0, opportunities: 0, callSlotsUsed: 0 }, targets: { connect: 0, conversation: 0, opportunity: 0 } },
      { status: 'not_enough_data', dialsNeeded: null, assumed: [] },
    ],
    [
      'connects but no opportunity yet (zero rate): the target opportunity rate stands in',
      { measured: { dials: 100, connects: 20, conversations: 10, opportunities: 0, callSlotsUsed: 10 } },
      { status: 'reachable', conversationsNeeded: 30, connectsNeeded: 60, dialsNeeded: 300, callSlotsNeeded: 30, bottleneck: 'opportunity', assumed: ['opportunity'] },
    ],
    ['weak connect rate is the bottleneck', { measured: { dials: 1000, connects: 100, conversations: 80, opportunities: 20, callSlotsUsed: 100 } }, { status: 'reachable', bottleneck: 'connect' }],
  ])('%s', (_case, patch, expected) => {
    expect(workBackFromGoal({ ...base, ...patch })).toMatchObject(expected);
  });
});
