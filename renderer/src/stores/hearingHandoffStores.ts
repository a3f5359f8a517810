import type { KomaClient } from '../api/client';
import type { SaveFile } from '../lib/saveFile';
import type { AppStore } from './appStore';
import type { CallListStore } from './callListStore';
import { createFieldRepsStore } from './fieldRepsStore';
import { createHandoffDialogStore, type HandoffDialogOptions } from './handoffDialogStore';
import { createHandoffStore } from './handoffStore';
import { createHearingStore } from './hearingStore';
import { createProfileStore } from './profileStore';
import { createQualificationCriteriaStore } from './qualificationCriteriaStore';

export interface HearingHandoffOptions {
  saveFile: SaveFile;
  /** The BANT form's autosave pause (like call notes). */
  hearingSaveDebounceMs?: number;
  searchDebounceMs?: number;
}

export const hearingSaveDebounceMs = 500;
const handoffSearchDebounceMs = 200;

/**
 * The hearing, handoff and their settings stores, wired to each other and to the call list: a
 * handoff takes its lead off the list as qualified, saved criteria re-evaluate the open hearing.
 */
export function createHearingHandoffStores(
  client: KomaClient,
  deps: { app: AppStore; callList: CallListStore; takePendingCall?: HandoffDialogOptions['takePendingCall'] },
  options: HearingHandoffOptions,
) {
  const hearing = createHearingStore(client, { saveDebounceMs: options.hearingSaveDebounceMs ?? hearingSaveDebounceMs });
  const handoffs = createHandoffStore(client, { searchDebounceMs: options.searchDebounceMs ?? handoffSearchDebounceMs, saveFile: options.saveFile });
  const handoffDialog = createHandoffDialogStore(client, {
    saveFile: options.saveFile,
    takePendingCall: deps.takePendingCall,
    onChanged: (view, kind) => {
      handoffs.getState().changed(view);
      if (kind !== 'created') return;
      deps.callList.getState().reload();
      void deps.app.getState().load();
    },
  });
  const qualificationCriteria = createQualificationCriteriaStore(client, () => void hearing.getState().refresh());
  return { hearing, handoffs, handoffDialog, qualificationCriteria, fieldReps: createFieldRepsStore(client), profile: createProfileStore(client) };
}
