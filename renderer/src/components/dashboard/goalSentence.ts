import type { GoalPlanView } from '../../../../shared/contract/planner';

/** The first stage of the funnel with nothing measured yet: why the goal cannot be worked back. */
export type MissingData = 'dials' | 'connects' | 'conversations' | 'opportunities';

export type GoalSentence = { key: 'met' | 'reachable' } | { key: 'short'; count: number } | { key: 'not_enough_data'; missing: MissingData };

function missingData(goal: GoalPlanView): MissingData {
  const { connect, conversation, opportunity } = goal.rates;
  // A null rate had nothing to divide by; a zero rate leaves the next stage with nothing.
  if (connect === null || goal.dialsPerSlot === null) return 'dials';
  if (!connect || conversation === null) return 'connects';
  if (!conversation || opportunity === null) return 'conversations';
  return 'opportunities';
}

/** What the goal panel says in one plain sentence: met, reachable with the plan, N call blocks short, or which data is missing. */
export function goalSentence(goal: GoalPlanView): GoalSentence {
  if (goal.status === 'not_enough_data') return { key: 'not_enough_data', missing: missingData(goal) };
  if (goal.status !== 'short') return { key: goal.status };
  // "short" always comes with the slots needed; the gap is what the rep has to add to the plan.
  return { key: 'short', count: Math.max(1, (goal.callSlotsNeeded ?? 0) - goal.callSlotsPlanned) };
}
