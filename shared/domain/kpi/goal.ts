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
}

/**
 * THE MODEL worked backward: opportunities still wanted ÷ the rep's own measured rates give the
 * conversations, connects and dials needed, and ÷ dials per slot the call slots needed — compared
 * with the slots planned. Any rate that cannot be measured yet (zero dials, zero connects…) makes
 * the answer "not enough data" instead of a division by zero.
 */
export function workBackFromGoal(input: GoalInput): GoalPlan {
  const m = input.measured;
  const rates: Record<FunnelStage, number | null> = {
    connect: rate(m.connects, m.dials),
    conversation: rate(m.conversations, m.connects),
    opportunity: rate(m.opportunities, m.conversations),
  };
  const dialsPerSlot = rate(m.dials, m.callSlotsUsed);
  const remaining = Math.max(0, input.goal - input.achieved);
  const bottleneck = findBottleneck(rates, input.targets);
  const base = { remaining, rates, dialsPerSlot, callSlotsPlanned: input.callSlotsPlanned, bottleneck };
  if (remaining === 0) {
    return { ...base, status: 'met', conversationsNeeded: 0, connectsNeeded: 0, dialsNeeded: 0, callSlotsNeeded: 0 };
  }
  if (!rates.connect || !rates.conversation || !rates.opportunity || !dialsPerSlot) {
    return { ...base, status: 'not_enough_data', conversationsNeeded: null, connectsNeeded: null, dialsNeeded: null, callSlotsNeeded: null };
  }
  const conversationsNeeded = Math.ceil(remaining / rates.opportunity);
  const connectsNeeded = Math.ceil(conversationsNeeded / rates.conversation);
  const dialsNeeded = Math.ceil(connectsNeeded / rates.connect);
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
