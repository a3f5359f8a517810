import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';
import type { CommandOutput } from '../../../shared/contract';

type BackupList = CommandOutput<'backup.list'>;

export interface BackupState {
  backups: BackupList['backups'];
  busy: boolean;
  problem: Problem | null;
  /** The last thing done, for the status line: a backup made or a restore finished. */
  done: { kind: 'created'; name: string } | { kind: 'restored'; name: string; safety: string } | null;
  load(): Promise<void>;
  create(): Promise<void>;
  restore(name: string): Promise<boolean>;
}

export type BackupStore = StoreApi<BackupState>;

/** Backups in settings; a restore changes everything, so the caller reloads the app's data after it. */
export function createBackupStore(client: KomaClient, onRestored: () => void): BackupStore {
  return createStore<BackupState>()((set, get) => ({
    backups: [],
    busy: false,
    problem: null,
    done: null,
    async load() {
      try {
        set({ backups: (await client.invoke('backup.list', {})).backups, problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async create() {
      set({ busy: true, problem: null });
      try {
        const made = await client.invoke('backup.create', {});
        set({ done: { kind: 'created', name: made.name } });
        await get().load();
      } catch (error) {
        set({ problem: toProblem(error) });
      } finally {
        set({ busy: false });
      }
    },
    async restore(name) {
      set({ busy: true, problem: null });
      try {
        const result = await client.invoke('backup.restore', { name, confirmed: true });
        set({ done: { kind: 'restored', name: result.restoredFrom, safety: result.safetyBackup.name } });
        await get().load();
        onRestored();
        return true;
      } catch (error) {
        set({ problem: toProblem(error) });
        return false;
      } finally {
        set({ busy: false });
      }
    },
  }));
}
