import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './appStore';
import type { BackupState } from './backupStore';
import type { CalendarState } from './calendarStore';
import type { ReferenceState } from './referenceStore';
import type { CallListState } from './callListStore';
import type { Stores } from './createStores';
import type { ImportState } from './importStore';
import type { NavState } from './navStore';
import type { PlannerState } from './plannerStore';
import type { DashboardState } from './dashboardStore';
import type { SyncSettingsState, SyncState } from './syncStore';
import type { RulesState } from './rulesStore';
import type { WorkState } from './workStore';
import type { LeadNotesState } from './leadNotesStore';
import type { LeadSearchState } from './leadSearchStore';
import type { FieldRepsState } from './fieldRepsStore';
import type { HandoffDialogState } from './handoffDialogStore';
import type { HandoffListState } from './handoffStore';
import type { HearingState } from './hearingStore';
import type { ProfileState } from './profileStore';
import type { QualificationCriteriaState } from './qualificationCriteriaStore';
import type { DuplicatesState } from './duplicatesStore';
import type { PhoneCallsState } from './phoneCallsStore';
import type { TalkState } from './talkStore';
import type { TeamStoreState } from './teamStore';
import type { TalkSettingsState } from './talkSettingsStore';
import type { FollowupState } from './followupStore';
import type { FollowupTemplatesState } from './followupTemplatesStore';

/** The stores travel by context, not module singletons, so each test renders with its own. */
export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores must be used inside <StoresContext.Provider>');
  return stores;
}

export function useTeamStore<T>(selector: (state: TeamStoreState) => T): T {
  return useStore(useStores().team, selector);
}

export function useReferenceStore<T>(selector: (state: ReferenceState) => T): T {
  return useStore(useStores().reference, selector);
}

export function useCalendarStore<T>(selector: (state: CalendarState) => T): T {
  return useStore(useStores().calendar, selector);
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStores().app, selector);
}

export function useCallListStore<T>(selector: (state: CallListState) => T): T {
  return useStore(useStores().callList, selector);
}

export function useImportStore<T>(selector: (state: ImportState) => T): T {
  return useStore(useStores().imports, selector);
}

export function useNavStore<T>(selector: (state: NavState) => T): T {
  return useStore(useStores().nav, selector);
}

export function useBackupStore<T>(selector: (state: BackupState) => T): T {
  return useStore(useStores().backups, selector);
}

export function useHearingStore<T>(selector: (state: HearingState) => T): T {
  return useStore(useStores().hearing, selector);
}

export function useHandoffStore<T>(selector: (state: HandoffListState) => T): T {
  return useStore(useStores().handoffs, selector);
}

export function useHandoffDialogStore<T>(selector: (state: HandoffDialogState) => T): T {
  return useStore(useStores().handoffDialog, selector);
}

export function useQualificationCriteriaStore<T>(selector: (state: QualificationCriteriaState) => T): T {
  return useStore(useStores().qualificationCriteria, selector);
}

export function useFieldRepsStore<T>(selector: (state: FieldRepsState) => T): T {
  return useStore(useStores().fieldReps, selector);
}

export function useProfileStore<T>(selector: (state: ProfileState) => T): T {
  return useStore(useStores().profile, selector);
}

export function useWorkStore<T>(selector: (state: WorkState) => T): T {
  return useStore(useStores().work, selector);
}

export function useRulesStore<T>(selector: (state: RulesState) => T): T {
  return useStore(useStores().rules, selector);
}

export function usePlannerStore<T>(selector: (state: PlannerState) => T): T {
  return useStore(useStores().planner, selector);
}

export function useDashboardStore<T>(selector: (state: DashboardState) => T): T {
  return useStore(useStores().dashboard, selector);
}

export function useSyncStore<T>(selector: (state: SyncState) => T): T {
  return useStore(useStores().sync, selector);
}

export function useSyncSettingsStore<T>(selector: (state: SyncSettingsState) => T): T {
  return useStore(useStores().syncSettings, selector);
}

export function useLeadNotesStore<T>(selector: (state: LeadNotesState) => T): T {
  return useStore(useStores().leadNotes, selector);
}

export function useLeadSearchStore<T>(selector: (state: LeadSearchState) => T): T {
  return useStore(useStores().leadSearch, selector);
}

export function useDuplicatesStore<T>(selector: (state: DuplicatesState) => T): T {
  return useStore(useStores().duplicates, selector);
}

export function usePhoneCallsStore<T>(selector: (state: PhoneCallsState) => T): T {
  return useStore(useStores().phoneCalls, selector);
}

export function useTalkStore<T>(selector: (state: TalkState) => T): T {
  return useStore(useStores().talk, selector);
}

export function useTalkSettingsStore<T>(selector: (state: TalkSettingsState) => T): T {
  return useStore(useStores().talkSettings, selector);
}

export function useFollowupTemplatesStore<T>(selector: (state: FollowupTemplatesState) => T): T {
  return useStore(useStores().followupTemplates, selector);
}

export function useFollowupStore<T>(selector: (state: FollowupState) => T): T {
  return useStore(useStores().followup, selector);
}
