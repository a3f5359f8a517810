import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BehaviourImportResult } from '../../../shared/contract/behaviour';
import { maxImportBytes } from '../../../shared/contract/imports';
import { defaultBusinessCalendar, type BusinessCalendar } from '../../../shared/contract/calendar';
import type { QueueRules } from '../../../shared/contract/queueRules';
import type { ScoringRules } from '../../../shared/contract/scoringRules';
import type { KomaClient } from '../api/client';
import { bytesToBase64 } from '../lib/base64';
import { problem, toProblem, type Problem } from '../lib/problem';
import { readFileBytes } from '../lib/readFileBytes';

/** One form's save: whether it runs, what the backend objected to, and what the last save did. */
export interface RulesSave {
  busy: boolean;
  problem: Problem | null;
  /** Leads re-queued (queue rules) or re-scored (scoring rules) by the last successful save. */
  changed: number | null;
}

export interface BehaviourImportState {
  busy: boolean;
  problem: Problem | null;
  result: BehaviourImportResult | null;
}

export interface RulesState {
  queueRules: QueueRules | null;
  scoringRules: ScoringRules | null;
  /** The company calendar as last read with the rules (closed days for default dates). */
  calendar: BusinessCalendar;
  loadProblem: Problem | null;
  queueSave: RulesSave;
  scoringSave: RulesSave;
  behaviourImport: BehaviourImportState;
  load(): Promise<void>;
  /** The queue rules, loading them first if they have not arrived yet; null if they cannot be read. */
  ensureQueueRules(): Promise<QueueRules | null>;
  saveQueueRules(rules: QueueRules): Promise<boolean>;
  saveScoringRules(rules: ScoringRules): Promise<boolean>;
  importBehaviour(file: File): Promise<void>;
}

export type RulesStore = StoreApi<RulesState>;

const idle: RulesSave = { busy: false, problem: null, changed: null };

/**
 * The team's queue and scoring rules as stored in settings, and the behaviour-events import that
 * re-scores leads. `onLeadsChanged` lets the call list show the new order after a save.
 */
export function createRulesStore(client: KomaClient, onLeadsChanged: () => void): RulesStore {
  let loading: Promise<void> | null = null;

  return createStore<RulesState>()((set, get) => ({
    queueRules: null,
    scoringRules: null,
    calendar: defaultBusinessCalendar,
    loadProblem: null,
    queueSave: idle,
    scoringSave: idle,
    behaviourImport: { busy: false, problem: null, result: null },
    load() {
      loading ??= client
        .invoke('settings.get', {})
        .then(
          (settings) => set({ queueRules: settings.queueRules, scoringRules: settings.scoringRules, calendar: settings.calendar ?? defaultBusinessCalendar, loadProblem: null }),
          (error: unknown) => set({ loadProblem: toProblem(error) }),
        )
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    async ensureQueueRules() {
      if (!get().queueRules) await get().load();
      return get().queueRules;
    },
    async saveQueueRules(rules) {
      set({ queueSave: { busy: true, problem: null, changed: null } });
      try {
        const { requeued } = await client.invoke('settings.saveQueueRules', { rules });
        set({ queueRules: rules, queueSave: { busy: false, problem: null, changed: requeued } });
        onLeadsChanged();
        return true;
      } catch (error) {
        set({ queueSave: { busy: false, problem: toProblem(error), changed: null } });
        return false;
      }
    },
    async saveScoringRules(rules) {
      set({ scoringSave: { busy: true, problem: null, changed: null } });
      try {
        const { rescored } = await client.invoke('settings.saveScoringRules', { rules });
        set({ scoringRules: rules, scoringSave: { busy: false, problem: null, changed: rescored } });
        onLeadsChanged();
        return true;
      } catch (error) {
        set({ scoringSave: { busy: false, problem: toProblem(error), changed: null } });
        return false;
      }
    },
    async importBehaviour(file) {
      if (file.size > maxImportBytes) {
        set({ behaviourImport: { busy: false, problem: problem('file_too_large', file.name), result: null } });
        return;
      }
      set({ behaviourImport: { busy: true, problem: null, result: null } });
      let contentBase64: string;
      try {
        contentBase64 = bytesToBase64(await readFileBytes(file));
      } catch (error) {
        set({ behaviourImport: { busy: false, problem: problem('file_unreadable', error instanceof Error ? error.message : ''), result: null } });
        return;
      }
      try {
        const result = await client.invoke('behaviour.import', { fileName: file.name, contentBase64 });
        set({ behaviourImport: { busy: false, problem: null, result } });
        if (result.rescored > 0) onLeadsChanged();
      } catch (error) {
        set({ behaviourImport: { busy: false, problem: toProblem(error), result: null } });
      }
    },
  }));
}
