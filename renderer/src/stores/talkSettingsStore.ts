import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TalkSet, TalkSetView } from '../../../shared/contract/talk';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';
import type { SaveFile } from '../lib/saveFile';

export interface TalkSettingsState {
  /** The set as saved (its version is what the next save is based on). */
  view: TalkSetView | null;
  problem: Problem | null;
  saving: boolean;
  /** What the last save, import or export did, for the status line. */
  done: { kind: 'saved' | 'imported'; version: number } | { kind: 'exported'; fileName: string } | null;
  load(): Promise<void>;
  save(set: TalkSet): Promise<boolean>;
  exportFile(): Promise<void>;
  importFile(content: string): Promise<boolean>;
}

export type TalkSettingsStore = StoreApi<TalkSettingsState>;

/** Scripts and cards in Settings: each save or import a new version; the file shared by the team. */
export function createTalkSettingsStore(client: KomaClient, deps: { saveFile: SaveFile; onChanged: () => void }): TalkSettingsStore {
  return createStore<TalkSettingsState>()((set, get) => {
    const changed = (view: TalkSetView, kind: 'saved' | 'imported') => {
      set({ view, saving: false, problem: null, done: { kind, version: view.version } });
      deps.onChanged();
    };
    return {
      view: null,
      problem: null,
      saving: false,
      done: null,
      async load() {
        try {
          set({ view: await client.invoke('talk.get', {}), problem: null });
        } catch (error) {
          set({ problem: toProblem(error) });
        }
      },
      async save(talkSet) {
        const view = get().view;
        if (!view || get().saving) return false;
        set({ saving: true, problem: null, done: null });
        try {
          changed(await client.invoke('talk.save', { set: talkSet, basedOn: view.version }), 'saved');
          return true;
        } catch (error) {
          set({ saving: false, problem: toProblem(error) });
          return false;
        }
      },
      async exportFile() {
        try {
          const file = await client.invoke('talk.export', {});
          deps.saveFile(file.fileName, new Blob([file.content], { type: 'application/json;charset=utf-8' }));
          set({ problem: null, done: { kind: 'exported', fileName: file.fileName } });
        } catch (error) {
          set({ problem: toProblem(error) });
        }
      },
      async importFile(content) {
        set({ saving: true, problem: null, done: null });
        try {
          changed(await client.invoke('talk.import', { content }), 'imported');
          return true;
        } catch (error) {
          set({ saving: false, problem: toProblem(error) });
          return false;
        }
      },
    };
  });
}
