import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FollowupTemplate } from '../../../shared/contract/followup';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface FollowupTemplatesState {
  templates: FollowupTemplate[] | null;
  defaults: FollowupTemplate[] | null;
  status: 'idle' | 'saving' | 'saved';
  problem: Problem | null;
  load(): Promise<void>;
  save(templates: FollowupTemplate[]): Promise<boolean>;
}

export type FollowupTemplatesStore = StoreApi<FollowupTemplatesState>;

/** The team's follow-up mail templates (W), edited in Settings; Koma's own to go back to. */
export function createFollowupTemplatesStore(client: KomaClient): FollowupTemplatesStore {
  return createStore<FollowupTemplatesState>()((set) => ({
    templates: null,
    defaults: null,
    status: 'idle',
    problem: null,
    async load() {
      try {
        const { templates, defaults } = await client.invoke('followup.templates.get', {});
        set({ templates, defaults, problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async save(templates) {
      set({ status: 'saving', problem: null });
      try {
        const saved = await client.invoke('followup.templates.save', { templates });
        set({ templates: saved.templates, defaults: saved.defaults, status: 'saved' });
        return true;
      } catch (error) {
        set({ status: 'idle', problem: toProblem(error) });
        return false;
      }
    },
  }));
}
