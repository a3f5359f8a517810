import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';
import type { LeadSource } from '../../../shared/contract/leads';
import type { SlotView, WeekView } from '../../../shared/contract/planner';
import type { SlotKind, SlotTarget, WorkWeek } from '../../../shared/contract/slots';
import { addDays } from '../../../shared/domain/slots/grid';

export type NotificationState = 'default' | 'granted' | 'denied' | 'unsupported';

/** The desktop notification at a slot's end, where the platform allows one (Electron denies every permission request by design). */
export interface SlotNotifier {
  permission(): NotificationState;
  request(): Promise<NotificationState>;
  show(title: string, body: string): void;
}

export function browserNotifier(scope: { Notification?: typeof Notification }): SlotNotifier {
  const Api = scope.Notification;
  return {
    permission: () => (Api ? Api.permission : 'unsupported'),
    request: async () => (Api ? Api.requestPermission() : 'unsupported'),
    show: (title, body) => {
      if (Api?.permission === 'granted') new Api(title, { body });
    },
  };
}

export interface PlannerOptions {
  notifier: SlotNotifier;
  now(): number;
  /** How long the slot-end toast stays when nobody dismisses it. */
  toastMs: number;
}

const defaultToastMs = 60_000;

/** The slot under way, counting down in the renderer between refreshes from the backend. */
export interface RunningSlot {
  slot: SlotView;
  endsAtMs: number;
  secondsLeft: number;
}

export interface EndedSlot {
  id: number;
  slot: SlotView;
  at: number;
}

export interface PlannerState {
  /** The week on screen. */
  week: WeekView | null;
  /** The Monday of the week running now, as the backend's clock sees it. */
  thisWeekStart: string | null;
  loading: boolean;
  problem: Problem | null;
  /** The week asked for last could not be loaded: the screen shows that, not the previous week as if it were this one. */
  loadFailed: boolean;
  running: RunningSlot | null;
  /** The slot that just ended, for the toast (and the desktop notification). */
  ended: EndedSlot | null;
  notifications: NotificationState;
  /** Shows `weekStart` (null: this week). */
  load(weekStart?: string | null): Promise<void>;
  showRelative(weeks: -1 | 1): Promise<void>;
  /** Sets the kind of the slots starting at `startsAt` (null clears them), in one planner.assign. */
  assign(startsAt: readonly string[], kind: SlotKind | null): Promise<void>;
  /** Gives the slots a target; a target belongs to a call block, so they become call blocks. */
  setTarget(startsAt: readonly string[], target: SlotTarget | null): Promise<void>;
  copyLastWeek(): Promise<void>;
  saveTemplate(name: string): Promise<boolean>;
  applyTemplate(name: string): Promise<void>;
  saveWorkWeek(workWeek: WorkWeek): Promise<boolean>;
  /** The work week's settings, fetching this week once if nothing was loaded yet. */
  ensureWorkWeek(): Promise<WorkWeek | null>;
  /** Starts the countdown (idempotent per caller); returns the stop function. */
  startClock(): () => void;
  /** One second of the countdown; the clock calls it, tests may too. */
  tick(): void;
  enableNotifications(): Promise<void>;
  notify(title: string, body: string): void;
  dismissEnded(): void;
}

export type PlannerStore = StoreApi<PlannerState>;

function sourceOf(running: RunningSlot | null): LeadSource | null {
  return running?.slot.kind === 'call_block' ? (running.slot.target?.source ?? null) : null;
}

/**
 * The week planner and the slot running now: the grid's data, its edits, the countdown and its end.
 * `onSourceFilter` hears when the running slot asks the call list for one lead source, or stops asking (null).
 */
export function createPlannerStore(client: KomaClient, onSourceFilter: (source: LeadSource | null) => void, overrides: Partial<PlannerOptions> = {}): PlannerStore {
  const options: PlannerOptions = { notifier: browserNotifier(globalThis), now: () => Date.now(), toastMs: defaultToastMs, ...overrides };
  let latest = 0;
  let clockUsers = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let nextCheckAt: number | null = null;
  let endedSeq = 0;
  let lastEnded: string | null = null;
  let appliedSource: LeadSource | null = null;

  return createStore<PlannerState>()((set, get) => {
    /** The running slot from a week the backend just described (only a view of this week knows there is none). */
    const syncRunning = (view: WeekView) => {
      const now = options.now();
      if (view.current) {
        const slot = view.slots.find((s) => s.startsAt === view.current!.startsAt) ?? null;
        // A slot already announced as ended must not count down again because the clocks differ by a second.
        if (slot && slot.startsAt !== lastEnded) {
          set({ running: { slot, endsAtMs: now + view.current.secondsLeft * 1000, secondsLeft: view.current.secondsLeft } });
          nextCheckAt = null;
        } else {
          set({ running: null });
          nextCheckAt = now + 1000;
        }
      } else if (view.weekStart === get().thisWeekStart) {
        set({ running: null });
        const next = view.slots.map((s) => Date.parse(s.startsAt)).find((t) => t > now);
        nextCheckAt = next ?? null;
      }
      const source = sourceOf(get().running);
      if (source !== appliedSource) {
        appliedSource = source;
        onSourceFilter(source);
      }
    };

    /** Runs a request whose answer is the week to show; answers to older requests are dropped. */
    const show = async (request: () => Promise<WeekView>, isThisWeek = false): Promise<boolean> => {
      const mine = ++latest;
      set({ loading: true });
      try {
        const view = await request();
        if (mine !== latest) return true;
        set({ week: view, loading: false, problem: null, loadFailed: false, ...(isThisWeek ? { thisWeekStart: view.weekStart } : {}) });
        syncRunning(view);
        return true;
      } catch (error) {
        if (mine === latest) set({ loading: false, problem: toProblem(error) });
        return false;
      }
    };

    /** This week again, for the countdown: the week on screen is replaced only if it is this week. */
    const refreshCurrent = async () => {
      try {
        const view = await client.invoke('planner.week', { weekStart: null });
        const shown = get().week;
        set({ thisWeekStart: view.weekStart, ...(!shown || shown.weekStart === view.weekStart ? { week: view } : {}) });
        syncRunning(view);
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    };

    const slotsAt = (startsAt: readonly string[]) => {
      const byStart = new Map((get().week?.slots ?? []).map((s) => [s.startsAt, s]));
      return startsAt.map((s) => byStart.get(s)).filter((s): s is SlotView => s !== undefined);
    };

    return {
      week: null,
      thisWeekStart: null,
      loading: false,
      problem: null,
      loadFailed: false,
      running: null,
      ended: null,
      notifications: options.notifier.permission(),

      async load(weekStart = null) {
        // A failed change keeps the week on screen; a failed load of the week does not.
        if (!(await show(() => client.invoke('planner.week', { weekStart }), weekStart === null))) set({ loadFailed: true });
      },

      async showRelative(weeks) {
        const current = get().week?.weekStart ?? get().thisWeekStart;
        if (!current) return get().load(null);
        const weekStart = addDays(current, weeks * 7);
        await show(() => client.invoke('planner.week', { weekStart }));
      },

      async assign(startsAt, kind) {
        const week = get().week;
        if (!week || startsAt.length === 0) return;
        // A call block keeps its target when it stays a call block; other kinds have none.
        const assignments = slotsAt(startsAt).map((slot) => ({
          startsAt: slot.startsAt,
          kind,
          target: kind === 'call_block' && slot.kind === 'call_block' ? slot.target : null,
        }));
        if (assignments.length === 0) return;
        await show(() => client.invoke('planner.assign', { weekStart: week.weekStart, assignments }));
      },

      async setTarget(startsAt, target) {
        const week = get().week;
        if (!week || startsAt.length === 0) return;
        const assignments = slotsAt(startsAt).map((slot) => ({ startsAt: slot.startsAt, kind: 'call_block' as const, target }));
        await show(() => client.invoke('planner.assign', { weekStart: week.weekStart, assignments }));
      },

      async copyLastWeek() {
        const week = get().week;
        if (!week) return;
        await show(() => client.invoke('planner.copyWeek', { from: addDays(week.weekStart, -7), to: week.weekStart }));
      },

      async saveTemplate(name) {
        const week = get().week;
        if (!week) return false;
        return show(() => client.invoke('planner.saveTemplate', { name, weekStart: week.weekStart }));
      },

      async applyTemplate(name) {
        const week = get().week;
        if (!week) return;
        await show(() => client.invoke('planner.applyTemplate', { name, weekStart: week.weekStart }));
      },

      async saveWorkWeek(workWeek) {
        // The answer is this week under the new hours: the grid, the countdown and the zone all change.
        return show(() => client.invoke('planner.saveWorkWeek', { workWeek }), true);
      },

      async ensureWorkWeek() {
        if (!get().week) await refreshCurrent();
        return get().week?.workWeek ?? null;
      },

      startClock() {
        clockUsers++;
        if (clockUsers === 1) {
          timer = setInterval(() => get().tick(), 1000);
          void refreshCurrent();
        }
        let stopped = false;
        return () => {
          if (stopped) return;
          stopped = true;
          clockUsers--;
          if (clockUsers === 0) clearInterval(timer);
        };
      },

      tick() {
        const now = options.now();
        const { running, ended } = get();
        if (ended && now - ended.at >= options.toastMs) set({ ended: null });
        if (running) {
          const left = Math.max(0, Math.ceil((running.endsAtMs - now) / 1000));
          if (left > 0) {
            if (left !== running.secondsLeft) set({ running: { ...running, secondsLeft: left } });
            return;
          }
          lastEnded = running.slot.startsAt;
          set({ running: null, ended: { id: ++endedSeq, slot: running.slot, at: now } });
          void refreshCurrent();
        } else if (nextCheckAt !== null && now >= nextCheckAt) {
          nextCheckAt = null;
          void refreshCurrent();
        }
      },

      async enableNotifications() {
        set({ notifications: await options.notifier.request() });
      },

      notify(title, body) {
        if (get().notifications === 'granted') options.notifier.show(title, body);
      },

      dismissEnded() {
        set({ ended: null });
      },
    };
  });
}
