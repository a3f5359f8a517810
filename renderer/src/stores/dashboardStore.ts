import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';
import { type GoalPlanView, type KpiReport, type KpiSettings } from '../../../shared/contract/planner';
import { defaultWorkWeek, type WorkWeek } from '../../../shared/contract/slots';
import { instantOf, localDate } from '../../../shared/domain/queue/localTime';
import { weekStartOf } from '../../../shared/domain/slots/grid';

export const rangeKinds = ['today', 'week', 'month', 'custom'] as const;
export type RangeKind = (typeof rangeKinds)[number];

/** Local calendar dates in the work week's zone, both inclusive. */
export interface DateRange {
  fromDate: string;
  toDate: string;
}

/** The longest range kpi.report accepts. */
export const maxRangeDays = 400;

const partsOf = (date: string) => date.split('-').map(Number) as [number, number, number];

/**
 * Today, this week or this month up to today, as local dates in `timeZone`. "To date": nothing
 * after today has happened yet, and the weekly trend then stops at this week instead of trailing zeros.
 */
export function datesFor(kind: Exclude<RangeKind, 'custom'>, now: Date, timeZone: string): DateRange {
  const today = localDate(now, timeZone);
  if (kind === 'today') return { fromDate: today, toDate: today };
  if (kind === 'week') return { fromDate: weekStartOf(now, timeZone), toDate: today };
  return { fromDate: `${today.slice(0, 7)}-01`, toDate: today };
}

/** The instants kpi.report wants: from the first day's midnight to the midnight after the last day, in `timeZone`. */
export function instantsFor(range: DateRange, timeZone: string): { from: string; to: string } {
  const [fy, fm, fd] = partsOf(range.fromDate);
  const [ty, tm, td] = partsOf(range.toDate);
  return {
    from: instantOf({ year: fy, month: fm, day: fd, minutes: 0 }, timeZone).toISOString(),
    to: instantOf({ year: ty, month: tm, day: td + 1, minutes: 0 }, timeZone).toISOString(),
  };
}

export function isValidRange(range: DateRange): boolean {
  const dateLike = /^\d{4}-\d{2}-\d{2}$/;
  if (!dateLike.test(range.fromDate) || !dateLike.test(range.toDate)) return false;
  const days = (Date.parse(`${range.toDate}T00:00:00Z`) - Date.parse(`${range.fromDate}T00:00:00Z`)) / 86_400_000 + 1;
  return days >= 1 && days <= maxRangeDays;
}

/**
 * The saved KPI settings as far as the goal view tells them. kpi.goal carries the goal and the
 * target rates; the conversation length is read from it when the backend includes it, else the
 * contract's default is assumed.
 */
export function kpiSettingsOf(goal: GoalPlanView): KpiSettings {
  return { monthlyOpportunityGoal: goal.goal, conversationSeconds: goal.conversationSeconds, targets: goal.targets };
}

export interface DashboardDeps {
  /** The work week, whose zone the ranges are counted in. */
  workWeek(): Promise<WorkWeek | null>;
  now?: () => Date;
}

export interface DashboardState {
  kind: RangeKind;
  range: DateRange | null;
  report: KpiReport | null;
  goal: GoalPlanView | null;
  loading: boolean;
  problem: Problem | null;
  settingsProblem: Problem | null;
  /** Bumped after each successful settings save, for the "saved" status. */
  savedCount: number;
  /** Shows today, this week or this month (again, with fresh figures). */
  show(kind: Exclude<RangeKind, 'custom'>): Promise<void>;
  /** Shows a chosen range; false (and nothing asked) when the range is not valid. */
  showCustom(range: DateRange): Promise<boolean>;
  /** The figures of the range on screen and the goal, fetched again. */
  refresh(): Promise<void>;
  loadGoal(): Promise<void>;
  saveSettings(settings: KpiSettings): Promise<boolean>;
  /** Changes only the month's goal, keeping the other KPI settings. */
  saveGoal(goal: number): Promise<boolean>;
}

export type DashboardStore = StoreApi<DashboardState>;

/** The KPI dashboard: figures for a range computed by the backend, and the goal worked backward. */
export function createDashboardStore(client: KomaClient, deps: DashboardDeps): DashboardStore {
  const now = deps.now ?? (() => new Date());
  let latest = 0;
  return createStore<DashboardState>()((set, get) => {
    const zone = async () => (await deps.workWeek())?.timeZone ?? defaultWorkWeek.timeZone;

    const fetchReport = async (kind: RangeKind, range: (timeZone: string) => DateRange) => {
      const mine = ++latest;
      set({ kind, loading: true });
      try {
        const timeZone = await zone();
        const dates = range(timeZone);
        set({ range: dates });
        const report = await client.invoke('kpi.report', instantsFor(dates, timeZone));
        if (mine === latest) set({ report, loading: false, problem: null });
      } catch (error) {
        if (mine === latest) set({ loading: false, problem: toProblem(error) });
      }
    };

    const saveSettings = async (settings: KpiSettings) => {
      try {
        const goal = await client.invoke('kpi.saveSettings', { settings });
        set((state) => ({ goal, settingsProblem: null, savedCount: state.savedCount + 1 }));
        return true;
      } catch (error) {
        set({ settingsProblem: toProblem(error) });
        return false;
      }
    };

    return {
      kind: 'today',
      range: null,
      report: null,
      goal: null,
      loading: false,
      problem: null,
      settingsProblem: null,
      savedCount: 0,

      show: (kind) => fetchReport(kind, (timeZone) => datesFor(kind, now(), timeZone)),

      async showCustom(range) {
        if (!isValidRange(range)) return false;
        await fetchReport('custom', () => range);
        return true;
      },

      async refresh() {
        const { kind, range } = get();
        await Promise.all([kind === 'custom' && range ? get().showCustom(range) : get().show(kind === 'custom' ? 'today' : kind), get().loadGoal()]);
      },

      async loadGoal() {
        try {
          set({ goal: await client.invoke('kpi.goal', {}), settingsProblem: null });
        } catch (error) {
          set({ settingsProblem: toProblem(error) });
        }
      },

      saveSettings,

      async saveGoal(goal) {
        const current = get().goal;
        if (!current) return false;
        return saveSettings({ ...kpiSettingsOf(current), monthlyOpportunityGoal: goal });
      },
    };
  });
}
