import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './appStore';
import type { BackupState } from './backupStore';
import type { CallListState } from './callListStore';
import type { Stores } from './createStores';
import type { ImportState } from './importStore';
import type { NavState } from './navStore';

/** The stores travel by context, not module singletons, so each test renders with its own. */
export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores must be used inside <StoresContext.Provider>');
  return stores;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStores().app, selector);
}

export function useCallListStore<T>(selector: (state: CallListState) => T): T {
  return useStore(useStores().callList, selector);
}

export function useImportStore<T>(selector: (state: ImportState) => T): T {
  return useStore(useStores().imports, selector);
}

export function useNavStore<T>(selector: (state: NavState) => T): T {
  return useStore(useStores().nav, selector);
}

export function useBackupStore<T>(selector: (state: BackupState) => T): T {
  return useStore(useStores().backups, selector);
}
