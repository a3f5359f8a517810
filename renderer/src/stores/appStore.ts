import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo } from '../../../shared/contract/app';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface AppState {
  /** null until the backend first answered. */
  info: AppInfo | null;
  problem: Problem | null;
  load(): Promise<void>;
  /** The rep has read the recovery notice: the backend forgets it, and the header stops showing it. */
  dismissRecovery(): Promise<void>;
}

export type AppStore = StoreApi<AppState>;

/** What the backend says about itself: version, mode and how many leads the database holds. */
export function createAppStore(client: KomaClient): AppStore {
  let latest = 0;
  return createStore<AppState>()((set, get) => ({
    info: null,
    problem: null,
    async load() {
      const request = ++latest;
      try {
        const info = await client.invoke('app.info', {});
        if (request === latest) set({ info, problem: null });
      } catch (error) {
        if (request === latest) set({ problem: toProblem(error) });
      }
    },
    async dismissRecovery() {
      try {
        await client.invoke('recovery.dismiss', {});
        await get().load();
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
  }));
}

export const selectLeadCount = (state: AppState): number | null => state.info?.leadCount ?? null;
