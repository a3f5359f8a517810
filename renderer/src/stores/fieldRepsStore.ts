import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FieldRep } from '../../../shared/contract/handoff';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

/** A rep as the settings form sends it: id null for one not stored yet. */
export type FieldRepDraft = Omit<FieldRep, 'id'> & { id: string | null };

export interface FieldRepsState {
  reps: readonly FieldRep[];
  loaded: boolean;
  /** Bumped whenever `reps` is replaced from the backend, so an edit form starts again from it. */
  version: number;
  status: 'idle' | 'saving' | 'saved';
  problem: Problem | null;
  load(): Promise<void>;
  save(reps: readonly FieldRepDraft[]): Promise<boolean>;
}

export type FieldRepsStore = StoreApi<FieldRepsState>;

/** The field reps handoffs go to. They are deactivated, never deleted: past handoffs point at them. */
export function createFieldRepsStore(client: KomaClient): FieldRepsStore {
  return createStore<FieldRepsState>()((set) => ({
    reps: [],
    loaded: false,
    version: 0,
    status: 'idle',
    problem: null,
    async load() {
      try {
        const { reps } = await client.invoke('fieldReps.list', {});
        set((state) => ({ reps, loaded: true, version: state.version + 1, problem: null }));
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async save(reps) {
      if (reps.length === 0) return true;
      set({ status: 'saving', problem: null });
      try {
        const saved = await client.invoke('fieldReps.save', { reps: [...reps] });
        set((state) => ({ reps: saved.reps, loaded: true, version: state.version + 1, status: 'saved' }));
        return true;
      } catch (error) {
        set({ status: 'idle', problem: toProblem(error) });
        return false;
      }
    },
  }));
}
