import { createStore, type StoreApi } from 'zustand/vanilla';

export const viewIds = ['calls', 'handoffs', 'planner', 'dashboard', 'team', 'sync', 'settings'] as const;
export type ViewId = (typeof viewIds)[number];

export interface NavState {
  view: ViewId;
  show(view: ViewId): void;
}

export type NavStore = StoreApi<NavState>;

/** Which screen is showing. Screens stay mounted state-wise: their stores keep what the rep was doing. */
export function createNavStore(): NavStore {
  return createStore<NavState>()((set) => ({
    view: 'calls',
    show: (view) => set({ view }),
  }));
}
