import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ObjectionReportRow, TalkForLead } from '../../../shared/contract/talk';
import type { KomaClient } from '../api/client';
import { toProblem, type Problem } from '../lib/problem';

export interface TalkState {
  /** The lead the script and cards were read for. */
  leadId: string | null;
  talk: TalkForLead | null;
  loading: boolean;
  problem: Problem | null;
  /** The script beside the call log (G). */
  scriptOpen: boolean;
  /** The objection cards dialog (O). */
  cardsOpen: boolean;
  /** The dashboard's objections for its range. */
  report: ObjectionReportRow[] | null;
  reportProblem: Problem | null;
  /** Reads the script and cards for a lead (again only when the lead changed or the set did). */
  load(leadId: string): Promise<void>;
  toggleScript(): void;
  openCards(): void;
  closeCards(): void;
  /** The team's set changed (Settings): what is on screen is read again. */
  setChanged(): void;
  loadReport(range: { from: string; to: string }): Promise<void>;
}

export type TalkStore = StoreApi<TalkState>;

/**
 * The talk script and objection cards during a call. Which objections the rep marked belongs to the
 * call form (workStore's draft), so it is saved and logged with the call; this store only holds what
 * the backend chose and merged for the lead.
 */
export function createTalkStore(client: KomaClient): TalkStore {
  let ticket = 0;
  let reportTicket = 0;
  return createStore<TalkState>()((set, get) => ({
    leadId: null,
    talk: null,
    loading: false,
    problem: null,
    scriptOpen: false,
    cardsOpen: false,
    report: null,
    reportProblem: null,
    async load(leadId) {
      if (get().leadId === leadId && (get().talk || get().loading)) return;
      const mine = ++ticket;
      set({ leadId, talk: null, loading: true, problem: null });
      try {
        const talk = await client.invoke('talk.forLead', { leadId });
        if (mine === ticket) set({ talk, loading: false });
      } catch (error) {
        if (mine === ticket) set({ loading: false, problem: toProblem(error) });
      }
    },
    toggleScript() {
      set({ scriptOpen: !get().scriptOpen });
    },
    openCards() {
      set({ cardsOpen: true });
    },
    closeCards() {
      set({ cardsOpen: false });
    },
    setChanged() {
      ticket++;
      set({ leadId: null, talk: null, loading: false });
    },
    async loadReport(range) {
      const mine = ++reportTicket;
      try {
        const { rows } = await client.invoke('kpi.objections', range);
        if (mine === reportTicket) set({ report: rows, reportProblem: null });
      } catch (error) {
        if (mine === reportTicket) set({ reportProblem: toProblem(error) });
      }
    },
  }));
}
