import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BusinessCalendar } from '../../../shared/contract/calendar';
import type { CommandOutput } from '../../../shared/contract';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface CalendarState {
  view: CommandOutput<'calendar.get'> | null;
  status: 'idle' | 'saving' | 'saved';
  problem: Problem | null;
  load(): Promise<void>;
  /** Saves the calendar; false (with the problem) when the backend refused it. */
  save(calendar: BusinessCalendar): Promise<boolean>;
}

export type CalendarStore = StoreApi<CalendarState>;

/**
 * The company calendar in settings: national holidays on or off, 年末年始 / お盆 every year, one-off
 * closures. A save re-places every lead (speed-to-lead deadlines count open time): `onSaved` lets
 * the call list and the planner show it.
 */
export function createCalendarStore(client: KomaClient, onSaved: () => void): CalendarStore {
  return createStore<CalendarState>()((set) => ({
    view: null,
    status: 'idle',
    problem: null,
    async load() {
      try {
        set({ view: await client.invoke('calendar.get', {}), problem: null });
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async save(calendar) {
      set({ status: 'saving', problem: null });
      try {
        await client.invoke('calendar.save', { calendar });
        set({ view: await client.invoke('calendar.get', {}), status: 'saved' });
        onSaved();
        return true;
      } catch (error) {
        set({ status: 'idle', problem: toProblem(error) });
        return false;
      }
    },
  }));
}
