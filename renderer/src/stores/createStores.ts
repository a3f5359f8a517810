import type { KomaClient } from '../api/client';
import { saveFileWithLink, type SaveFile } from '../lib/saveFile';
import { createAppStore } from './appStore';
import { createBackupStore } from './backupStore';
import { createCallListStore } from './callListStore';
import { createImportStore } from './importStore';
import { createNavStore } from './navStore';

export interface StoresOptions {
  pageSize?: number;
  searchDebounceMs?: number;
  importPollMs?: number;
  saveFile?: SaveFile;
}

export const defaultStoresOptions = {
  pageSize: 100,
  searchDebounceMs: 150,
  importPollMs: 200,
} as const;

/** Every feature store over one client; tests pass a client over a fake API and shorter delays. */
export function createStores(client: KomaClient, options: StoresOptions = {}) {
  const app = createAppStore(client);
  const callList = createCallListStore(client, {
    pageSize: options.pageSize ?? defaultStoresOptions.pageSize,
    searchDebounceMs: options.searchDebounceMs ?? defaultStoresOptions.searchDebounceMs,
  });
  const imports = createImportStore(client, {
    pollMs: options.importPollMs ?? defaultStoresOptions.importPollMs,
    saveFile: options.saveFile ?? saveFileWithLink,
    onFinished: () => {
      void app.getState().load();
      callList.getState().reload();
    },
  });
  const backups = createBackupStore(client, () => {
    void app.getState().load();
    callList.getState().reload();
  });
  return {
    backups,
    nav: createNavStore(),
    app,
    callList,
    imports,
    /** The first questions the UI asks: how many leads there are, and the top of the call list. */
    start() {
      void app.getState().load();
      callList.getState().reload();
    },
  };
}

export type Stores = ReturnType<typeof createStores>;
