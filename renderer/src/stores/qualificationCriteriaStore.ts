import { createStore, type StoreApi } from 'zustand/vanilla';
import type { QualificationCriteria } from '../../../shared/contract/hearing';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface QualificationCriteriaState {
  /** As stored; null until loaded. */
  criteria: QualificationCriteria | null;
  status: 'idle' | 'saving' | 'saved';
  problem: Problem | null;
  load(): Promise<void>;
  save(criteria: QualificationCriteria): Promise<boolean>;
}

export type QualificationCriteriaStore = StoreApi<QualificationCriteriaState>;

/** The team's qualification criteria in settings; a save re-evaluates the open hearing (onSaved). */
export function createQualificationCriteriaStore(client: KomaClient, onSaved: () => void): QualificationCriteriaStore {
  return createStore<QualificationCriteriaState>()((set) => ({
    criteria: null,
    status: 'idle',
    problem: null,
    async load() {
      try {
        const settings = await client.invoke('settings.get', {});
        set({ criteria: settings.qualificationCriteria, problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async save(criteria) {
      set({ status: 'saving', problem: null });
      try {
        await client.invoke('settings.saveQualificationCriteria', { criteria });
        set({ criteria, status: 'saved' });
        onSaved();
        return true;
      } catch (error) {
        set({ status: 'idle', problem: toProblem(error) });
        return false;
      }
    },
  }));
}
