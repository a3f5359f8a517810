import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PhoneCallImportResult, PhoneCallRow } from '../../../shared/contract/phoneCalls';
import type { KomaClient } from '../api/client';
import { bytesToBase64 } from '../lib/base64';
import { toProblem, type Problem } from '../lib/problem';
import { readFileBytes } from '../lib/readFileBytes';

export interface PhoneCallsState {
  open: boolean;
  loading: boolean;
  rows: PhoneCallRow[];
  total: number;
  /** The file being imported, while it is. */
  importing: string | null;
  imported: PhoneCallImportResult | null;
  /** The backend refused the file as a call history (nothing was changed). */
  refused: boolean;
  /** The phone call whose correction is on its way. */
  acting: string | null;
  problem: Problem | null;
  show(): Promise<void>;
  close(): void;
  importFile(file: File): Promise<void>;
  attach(phoneCallId: string, callId: string): Promise<void>;
  detach(phoneCallId: string): Promise<void>;
  dismiss(phoneCallId: string): Promise<void>;
}

export type PhoneCallsStore = StoreApi<PhoneCallsState>;

/**
 * The phone system's calls and their matches: listed, corrected one at a time, and a call-history
 * CSV imported. `onChanged` lets the lead on screen show what changed on its timeline.
 */
export function createPhoneCallsStore(client: KomaClient, onChanged: () => void): PhoneCallsStore {
  return createStore<PhoneCallsState>()((set) => {
    const load = async () => {
      set({ loading: true });
      try {
        const { rows, total } = await client.invoke('phoneCalls.list', { state: 'open' });
        set({ rows, total, loading: false });
      } catch (error) {
        set({ loading: false, problem: toProblem(error) });
      }
    };
    const act = async (phoneCallId: string, run: () => Promise<unknown>) => {
      set({ acting: phoneCallId, problem: null });
      try {
        await run();
      } catch (error) {
        set({ acting: null, problem: toProblem(error) });
        return;
      }
      set({ acting: null });
      onChanged();
      await load();
    };
    return {
      open: false,
      loading: false,
      rows: [],
      total: 0,
      importing: null,
      imported: null,
      refused: false,
      acting: null,
      problem: null,
      async show() {
        set({ open: true, problem: null, imported: null, refused: false });
        await load();
      },
      close() {
        set({ open: false });
      },
      async importFile(file) {
        set({ importing: file.name, imported: null, refused: false, problem: null });
        try {
          const contentBase64 = bytesToBase64(await readFileBytes(file));
          const imported = await client.invoke('phoneCalls.import', { fileName: file.name, contentBase64 });
          set({ importing: null, imported });
        } catch (error) {
          const problem = toProblem(error);
          set(problem.kind === 'invalid_input' ? { importing: null, refused: true } : { importing: null, problem });
          return;
        }
        onChanged();
        await load();
      },
      attach: (phoneCallId, callId) => act(phoneCallId, () => client.invoke('phoneCalls.attach', { phoneCallId, callId })),
      detach: (phoneCallId) => act(phoneCallId, () => client.invoke('phoneCalls.detach', { phoneCallId })),
      dismiss: (phoneCallId) => act(phoneCallId, () => client.invoke('phoneCalls.dismiss', { phoneCallId })),
    };
  });
}
