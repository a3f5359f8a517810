import type { KomaClient } from '../api/client';
import { saveFileWithLink, type SaveFile } from '../lib/saveFile';
import { createAppStore } from './appStore';
import { createBackupStore } from './backupStore';
import { createCalendarStore } from './calendarStore';
import { createReferenceStore } from './referenceStore';
import { createTeamStore } from './teamStore';
import { createCallListStore } from './callListStore';
import { createImportStore } from './importStore';
import { createNavStore } from './navStore';
import { createPlannerStore, type PlannerOptions } from './plannerStore';
import { createDashboardStore } from './dashboardStore';
import { createSyncStores, type SyncOptions } from './syncStore';
import { createRulesStore } from './rulesStore';
import { createWorkStore, defaultWorkOptions, type WorkOptions } from './workStore';
import { dialModeOf } from './dialMode';
import { createLeadNotesStore } from './leadNotesStore';
import { createLeadSearchStore } from './leadSearchStore';
import { createHearingHandoffStores } from './hearingHandoffStores';
import { createDuplicatesStore } from './duplicatesStore';
import { createPhoneCallsStore } from './phoneCallsStore';
import { createTalkStore } from './talkStore';
import { createTalkSettingsStore } from './talkSettingsStore';
import { createFollowupStore, openMailWithLink, type FollowupOptions } from './followupStore';
import { createFollowupTemplatesStore } from './followupTemplatesStore';

export interface StoresOptions {
  pageSize?: number;
  searchDebounceMs?: number;
  importPollMs?: number;
  saveFile?: SaveFile;
  work?: Partial<WorkOptions>;
  hearingSaveDebounceMs?: number;
  planner?: Partial<PlannerOptions>;
  sync?: Partial<SyncOptions>;
  followup?: Partial<FollowupOptions>;
}

export const defaultStoresOptions = {
  pageSize: 100,
  /** Short enough that a typed name shows its rows at once, long enough to skip keystrokes typed in a burst. */
  searchDebounceMs: 30,
  /** 20 pages of 100 rows: a few screens either side of the one shown. */
  maxPages: 20,
  importPollMs: 200,
} as const;

/** Every feature store over one client; tests pass a client over a fake API and shorter delays. */
export function createStores(client: KomaClient, options: StoresOptions = {}) {
  const app = createAppStore(client);
  const callList = createCallListStore(client, {
    pageSize: options.pageSize ?? defaultStoresOptions.pageSize,
    searchDebounceMs: options.searchDebounceMs ?? defaultStoresOptions.searchDebounceMs,
    maxPages: defaultStoresOptions.maxPages,
  });
  const imports = createImportStore(client, {
    pollMs: options.importPollMs ?? defaultStoresOptions.importPollMs,
    saveFile: options.saveFile ?? saveFileWithLink,
    onFinished: () => {
      void app.getState().load();
      callList.getState().reload();
    },
  });
  const rules = createRulesStore(client, () => callList.getState().refresh());
  // The handoff takes the call on the workspace's form along (the work store is made just below).
  const takePendingCall = (leadId: string) => work.getState().takePendingCall(leadId);
  const hearingHandoff = createHearingHandoffStores(client, { app, callList, takePendingCall }, { saveFile: options.saveFile ?? saveFileWithLink, hearingSaveDebounceMs: options.hearingSaveDebounceMs, searchDebounceMs: options.searchDebounceMs });
  // A hearing typed just before "save and next" must land in the version the call seals.
  const work = createWorkStore(
    client,
    {
      callList,
      rules,
      beforeLog: () => hearingHandoff.hearing.getState().flush(),
      dialMode: () => dialModeOf(hearingHandoff.profile.getState().profile, app.getState().info?.mode ?? null),
    },
    options.work,
  );
  // A lead handed off leaves the list: the workspace moves on to the next one, as after a logged call.
  hearingHandoff.handoffDialog.subscribe((state, previous) => {
    const created = state.done?.kind === 'created' ? state.done.handoff : null;
    if (created && created !== (previous.done?.kind === 'created' ? previous.done.handoff : null) && work.getState().detail?.lead.id === created.leadId) {
      work.getState().callTaken(created.leadId);
      void work.getState().next();
    }
  });
  const planner = createPlannerStore(client, (source) => callList.getState().setSourceFilter(source), options.planner);
  const dashboard = createDashboardStore(client, { workWeek: () => planner.getState().ensureWorkWeek() });
  const backups = createBackupStore(client, () => {
    void app.getState().load();
    callList.getState().reload();
  });
  const talk = createTalkStore(client);
  const talkSettings = createTalkSettingsStore(client, { saveFile: options.saveFile ?? saveFileWithLink, onChanged: () => talk.getState().setChanged() });
  const followup = createFollowupStore(client, { now: () => new Date(), openMail: openMailWithLink, saveFile: options.saveFile ?? saveFileWithLink, ...options.followup });
  /** The first questions the UI asks: how many leads there are, and the top of the call list. */
  const start = () => {
    void app.getState().load();
    callList.getState().reload();
  };
  let started = false;
  return {
    ...hearingHandoff,
    talk,
    followup,
    followupTemplates: createFollowupTemplatesStore(client),
    talkSettings,
    backups,
    nav: createNavStore(),
    app,
    callList,
    imports,
    rules,
    work,
    leadSearch: createLeadSearchStore(client, options.searchDebounceMs ?? defaultStoresOptions.searchDebounceMs),
    leadNotes: createLeadNotesStore(client, options.work?.prepDelayMs ?? defaultWorkOptions.prepDelayMs),
    planner,
    dashboard,
    reference: createReferenceStore(client),
    team: createTeamStore(client),
    calendar: createCalendarStore(client, () => {
      callList.getState().refresh();
      // The week on screen, if one was loaded, shows the new closed days.
      const shown = planner.getState().week?.weekStart;
      if (shown) void planner.getState().load(shown);
    }),
    ...createSyncStores(client, options.sync),
    duplicates: createDuplicatesStore(client, () => {
      void app.getState().load();
      callList.getState().reload();
    }),
    // A match changed: the lead on screen shows the phone system's duration and link on its calls.
    phoneCalls: createPhoneCallsStore(client, () => void work.getState().refreshDetail()),
    start,
    /**
     * `start` unless it already ran: main.tsx asks before React's first render, so the requests
     * travel while the first render runs; the app's own effect (all a test has) asks again.
     */
    startOnce() {
      if (started) return;
      started = true;
      start();
    },
  };
}

export type Stores = ReturnType<typeof createStores>;
