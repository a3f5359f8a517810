import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KomaClient } from '../api/client';
import { pageKey, pageOffsetsFor, rowAt, type PageCache } from '../lib/pageCache';
import { toProblem, type Problem } from '../lib/problem';
import type { CallListRow, LeadSource } from '../../../shared/contract/leads';

export interface CallListOptions {
  pageSize: number;
  /** Typing pauses shorter than this do not each cost a query. */
  searchDebounceMs: number;
}

export interface CallListState {
  /** What the search box shows, updated on every keystroke. */
  searchText: string;
  /** The search the list currently shows, applied after the debounce. */
  search: string;
  /** Only leads of this source (a call block planned for one source sets it while it runs); null: all. */
  source: LeadSource | null;
  /** Rows matching `search`; null before the first page arrived. */
  total: number | null;
  pages: PageCache;
  pending: Readonly<Record<string, true>>;
  /** Bumped whenever cached pages stop being valid (new search, data changed): older answers are dropped. */
  generation: number;
  pageSize: number;
  problem: Problem | null;
  setSearchText(text: string): void;
  /** Fetches whatever pages rows first..last need and the cache lacks. */
  ensureRows(first: number, last: number): void;
  /** Forgets every page and starts over (after an import). */
  reload(): void;
  /**
   * Fetches the pages on screen again after a change to some leads (a call logged, a decision),
   * keeping the old rows visible until the new ones arrive so the list does not flash.
   */
  refresh(): void;
  /** Narrows the list and the next lead to one lead source; null shows every source. */
  setSourceFilter(source: LeadSource | null): void;
}

export type CallListStore = StoreApi<CallListState>;

function without(record: Readonly<Record<string, true>>, key: string): Record<string, true> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The call list, fetched lazily in pages as the grid scrolls, so 100,000 leads never load at once. */
export function createCallListStore(client: KomaClient, options: CallListOptions): CallListStore {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  return createStore<CallListState>()((set, get) => {
    const fetchPage = (offset: number, again = false) => {
      const { search, source, generation, pages, pending, pageSize } = get();
      const key = pageKey(search, offset);
      if ((pages[key] && !again) || pending[key]) return;
      set({ pending: { ...pending, [key]: true } });
      // The source travels only when set, so the request for "every source" stays the plain one.
      client.invoke('callList.page', { search, offset, limit: pageSize, ...(source ? { source } : {}) }).then(
        (page) => {
          if (get().generation !== generation) return;
          set((state) => ({
            total: page.total,
            pages: { ...state.pages, [key]: page.rows },
            pending: without(state.pending, key),
            problem: null,
          }));
        },
        (error: unknown) => {
          if (get().generation !== generation) return;
          set((state) => ({ pending: without(state.pending, key), problem: toProblem(error) }));
        },
      );
    };

    const restart = (search: string) => {
      set((state) => ({ search, pages: {}, pending: {}, generation: state.generation + 1 }));
      fetchPage(0);
    };

    return {
      searchText: '',
      search: '',
      source: null,
      total: null,
      pages: {},
      pending: {},
      generation: 0,
      pageSize: options.pageSize,
      problem: null,
      setSearchText(text) {
        set({ searchText: text });
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => {
          // The contract trims the search too; trimming here avoids a query for a trailing space.
          const search = text.trim();
          if (search !== get().search) restart(search);
        }, options.searchDebounceMs);
      },
      ensureRows(first, last) {
        const { total, pageSize } = get();
        for (const offset of pageOffsetsFor(first, last, total ?? 0, pageSize)) fetchPage(offset);
      },
      reload() {
        restart(get().search);
      },
      refresh() {
        const { search, pages, total, pageSize } = get();
        const cached: number[] = [];
        for (let offset = 0; offset < (total ?? 0); offset += pageSize) {
          if (pages[pageKey(search, offset)]) cached.push(offset);
        }
        if (cached.length === 0) {
          restart(search);
          return;
        }
        // A new generation drops answers still on their way for the old data; the rows on screen stay until replaced.
        set((state) => ({ pending: {}, generation: state.generation + 1 }));
        for (const offset of cached) fetchPage(offset, true);
      },
      setSourceFilter(source) {
        if (source === get().source) return;
        set({ source });
        restart(get().search);
      },
    };
  });
}

export function selectRow(state: CallListState, index: number): CallListRow | undefined {
  return rowAt(state.pages, state.search, index, state.pageSize);
}
