import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LeadSearchRow, LeadStatus } from '../../../shared/contract/leads';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface LeadSearchState {
  open: boolean;
  search: string;
  status: LeadStatus | null;
  /** null until the first answer (or after a failure: never shown as "no leads"). */
  rows: readonly LeadSearchRow[] | null;
  problem: Problem | null;
  show(): void;
  close(): void;
  setSearch(search: string): void;
  setStatus(status: LeadStatus | null): void;
  /** Asks again with the current search and filter (also the retry after a failure). */
  run(): Promise<void>;
}

export type LeadSearchStore = StoreApi<LeadSearchState>;

/** Search across every lead, any status: a lead that left the call list can always be found again. */
export function createLeadSearchStore(client: KomaClient, debounceMs: number): LeadSearchStore {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return createStore<LeadSearchState>()((set, get) => {
    const run = async () => {
      const mine = ++latest;
      const { search, status } = get();
      try {
        const { rows } = await client.invoke('leads.search', { search, status, limit: 50 });
        if (mine === latest) set({ rows, problem: null });
      } catch (error) {
        if (mine === latest) set({ rows: null, problem: toProblem(error) });
      }
    };
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), debounceMs);
    };
    return {
      open: false,
      search: '',
      status: null,
      rows: null,
      problem: null,
      show() {
        set({ open: true });
        void run();
      },
      close() {
        if (timer) clearTimeout(timer);
        latest++;
        set({ open: false });
      },
      setSearch(search) {
        set({ search });
        later();
      },
      setStatus(status) {
        set({ status });
        void run();
      },
      run,
    };
  });
}
