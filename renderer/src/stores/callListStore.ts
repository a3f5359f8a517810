import { createStore, type StoreApi } from 'zustand/vanilla';
import { isAbortError, type KomaClient } from '../api/client';
import { capPages, cursorFor, pageKey, pageOffset, pageOffsetsFor, rowAt, type PageBounds, type PageCache } from '../lib/pageCache';
import { toProblem, type Problem } from '../lib/problem';
import type { CallListRow, LeadSource } from '../../../shared/contract/leads';

export interface CallListOptions {
  pageSize: number;
  /** Typing pauses shorter than this do not each cost a query. */
  searchDebounceMs: number;
  /** Pages kept in memory; those farthest from the rows on screen are dropped first. */
  maxPages: number;
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
  /** Each cached page's first and last queue key, for its neighbours' cursors. */
  bounds: PageBounds;
  /** The rows the grid last asked for: what a refresh fetches again. */
  visible: { first: number; last: number };
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
   * keeping the old rows visible until the new ones arrive so the list does not flash. Pages off
   * screen are forgotten, not fetched: they are read again by key when scrolled to.
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
  /**
   * Cancels the requests of the list as it was (its generation): a new search, source or data
   * aborts them, so a superseded search stops costing the backend and the transport, and its
   * answer can never reach the screen (each answer is also checked against the generation).
   */
  let requests = new AbortController();
  /** The search whose first page is on its way, if any (see setSearchText). */
  let searching: string | null = null;
  const abandonRequests = () => {
    requests.abort();
    requests = new AbortController();
    searching = null;
  };

  return createStore<CallListState>()((set, get) => {
    /**
     * One page, read by key from a cached neighbour when there is one (see cursorFor). `from`
     * re-reads a page on screen from its own first key; `withCount` asks for the list's size too.
     */
    const fetchPage = (offset: number, how: { again?: boolean; from?: boolean; withCount?: boolean } = {}) => {
      const { search, source, generation, pages, bounds, pending, pageSize, total } = get();
      const { signal } = requests;
      const key = pageKey(search, offset);
      if ((pages[key] && !how.again) || pending[key]) return;
      set({ pending: { ...pending, [key]: true } });
      const own = bounds[key]?.first;
      const cursor = how.from && own && offset > 0 ? { kind: 'from' as const, key: own } : cursorFor(bounds, search, offset, pageSize, total ?? 0);
      const count = how.withCount ?? total === null;
      // The last page holds what is left of the list, so its rows line up with their positions.
      const limit = cursor?.kind === 'last' ? Math.max(1, Math.min(pageSize, (total ?? 0) - offset)) : pageSize;
      // The source travels only when set, so the request for "every source" stays the plain one.
      client
        .invoke('callList.page', { search, offset, limit, ...(source ? { source } : {}), ...(cursor ? { cursor } : {}), ...(count ? {} : { count: false }) }, { signal })
        .then(
          (page) => {
            if (signal.aborted || get().generation !== generation) return;
            set((state) => {
              const visibleOffset = pageOffset(state.visible.first, state.pageSize);
              return {
                total: page.total ?? state.total,
                pages: capPages({ ...state.pages, [key]: page.rows }, search, visibleOffset, state.pageSize, options.maxPages),
                bounds: capPages({ ...state.bounds, [key]: { first: page.firstKey ?? null, last: page.lastKey ?? null } }, search, visibleOffset, state.pageSize, options.maxPages),
                pending: without(state.pending, key),
                problem: null,
              };
            });
          },
          (error: unknown) => {
            if (signal.aborted || isAbortError(error) || get().generation !== generation) return;
            set((state) => ({ pending: without(state.pending, key), problem: toProblem(error) }));
          },
        );
    };

    /**
     * A new search or source: the rows on screen stay until the first page of the new answer
     * arrives and replace them in one render — no frame of placeholder rows between two searches.
     * The list anew (after an import, `blank`) shows placeholders meanwhile: its old rows are gone.
     * A newer restart aborts this one's request and drops its answer (the generation moved on).
     */
    const restart = (search: string, blank = false) => {
      const { source, pageSize } = get();
      const generation = get().generation + 1;
      abandonRequests();
      const { signal } = requests;
      searching = search;
      set(blank ? { search, pages: {}, bounds: {}, generation, pending: {} } : { generation, pending: {} });
      const key = pageKey(search, 0);
      client.invoke('callList.page', { search, offset: 0, limit: pageSize, ...(source ? { source } : {}) }, { signal }).then(
        (page) => {
          if (signal.aborted || get().generation !== generation) return;
          searching = null;
          set({ search, total: page.total ?? null, pages: { [key]: page.rows }, bounds: { [key]: { first: page.firstKey ?? null, last: page.lastKey ?? null } }, pending: {}, problem: null });
        },
        (error: unknown) => {
          if (signal.aborted || isAbortError(error) || get().generation !== generation) return;
          searching = null;
          set({ search, pages: {}, bounds: {}, pending: {}, problem: toProblem(error) });
        },
      );
    };

    return {
      searchText: '',
      search: '',
      source: null,
      total: null,
      pages: {},
      bounds: {},
      visible: { first: 0, last: 0 },
      pending: {},
      generation: 0,
      pageSize: options.pageSize,
      problem: null,
      setSearchText(text) {
        set({ searchText: text });
        clearTimeout(searchTimer);
        // The rep typed on while a search was on its way: that search is superseded, so it is
        // cancelled now rather than answered, drawn, and replaced a moment later. The rows on
        // screen stay until the search typed now answers.
        if (searching !== null && searching !== text.trim()) {
          abandonRequests();
          set((state) => ({ generation: state.generation + 1, pending: {} }));
        }
        searchTimer = setTimeout(() => {
          // The contract trims the search too; trimming here avoids a query for a trailing space.
          const search = text.trim();
          if (search !== get().search) restart(search);
        }, options.searchDebounceMs);
      },
      ensureRows(first, last) {
        const { total, pageSize } = get();
        set({ visible: { first, last } });
        for (const offset of pageOffsetsFor(first, last, total ?? 0, pageSize)) fetchPage(offset);
      },
      reload() {
        restart(get().search, true);
      },
      refresh() {
        const { search, pages, bounds, total, pageSize, visible } = get();
        const onScreen = pageOffsetsFor(visible.first, visible.last, total ?? 0, pageSize).filter((offset) => pages[pageKey(search, offset)]);
        if (onScreen.length === 0) {
          restart(search, true);
          return;
        }
        // A new generation drops answers still on their way for the old data; the rows on screen
        // stay until replaced, and every other page is forgotten (read again when scrolled to).
        const keep = (record: Readonly<Record<string, unknown>>) => Object.fromEntries(onScreen.map((offset) => [pageKey(search, offset), record[pageKey(search, offset)]]));
        abandonRequests();
        set((state) => ({ pending: {}, pages: keep(pages) as PageCache, bounds: keep(bounds) as PageBounds, generation: state.generation + 1 }));
        onScreen.forEach((offset, i) => fetchPage(offset, { again: true, from: true, withCount: i === 0 }));
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
