import type { LeadSource, LeadStatus } from '../../contract/leads';
import type { CallStage, TalkScript } from '../../contract/talk';

/** Where the lead is for the script: back from recycling, never called, or called before. */
export function callStageOf(lead: { status: LeadStatus; attempts: number }): CallStage {
  if (lead.status === 'recycled') return 'recycled';
  return lead.attempts === 0 ? 'first_call' : 'follow_up';
}

/**
 * The script for a lead: the most specific one that fits. A script fits when its sources (empty:
 * any) hold the lead's source and its stages (empty: any) hold the stage; one naming the source
 * beats one naming only the stage, which beats one for anyone; ties go to the first in the set, so
 * the team's order decides. With none fitting, the first script of the set.
 */
export function pickScript(scripts: readonly TalkScript[], lead: { source: LeadSource; stage: CallStage }): TalkScript | null {
  let best: TalkScript | null = null;
  let bestRank = -1;
  for (const script of scripts) {
    const sourceFits = script.sources.length === 0 || script.sources.includes(lead.source);
    const stageFits = script.stages.length === 0 || script.stages.includes(lead.stage);
    if (!sourceFits || !stageFits) continue;
    const rank = (script.sources.length > 0 ? 2 : 0) + (script.stages.length > 0 ? 1 : 0);
    if (rank > bestRank) {
      best = script;
      bestRank = rank;
    }
  }
  return best ?? scripts[0] ?? null;
}
