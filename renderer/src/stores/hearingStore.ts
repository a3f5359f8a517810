import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HearingView } from '../../../shared/contract/handoff';
import type { Hearing } from '../../../shared/contract/hearing';
import type { KomaClient } from '../api/client';
import { CommandError } from '../api/commandError';
import { createAutosave } from '../lib/autosave';
import { toProblem, type Problem } from '../lib/problem';

export type HearingSection = 'budget' | 'authority' | 'need' | 'timeline';

/** What the saved indicator says: nothing yet, edits waiting, a save on its way, saved, refused, failed. */
export type HearingSaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'invalid' | 'failed';

export interface HearingOptions {
  /** Typing pauses shorter than this are gathered into one save. */
  saveDebounceMs: number;
}

export interface HearingState {
  leadId: string | null;
  /** The backend's latest answer: qualification, criteria, history. */
  view: HearingView | null;
  /** What the form shows, ahead of `view.hearing` while edits wait to be saved. */
  draft: Hearing | null;
  saveState: HearingSaveState;
  savedAt: string | null;
  /** The backend's message per field, by its path inside the hearing ('budget.amount'). */
  fieldErrors: Readonly<Record<string, string>>;
  /** Fields whose text the form could not read (letters in the amount): saving waits for them. */
  unreadable: Readonly<Record<string, true>>;
  problem: Problem | null;
  /** An older version opened read-only, or null. */
  oldVersion: HearingView | null;
  /** Shows the hearing of a lead, saving what the previous lead still had pending first; the same lead is refreshed. */
  load(leadId: string): Promise<void>;
  update<S extends HearingSection>(section: S, patch: Partial<Hearing[S]>, options?: { saveNow?: boolean }): void;
  setCustom(key: string, value: string): void;
  setUnreadable(path: string, unreadable: boolean): void;
  /** Saves pending edits at once (blur, lead change, page hide); resolves when they are stored. */
  flush(): Promise<void>;
  /** Asks again (after a call sealed the version, or the criteria changed), keeping unsaved edits. */
  refresh(): Promise<void>;
  viewVersion(version: number): Promise<void>;
  closeVersion(): void;
}

export type HearingStore = StoreApi<HearingState>;

/** One lead's editing session; answers for an earlier session are dropped. */
interface Session {
  leadId: string;
}

function fieldErrorsOf(error: CommandError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.replace(/^hearing\./, '')] = issue.message;
  return errors;
}

/** The BANT panel's data: autosaved like call notes, into the version the backend keeps open until the call is logged. */
export function createHearingStore(client: KomaClient, options: HearingOptions): HearingStore {
  let session: Session | null = null;

  return createStore<HearingState>()((set, get) => {
    const isCurrent = (s: Session) => session === s;

    // Each value carries its session, so a save still running when the rep moves on lands in its own lead.
    const autosave = createAutosave<{ session: Session; draft: Hearing }>(async ({ session: s, draft }) => {
      if (isCurrent(s)) set({ saveState: 'saving' });
      try {
        const { savedAt, ...view } = await client.invoke('hearing.save', { leadId: s.leadId, hearing: draft });
        if (isCurrent(s)) set({ view, savedAt, fieldErrors: {}, problem: null, saveState: autosave.pending() ? 'dirty' : 'saved' });
      } catch (error) {
        if (!isCurrent(s)) return;
        if (error instanceof CommandError && error.code === 'invalid_input' && error.issues.length > 0) {
          set({ fieldErrors: fieldErrorsOf(error), problem: null, saveState: 'invalid' });
        } else {
          set({ problem: toProblem(error), saveState: 'failed' });
        }
      }
    }, options.saveDebounceMs);

    /** Queues the draft unless a field the form could not read holds it back. */
    const schedule = (saveNow: boolean) => {
      const { draft, unreadable } = get();
      if (!session || !draft) return;
      if (Object.keys(unreadable).length > 0) {
        set({ saveState: 'invalid' });
        return;
      }
      autosave.schedule({ session, draft });
      if (saveNow) void autosave.flush();
    };

    const edited = (draft: Hearing, saveNow: boolean) => {
      set({ draft, saveState: 'dirty' });
      schedule(saveNow);
    };

    const fetchView = (s: Session, version: number | null) => client.invoke('hearing.get', { leadId: s.leadId, version });

    return {
      leadId: null,
      view: null,
      draft: null,
      saveState: 'idle',
      savedAt: null,
      fieldErrors: {},
      unreadable: {},
      problem: null,
      oldVersion: null,
      async load(leadId) {
        // The same lead again (the panel shown anew): ask again, a logged call may have sealed its version.
        if (session?.leadId === leadId) return get().refresh();
        await get().flush();
        const s: Session = { leadId };
        session = s;
        set({ leadId, view: null, draft: null, saveState: 'idle', savedAt: null, fieldErrors: {}, unreadable: {}, problem: null, oldVersion: null });
        try {
          const view = await fetchView(s, null);
          if (isCurrent(s)) set({ view, draft: view.hearing });
        } catch (error) {
          if (isCurrent(s)) set({ problem: toProblem(error) });
        }
      },
      update(section, patch, { saveNow = false } = {}) {
        const draft = get().draft;
        if (draft) edited({ ...draft, [section]: { ...draft[section], ...patch } }, saveNow);
      },
      setCustom(key, value) {
        const draft = get().draft;
        if (draft) edited({ ...draft, custom: { ...draft.custom, [key]: value } }, false);
      },
      setUnreadable(path, unreadable) {
        const current = get().unreadable;
        if (Boolean(current[path]) === unreadable) return;
        const next = { ...current };
        if (unreadable) next[path] = true;
        else delete next[path];
        set({ unreadable: next });
        // Once the last unreadable field is fixed, what was held back goes out.
        if (unreadable) set({ saveState: 'invalid' });
        else if (get().saveState === 'invalid' || get().saveState === 'dirty') schedule(false);
      },
      async flush() {
        // A save the transport lost is tried again rather than forgotten when the rep moves on.
        if (get().saveState === 'failed') schedule(false);
        await autosave.flush();
      },
      async refresh() {
        const s = session;
        if (!s) return;
        try {
          const view = await fetchView(s, null);
          if (!isCurrent(s)) return;
          const unsaved = get().saveState !== 'saved' && get().saveState !== 'idle';
          set(unsaved ? { view } : { view, draft: view.hearing });
        } catch (error) {
          if (isCurrent(s)) set({ problem: toProblem(error) });
        }
      },
      async viewVersion(version) {
        const s = session;
        if (!s) return;
        try {
          const oldVersion = await fetchView(s, version);
          if (isCurrent(s)) set({ oldVersion });
        } catch (error) {
          if (isCurrent(s)) set({ problem: toProblem(error) });
        }
      },
      closeVersion() {
        set({ oldVersion: null });
      },
    };
  });
}
