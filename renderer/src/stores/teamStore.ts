import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TeamSettings, TeamState } from '../../../shared/contract/team';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface TeamStoreState {
  state: TeamState | null;
  busy: boolean;
  saved: boolean;
  problem: Problem | null;
  load(): Promise<void>;
  /** `auto`: the screen's timer (the backend reads the CRM at most every 15 minutes); else the button. */
  refresh(auto: boolean): Promise<void>;
  save(settings: TeamSettings): Promise<boolean>;
}

export type TeamStore = StoreApi<TeamStoreState>;

/** The manager's Team screen and its settings (rep or manager, the team, the goal). */
export function createTeamStore(client: KomaClient): TeamStore {
  return createStore<TeamStoreState>()((set) => {
    const run = async (work: () => Promise<TeamState>) => {
      set({ busy: true, problem: null });
      try {
        set({ state: await work(), busy: false });
        return true;
      } catch (error) {
        set({ busy: false, problem: toProblem(error) });
        return false;
      }
    };
    return {
      state: null,
      busy: false,
      saved: false,
      problem: null,
      load: async () => {
        await run(() => client.invoke('team.view', {}));
      },
      refresh: async (auto) => {
        await run(() => client.invoke('team.refresh', { auto }));
      },
      save: async (settings) => {
        set({ saved: false });
        const ok = await run(() => client.invoke('team.saveSettings', { settings }));
        set({ saved: ok });
        return ok;
      },
    };
  });
}
