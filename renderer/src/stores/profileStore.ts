import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Profile } from '../../../shared/contract/profile';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface ProfileState {
  profile: Profile | null;
  status: 'idle' | 'saving' | 'saved';
  problem: Problem | null;
  load(): Promise<void>;
  save(profile: Profile): Promise<boolean>;
}

export type ProfileStore = StoreApi<ProfileState>;

/** The rep's own name, recorded as the author of each hearing version. */
export function createProfileStore(client: KomaClient): ProfileStore {
  return createStore<ProfileState>()((set) => ({
    profile: null,
    status: 'idle',
    problem: null,
    async load() {
      try {
        set({ profile: (await client.invoke('settings.get', {})).profile, problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async save(profile) {
      set({ status: 'saving', problem: null });
      try {
        await client.invoke('settings.saveProfile', { profile });
        set({ profile, status: 'saved' });
        return true;
      } catch (error) {
        set({ status: 'idle', problem: toProblem(error) });
        return false;
      }
    },
  }));
}
