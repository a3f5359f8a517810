import type { FeatureHandlers } from '../core/registry';
import type { TeamService } from './team';

/** The Team screen's commands: thin, the work is in team.ts. */
export function createTeamHandlers(team: TeamService): FeatureHandlers {
  return {
    'team.view': () => team.view(),
    'team.refresh': (input) => team.refresh(input.auto),
    'team.saveSettings': (input) => team.saveSettings(input.settings),
  };
}
