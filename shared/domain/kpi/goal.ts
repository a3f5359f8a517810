import { rate } from './figures';

export const funnelStages = ['connect', 'conversation', 'opportunity'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface MeasuredFunnel {
  dials: number;
  connects: number;
  conversations: number;
  opportunities: number;
  /** Call-block slots the dials were made in. */
  callSlotsUsed: number;
}

export interface GoalInput {
  goal: number;
  achieved: number;
  measured: MeasuredFunnel;
  /** Call-block slots still planned before the goal's deadline. */
  callSlotsPlanned: number;
  /** The team's target rates per stage, to find the bottleneck against. */
  targets: Record<FunnelStage, number>;
}

export type GoalStatus = 'met' | 'reachable' | 'short' | 'not_enough_data';

export interface GoalPlan {
  status: GoalStatus;
  remaining: number;
  rates: Record<FunnelStage, number | null>;
  dialsPerSlot: number | null;
  conversationsNeeded: number | null;
  connectsNeeded: number | null;
  dialsNeeded: number | null;
  callSlotsNeeded: number | null;
  callSlotsPlanned: number;
  /** The stage whose measured rate is furthest below the team's target; null without data. */
  bottleneck: FunnelStage | null;
  /** Stages not measured yet (nothing to divide by, or nothing got through): worked back at the team's target rate instead. */
  assumed: FunnelStage[];
}

/**
 * THE MODEL worked backward: opportunities still wanted ÷ the rep's own measured rates give the
 * conversations, connects and dials needed, and ÷ dials per slot the call slots needed — compared
 * with the slots planned. A rate not measured yet (no dials, no connects, or nothing got through
 * yet) is replaced by the team's target rate and listed in `assumed`, so a new rep still sees what
 * the goal asks of them. Without dials per slot the call slots cannot be worked out: "not enough data".
 */
export function workBackFromGoal(input: GoalInput): GoalPlan {
  const m = input.measured;
  const rates: Record<FunnelStage, number | null> = {
    connect: rate(m.connects, m.dials),
    conversation: rate(m.conversations, m.connects),
    opportunity: rate(m.opportunities, m.conversations),
  };
  const assumed = funnelStages.filter((stage) => !rates[stage] && input.targets[stage] > 0);
  const used = (stage: FunnelStage) => (rates[stage] ? rates[stage] : input.targets[stage] > 0 ? input.targets[stage] : null);
  const dialsPerSlot = rate(m.dials, m.callSlotsUsed);
  const remaining = Math.max(0, input.goal - input.achieved);
  const bottleneck = findBottleneck(rates, input.targets);
  const base = { remaining, rates, dialsPerSlot, callSlotsPlanned: input.callSlotsPlanned, bottleneck, assumed };
  if (remaining === 0) {
    return { ...base, status: 'met', conversationsNeeded: 0, connectsNeeded: 0, dialsNeeded: 0, callSlotsNeeded: 0 };
  }
  const connect = used('connect');
  const conversation = used('conversation');
  const opportunity = used('opportunity');
  if (!connect || !conversation || !opportunity) {
    return { ...base, status: 'not_enough_data', conversationsNeeded: null, connectsNeeded: null, dialsNeeded: null, callSlotsNeeded: null };
  }
  const conversationsNeeded = Math.ceil(remaining / opportunity);
  const connectsNeeded = Math.ceil(conversationsNeeded / conversation);
  const dialsNeeded = Math.ceil(connectsNeeded / connect);
  if (!dialsPerSlot) {
    return { ...base, status: 'not_enough_data', conversationsNeeded, connectsNeeded, dialsNeeded, callSlotsNeeded: null };
  }
  const callSlotsNeeded = Math.ceil(dialsNeeded / dialsPerSlot);
  return {
    ...base,
    status: callSlotsNeeded <= input.callSlotsPlanned ? 'reachable' : 'short',
    conversationsNeeded,
    connectsNeeded,
    dialsNeeded,
    callSlotsNeeded,
  };
}

function findBottleneck(rates: Record<FunnelStage, number | null>, targets: Record<FunnelStage, number>): FunnelStage | null {
  let worst: FunnelStage | null = null;
  let worstRatio = Infinity;
  for (const stage of funnelStages) {
    const measured = rates[stage];
    const target = targets[stage];
    if (measured === null || target <= 0) continue;
    const ratio = measured / target;
    if (ratio < worstRatio) {
      worst = stage;
      worstRatio = ratio;
    }
  }
  return worst;
}
