import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReferenceValues } from '../../../shared/contract/reference';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface ReferenceState {
  values: ReferenceValues | null;
  defaults: ReferenceValues | null;
  status: 'idle' | 'saving' | 'saved';
  problem: Problem | null;
  load(): Promise<void>;
  save(values: ReferenceValues): Promise<boolean>;
}

export type ReferenceStore = StoreApi<ReferenceState>;

/** The dashboard's reference values (参考値) and their defaults, editable in settings. */
export function createReferenceStore(client: KomaClient): ReferenceStore {
  return createStore<ReferenceState>()((set) => ({
    values: null,
    defaults: null,
    status: 'idle',
    problem: null,
    async load() {
      try {
        const { values, defaults } = await client.invoke('reference.get', {});
        set({ values, defaults, problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async save(values) {
      set({ status: 'saving', problem: null });
      try {
        const saved = await client.invoke('reference.save', { values });
        set({ values: saved.values, defaults: saved.defaults, status: 'saved' });
        return true;
      } catch (error) {
        set({ status: 'idle', problem: toProblem(error) });
        return false;
      }
    },
  }));
}
