import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HandoffRow, HandoffState as HandoffSyncState, HandoffView } from '../../../shared/contract/handoff';
import type { fieldStates } from '../../../shared/contract/handoff';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';
import type { SaveFile } from '../lib/saveFile';
import { downloadHandoffIcs, saveExportFile } from './handoffFiles';

export type FieldState = (typeof fieldStates)[number];

export interface HandoffListOptions {
  searchDebounceMs: number;
  saveFile: SaveFile;
}

export interface HandoffListState {
  /** null until the first answer. */
  rows: readonly HandoffRow[] | null;
  stateFilter: HandoffSyncState | null;
  fieldStateFilter: FieldState | null;
  /** What the search box shows; the list follows it after the debounce. */
  searchText: string;
  selectedId: string | null;
  /** The selected handoff with its package. */
  selected: HandoffView | null;
  /** The last file saved, for the status line. */
  savedFile: string | null;
  problem: Problem | null;
  load(): Promise<void>;
  setStateFilter(state: HandoffSyncState | null): void;
  setFieldStateFilter(state: FieldState | null): void;
  setSearchText(text: string): void;
  select(handoffId: string | null): Promise<void>;
  /** Sends a draft to the sync queue. */
  queue(handoffId: string): Promise<void>;
  /** Takes a handoff changed elsewhere (the dialog) into the list and the detail. */
  changed(view: HandoffView): void;
  exportAll(format: 'csv' | 'json'): Promise<void>;
  downloadIcs(handoffId: string): Promise<string | null>;
}

export type HandoffListStore = StoreApi<HandoffListState>;

/** The handoffs screen: every handoff with its sync state and field sales' answer, filters, detail and exports. */
export function createHandoffStore(client: KomaClient, options: HandoffListOptions): HandoffListStore {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let listTicket = 0;
  let selectTicket = 0;

  return createStore<HandoffListState>()((set, get) => ({
    rows: null,
    stateFilter: null,
    fieldStateFilter: null,
    searchText: '',
    selectedId: null,
    selected: null,
    savedFile: null,
    problem: null,
    async load() {
      const ticket = ++listTicket;
      const { stateFilter, fieldStateFilter, searchText } = get();
      try {
        const { rows } = await client.invoke('handoff.list', { state: stateFilter, fieldState: fieldStateFilter, search: searchText.trim() });
        if (ticket === listTicket) set({ rows, problem: null });
      } catch (error) {
        if (ticket === listTicket) set({ problem: toProblem(error) });
      }
    },
    setStateFilter(stateFilter) {
      set({ stateFilter });
      void get().load();
    },
    setFieldStateFilter(fieldStateFilter) {
      set({ fieldStateFilter });
      void get().load();
    },
    setSearchText(searchText) {
      set({ searchText });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void get().load(), options.searchDebounceMs);
    },
    async select(handoffId) {
      const ticket = ++selectTicket;
      set({ selectedId: handoffId, selected: null });
      if (!handoffId) return;
      try {
        const selected = await client.invoke('handoff.get', { handoffId });
        if (ticket === selectTicket) set({ selected, problem: null });
      } catch (error) {
        if (ticket === selectTicket) set({ problem: toProblem(error) });
      }
    },
    async queue(handoffId) {
      try {
        get().changed(await client.invoke('handoff.update', { handoffId, queue: true }));
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    changed(view) {
      if (get().selectedId === view.id) set({ selected: view });
      void get().load();
    },
    async exportAll(format) {
      try {
        const file = await client.invoke('handoff.export', { format, state: get().stateFilter });
        set({ savedFile: saveExportFile(options.saveFile, file), problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async downloadIcs(handoffId) {
      try {
        const fileName = await downloadHandoffIcs(client, options.saveFile, handoffId);
        set({ savedFile: fileName, problem: null });
        return fileName;
      } catch (error) {
        set({ problem: toProblem(error) });
        return null;
      }
    },
  }));
}
