import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KomaClient } from '../api/client';
import { createAutosave } from '../lib/autosave';
import { toProblem, type Problem } from '../lib/problem';

export interface LeadNotesState {
  leadId: string | null;
  text: string;
  saving: boolean;
  /** When the backend last confirmed a save in this visit; null before the first one. */
  savedAt: string | null;
  problem: Problem | null;
  /** The lead on screen and its stored notes (a lead opened again keeps what is on screen). */
  show(leadId: string, stored: string): void;
  edit(text: string): void;
  /** Saves waiting notes now (blur, leaving the lead), or tries a failed save again. */
  saveNow(): Promise<void>;
}

export type LeadNotesStore = StoreApi<LeadNotesState>;

/** The notes on the lead being worked, autosaved like the company's prep notes. */
export function createLeadNotesStore(client: KomaClient, delayMs: number): LeadNotesStore {
  return createStore<LeadNotesState>()((set, get) => {
    const update = (leadId: string, patch: Partial<LeadNotesState>) => {
      if (get().leadId === leadId) set(patch);
    };
    const autosave = createAutosave<{ leadId: string; text: string }>(async ({ leadId, text }) => {
      update(leadId, { saving: true });
      try {
        const { savedAt } = await client.invoke('lead.saveNotes', { leadId, notes: text });
        update(leadId, { saving: false, savedAt, problem: null });
      } catch (error) {
        // The text stays in the box; the next keystroke, blur or retry sends it again.
        update(leadId, { saving: false, problem: toProblem(error) });
      }
    }, delayMs);
    return {
      leadId: null,
      text: '',
      saving: false,
      savedAt: null,
      problem: null,
      show(leadId, stored) {
        if (get().leadId === leadId) return;
        void autosave.flush();
        set({ leadId, text: stored, saving: false, savedAt: null, problem: null });
      },
      edit(text) {
        const leadId = get().leadId;
        if (!leadId) return;
        set({ text });
        autosave.schedule({ leadId, text });
      },
      async saveNow() {
        const { leadId, text, problem } = get();
        if (leadId && !autosave.pending() && problem) autosave.schedule({ leadId, text });
        await autosave.flush();
      },
    };
  });
}
