import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DuplicatePair } from '../../../shared/contract/duplicates';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface DuplicatesState {
  open: boolean;
  loading: boolean;
  pairs: DuplicatePair[];
  total: number;
  /** The pair whose decision is on its way. */
  deciding: string | null;
  problem: Problem | null;
  show(): Promise<void>;
  close(): void;
  merge(duplicateId: string, keepLeadId: string): Promise<void>;
  keepSeparate(duplicateId: string): Promise<void>;
}

export type DuplicatesStore = StoreApi<DuplicatesState>;

/** The possible duplicates an import found, reviewed pair by pair: merge into one, or keep apart. */
export function createDuplicatesStore(client: KomaClient, onChanged: () => void): DuplicatesStore {
  return createStore<DuplicatesState>()((set) => {
    const load = async () => {
      set({ loading: true });
      try {
        const { pairs, total } = await client.invoke('duplicates.list', {});
        set({ pairs, total, loading: false });
      } catch (error) {
        set({ loading: false, problem: toProblem(error) });
      }
    };
    const decide = async (duplicateId: string, run: () => Promise<unknown>) => {
      set({ deciding: duplicateId, problem: null });
      try {
        await run();
      } catch (error) {
        set({ deciding: null, problem: toProblem(error) });
        return;
      }
      set({ deciding: null });
      onChanged();
      await load();
    };
    return {
      open: false,
      loading: false,
      pairs: [],
      total: 0,
      deciding: null,
      problem: null,
      async show() {
        set({ open: true, problem: null });
        await load();
      },
      close() {
        set({ open: false });
      },
      merge: (duplicateId, keepLeadId) => decide(duplicateId, () => client.invoke('duplicates.merge', { duplicateId, keepLeadId })),
      keepSeparate: (duplicateId) => decide(duplicateId, () => client.invoke('duplicates.keepSeparate', { duplicateId })),
    };
  });
}
