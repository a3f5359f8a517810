import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandOutput } from '../../../shared/contract';
import type { KintoneApp, SetupCheck, SyncConflict, SyncItem, SyncSettings, SyncStatus } from '../../../shared/contract/sync';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface SyncOptions {
  /** How often the header asks for the sync status. */
  pollMs: number;
  /** How many items of each list the screen shows. */
  itemLimit: number;
  now: () => Date;
}

export const defaultSyncOptions = { pollMs: 3000, itemLimit: 200 } as const;

export interface SyncList {
  items: readonly SyncItem[];
  total: number;
}

/** The last thing the rep did on the sync screen, for its status line. */
export type SyncNotice = { kind: 'retried'; count: number } | { kind: 'syncStarted' } | { kind: 'edited' } | { kind: 'resolved'; keep: 'local' | 'crm' };

export interface SyncState {
  /** null until the backend first answered. */
  status: SyncStatus | null;
  /** Why the last status poll failed; null once one answers. */
  statusProblem: Problem | null;
  attention: SyncList | null;
  pending: SyncList | null;
  conflicts: readonly SyncConflict[] | null;
  busy: boolean;
  notice: SyncNotice | null;
  problem: Problem | null;
  /** The attention item whose payload the rep is correcting. */
  editing: SyncItem | null;
  editProblem: Problem | null;
  now: () => Date;
  refresh(): Promise<void>;
  /** Polls the status until the returned function is called (idempotent per caller). */
  startPolling(): () => void;
  /** The sync screen is showing: loads the lists and keeps them current while the status changes. */
  watch(): () => void;
  loadLists(): Promise<void>;
  syncNow(): Promise<void>;
  retry(ids: readonly string[] | 'all'): Promise<void>;
  startEdit(item: SyncItem): void;
  cancelEdit(): void;
  saveEdit(patch: Record<string, string | number | boolean | null>): Promise<boolean>;
  resolveConflict(id: string, keep: 'local' | 'crm'): Promise<void>;
}

export type SyncStore = StoreApi<SyncState>;

type SettingsView = CommandOutput<'sync.settings.get'>;

export interface SyncSettingsState {
  view: SettingsView | null;
  status: 'idle' | 'saving' | 'saved';
  problem: Problem | null;
  /** The sign-in page of the flow under way, for browser mode's link. */
  authorizeUrl: string | null;
  signInBusy: boolean;
  signInProblem: Problem | null;
  load(): Promise<void>;
  /** `secret`: undefined keeps the stored one, null removes it, a string replaces it. It is never kept here. */
  /** `hubspotToken`: a private app token pasted just now (checked by the backend before it is kept). */
  save(settings: SyncSettings, secret: string | null | undefined, hubspotToken?: string, kintoneTokens?: Partial<Record<KintoneApp, string>>): Promise<boolean>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** The last setup check of the signed-in org, and whether one is running. */
  setupCheck: SetupCheck | null;
  setupChecking: boolean;
  setupProblem: Problem | null;
  checkSetup(): Promise<void>;
  /** Shows the last check (the one after sign-in) without reading the CRM again. */
  loadLastSetupCheck(): Promise<void>;
}

export type SyncSettingsStore = StoreApi<SyncSettingsState>;

/** What the lists depend on: when none of it moved, a poll does not reload them. */
const listSignature = (s: SyncStatus) => `${s.pending}/${s.attention}/${s.conflicts}/${s.lastSuccessAt ?? ''}`;

/** The header's sync indicator and the sync screen: status polling, the outbox lists, retries, edits, conflicts. */
export function createSyncStore(client: KomaClient, options: SyncOptions): SyncStore {
  let statusTicket = 0;
  let listTicket = 0;
  let pollUsers = 0;
  let pollLoop = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let watchers = 0;
  let listedFor: string | null = null;

  return createStore<SyncState>()((set, get) => {
    /** An action's call: busy while it runs, its failure on the screen, then everything read again. */
    const act = async (run: () => Promise<SyncNotice | null>) => {
      set({ busy: true, problem: null, notice: null });
      try {
        const notice = await run();
        set({ notice });
      } catch (error) {
        set({ problem: toProblem(error) });
      } finally {
        set({ busy: false });
      }
      await Promise.all([get().refresh(), watchers > 0 ? get().loadLists() : undefined]);
    };

    return {
      status: null,
      statusProblem: null,
      attention: null,
      pending: null,
      conflicts: null,
      busy: false,
      notice: null,
      problem: null,
      editing: null,
      editProblem: null,
      now: options.now,

      async refresh() {
        const ticket = ++statusTicket;
        try {
          const status = await client.invoke('sync.status', {});
          if (ticket !== statusTicket) return;
          set({ status, statusProblem: null });
          if (watchers > 0 && listSignature(status) !== listedFor) await get().loadLists();
        } catch (error) {
          if (ticket === statusTicket) set({ statusProblem: toProblem(error) });
        }
      },

      startPolling() {
        pollUsers++;
        if (pollUsers === 1) {
          // A new loop each time polling restarts, so a tick of a stopped loop never schedules another.
          const loop = ++pollLoop;
          const tick = async () => {
            await get().refresh();
            if (loop === pollLoop && pollUsers > 0) pollTimer = setTimeout(() => void tick(), options.pollMs);
          };
          void tick();
        }
        let stopped = false;
        return () => {
          if (stopped) return;
          stopped = true;
          pollUsers--;
          if (pollUsers === 0) {
            pollLoop++;
            clearTimeout(pollTimer);
          }
        };
      },

      watch() {
        watchers++;
        // A fresh visit: what was done on an earlier one is no news.
        set({ notice: null, problem: null });
        void get().loadLists();
        let stopped = false;
        return () => {
          if (stopped) return;
          stopped = true;
          watchers--;
        };
      },

      async loadLists() {
        const ticket = ++listTicket;
        const signature = get().status ? listSignature(get().status!) : null;
        try {
          const [attention, pending, conflicts] = await Promise.all([
            client.invoke('sync.items', { state: 'attention', limit: options.itemLimit }),
            client.invoke('sync.items', { state: 'pending', limit: options.itemLimit }),
            client.invoke('sync.conflicts', {}),
          ]);
          if (ticket !== listTicket) return;
          listedFor = signature;
          set({ attention, pending, conflicts: conflicts.conflicts });
        } catch (error) {
          if (ticket === listTicket) set({ problem: toProblem(error) });
        }
      },

      syncNow: () =>
        act(async () => {
          set({ status: await client.invoke('sync.now', {}) });
          return { kind: 'syncStarted' };
        }),

      retry: (ids) =>
        act(async () => {
          const { retried } = await client.invoke('sync.retry', ids === 'all' ? { all: true } : { ids: [...ids] });
          return { kind: 'retried', count: retried };
        }),

      startEdit: (item) => set({ editing: item, editProblem: null }),
      cancelEdit: () => set({ editing: null, editProblem: null }),

      async saveEdit(patch) {
        const item = get().editing;
        if (!item) return false;
        set({ busy: true, editProblem: null });
        try {
          await client.invoke('sync.editPayload', { id: item.id, patch });
        } catch (error) {
          set({ busy: false, editProblem: toProblem(error) });
          return false;
        }
        set({ busy: false, editing: null });
        await act(async () => ({ kind: 'edited' }));
        return true;
      },

      resolveConflict: (id, keep) =>
        act(async () => {
          await client.invoke('sync.resolveConflict', { id, keep });
          return { kind: 'resolved', keep };
        }),
    };
  });
}

/** The CRM connection in settings: the stored settings (the webhook secret only as its masked hint), sign-in and sign-out. */
export function createSyncSettingsStore(client: KomaClient, onChanged: () => Promise<void>): SyncSettingsStore {
  return createStore<SyncSettingsState>()((set, get) => ({
    view: null,
    status: 'idle',
    problem: null,
    authorizeUrl: null,
    signInBusy: false,
    signInProblem: null,
    setupCheck: null,
    setupChecking: false,
    setupProblem: null,

    async checkSetup() {
      set({ setupChecking: true, setupProblem: null });
      try {
        set({ setupCheck: await client.invoke('sync.setupCheck', {}) });
      } catch (error) {
        set({ setupProblem: toProblem(error) });
      } finally {
        set({ setupChecking: false });
      }
      await onChanged();
    },

    async loadLastSetupCheck() {
      try {
        const last = await client.invoke('sync.setupCheck.last', {});
        // A check the rep started meanwhile is newer.
        if (!get().setupChecking && get().setupCheck === null) set({ setupCheck: last });
      } catch {
        // Only a convenience: the button still runs the check.
      }
    },

    async load() {
      try {
        set({ view: await client.invoke('sync.settings.get', {}), problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },

    async save(settings, secret, hubspotToken, kintoneTokens) {
      set({ status: 'saving', problem: null });
      try {
        const view = await client.invoke('sync.settings.save', {
          settings,
          ...(secret === undefined ? {} : { webhookSecret: secret }),
          ...(hubspotToken ? { hubspotToken } : {}),
          ...(kintoneTokens && Object.keys(kintoneTokens).length > 0 ? { kintoneTokens } : {}),
        });
        set({ view, status: 'saved' });
      } catch (error) {
        set({ status: 'idle', problem: toProblem(error) });
        return false;
      }
      await onChanged();
      return true;
    },

    async signIn() {
      set({ signInBusy: true, signInProblem: null, authorizeUrl: null });
      try {
        const { authorizeUrl } = await client.invoke('sync.signIn', {});
        set({ authorizeUrl });
      } catch (error) {
        set({ signInProblem: toProblem(error) });
      } finally {
        set({ signInBusy: false });
      }
      await onChanged();
    },

    async signOut() {
      set({ signInBusy: true, signInProblem: null, authorizeUrl: null });
      try {
        await client.invoke('sync.signOut', {});
      } catch (error) {
        set({ signInProblem: toProblem(error) });
      } finally {
        set({ signInBusy: false });
      }
      await onChanged();
    },
  }));
}

/** Both sync stores; the settings store refreshes the indicator after each change it makes. */
export function createSyncStores(client: KomaClient, overrides: Partial<SyncOptions> = {}) {
  const sync = createSyncStore(client, { ...defaultSyncOptions, now: () => new Date(), ...overrides });
  const syncSettings = createSyncSettingsStore(client, () => sync.getState().refresh());
  return { sync, syncSettings };
}
