import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { AppInfo } from '../../shared/contract/app';
import { defaultSyncSettings, syncSettingsSchema, type SetupCheck, type SyncConflict, type SyncItem, type SyncSettings, type SyncStatus } from '../../shared/contract/sync';
import { createClient } from '../../renderer/src/api/client';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { Root } from '../../renderer/src/components/Root';
import { createI18n } from '../../renderer/src/i18n/createI18n';
import type { Language } from '../../renderer/src/i18n/languages';
import type { SaveFile } from '../../renderer/src/lib/saveFile';
import { createStores } from '../../renderer/src/stores/createStores';
import { appInfo, fail, ok, pagedCallList, type FakeApi } from './fakeApi';

/** Monday 7 April 2025, 10:00 in the test's own time zone: "today" for the sync screens. */
export const testNow = new Date(2025, 3, 7, 10, 0);
/** An instant on the test's day at a local wall-clock time, as the backend would send it. */
export const todayAt = (hours: number, minutes = 0) => new Date(2025, 3, 7, hours, minutes).toISOString();

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connector: 'salesforce',
    configured: true,
    signedIn: true,
    signingIn: false,
    online: true,
    paused: null,
    pending: 0,
    attention: 0,
    conflicts: 0,
    lastSuccessAt: todayAt(9, 58),
    lastError: null,
    nextAttemptAt: null,
    apiUsage: { used: 1200, max: 15000, komaUsedToday: 30, budget: 750, percent: 5 },
    ...overrides,
  };
}

export function syncItem(index: number, overrides: Partial<SyncItem> = {}): SyncItem {
  return {
    id: `item-${index}`,
    seq: index,
    entity: 'call',
    entityId: `call-${index}`,
    op: 'upsert',
    state: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: todayAt(9, index % 60),
    summary: `山田 太郎 ${index}: call, connected (${todayAt(9, index % 60)})`,
    subject: {
      kind: 'call',
      leadName: `山田 太郎 ${index}`,
      companyName: '株式会社サクラテック',
      at: todayAt(9, index % 60),
      outcome: 'connected',
      status: null,
      reason: null,
      doNotCall: null,
      correction: false,
    },
    editable: [
      { path: 'notes', value: '予算を確認' },
      { path: 'outcome', value: 'connected' },
      { path: 'durationSec', value: 300 },
      { path: 'nextAction', value: null },
    ],
    ...overrides,
  };
}

export function syncConflict(overrides: Partial<SyncConflict> = {}): SyncConflict {
  return {
    id: 'conflict-1',
    leadId: 'lead-1',
    leadName: '佐藤 花子',
    companyName: '株式会社アオバ',
    crmId: '00Q000000000001AAA',
    createdAt: todayAt(9, 30),
    fields: [
      { field: 'Phone', local: '03-1111-2222', crm: '03-9999-0000' },
      { field: 'Title', local: null, crm: '部長' },
    ],
    ...overrides,
  };
}

export interface SyncBackendState {
  status: SyncStatus;
  items: SyncItem[];
  conflicts: SyncConflict[];
  settings: SyncSettings;
  secret: string | null;
  /** What each setup check answers, in turn (the last one repeats). */
  setupChecks: SetupCheck[];
  /** The check the backend keeps (the one after sign-in, or the last the rep ran). */
  lastSetupCheck: SetupCheck | null;
  /** The HubSpot token kept, and the one token the fake HubSpot accepts. */
  hubspotToken?: string | null;
  validHubSpotToken?: string;
  /** The kintone tokens kept, by app, and the tokens the fake kintone accepts (any other is refused). */
  kintoneTokens?: Partial<Record<'leads' | 'calls' | 'handoffs', string>>;
  validKintoneTokens?: Record<'leads' | 'calls' | 'handoffs', string>;
}

const mask = (secret: string) => `whsec_…${secret.slice(-4)}`;

/**
 * The sync commands over one in-memory outbox, answering the way the backend does: counts follow
 * the items, a retry moves attention items back to pending, an edit replaces the payload fields,
 * settings keep the secret to themselves and show only its masked hint.
 */
export function syncBackend(initial: Partial<SyncBackendState> = {}) {
  const state: SyncBackendState = {
    status: syncStatus(),
    items: [],
    conflicts: [],
    settings: structuredClone(defaultSyncSettings),
    secret: null,
    setupChecks: [],
    lastSetupCheck: null,
    ...initial,
  };
  const count = (s: SyncItem['state']) => state.items.filter((i) => i.state === s).length;
  const status = (): SyncStatus => ({ ...state.status, pending: count('pending'), attention: count('attention'), conflicts: state.conflicts.length });
  const view = () => ({
    settings: state.settings,
    webhookSecretHint: state.secret ? mask(state.secret) : null,
    hubspotTokenHint: state.hubspotToken ? `${state.hubspotToken.slice(0, 4)}…${state.hubspotToken.slice(-4)}` : null,
    kintoneTokenHints: {
      leads: state.kintoneTokens?.leads ? `${state.kintoneTokens.leads.slice(0, 4)}…${state.kintoneTokens.leads.slice(-4)}` : null,
      calls: state.kintoneTokens?.calls ? `${state.kintoneTokens.calls.slice(0, 4)}…${state.kintoneTokens.calls.slice(-4)}` : null,
      handoffs: state.kintoneTokens?.handoffs ? `${state.kintoneTokens.handoffs.slice(0, 4)}…${state.kintoneTokens.handoffs.slice(-4)}` : null,
    },
    callbackUrl: `http://127.0.0.1:${state.settings.salesforce.callbackPort}/callback` });

  const api = {
    'sync.status': vi.fn<NonNullable<FakeApi['sync.status']>>(async () => ok(status())),
    'sync.items': vi.fn<NonNullable<FakeApi['sync.items']>>(async (input) => {
      const chosen = state.items.filter((i) => input.state === 'all' || i.state === input.state);
      return ok({ items: chosen.slice(0, input.limit ?? 200), total: chosen.length });
    }),
    'sync.retry': vi.fn<NonNullable<FakeApi['sync.retry']>>(async (input) => {
      const ids = 'ids' in input ? input.ids : state.items.filter((i) => i.state === 'attention').map((i) => i.id);
      let retried = 0;
      state.items = state.items.map((i) => (ids.includes(i.id) && i.state === 'attention' ? (retried++, { ...i, state: 'pending' as const }) : i));
      return ok({ retried });
    }),
    'sync.editPayload': vi.fn<NonNullable<FakeApi['sync.editPayload']>>(async ({ id, patch }) => {
      const item = state.items.find((i) => i.id === id);
      if (!item) return fail('not_found', 'This item is no longer waiting; reload the list.');
      const edited: SyncItem = { ...item, state: 'pending', editable: item.editable.map((e) => (e.path in patch ? { ...e, value: patch[e.path]! } : e)) };
      state.items = state.items.map((i) => (i.id === id ? edited : i));
      return ok(edited);
    }),
    'sync.now': vi.fn<NonNullable<FakeApi['sync.now']>>(async () => ok(status())),
    'sync.conflicts': vi.fn<NonNullable<FakeApi['sync.conflicts']>>(async () => ok({ conflicts: state.conflicts })),
    'sync.setupCheck': vi.fn<NonNullable<FakeApi['sync.setupCheck']>>(async () => {
      const check = state.setupChecks.length > 1 ? state.setupChecks.shift()! : state.setupChecks[0];
      if (!check) return fail('conflict', 'Sign in to Salesforce first: the setup check reads the org you signed in to.');
      const missing = check.items.some((i) => i.required && !i.ok);
      state.status = { ...state.status, paused: missing ? { reason: 'setup_incomplete', message: 'setup', until: null } : null };
      state.lastSetupCheck = check;
      return ok(check);
    }),
    'sync.setupCheck.last': vi.fn<NonNullable<FakeApi['sync.setupCheck.last']>>(async () => ok(state.lastSetupCheck)),
    'sync.resolveConflict': vi.fn<NonNullable<FakeApi['sync.resolveConflict']>>(async ({ id }) => {
      state.conflicts = state.conflicts.filter((c) => c.id !== id);
      return ok({ resolved: true });
    }),
    'sync.settings.get': vi.fn<NonNullable<FakeApi['sync.settings.get']>>(async () => ok(view())),
    'sync.settings.save': vi.fn<NonNullable<FakeApi['sync.settings.save']>>(async (input) => {
      if (input.hubspotToken && input.hubspotToken !== state.validHubSpotToken) {
        return Promise.resolve({ ok: false as const, error: { code: 'invalid_input' as const, message: 'HubSpot does not accept this access token', issues: [{ path: 'hubspotToken', message: 'not a valid HubSpot access token' }] } });
      }
      if (input.hubspotToken) state.hubspotToken = input.hubspotToken;
      const refusedApp = (['leads', 'calls', 'handoffs'] as const).find((app) => input.kintoneTokens?.[app] && input.kintoneTokens[app] !== state.validKintoneTokens?.[app]);
      if (refusedApp) {
        return { ok: false as const, error: { code: 'invalid_input' as const, message: 'kintone does not accept this API token', issues: [{ path: `kintoneTokens.${refusedApp}`, message: 'not a token of this app' }] } };
      }
      for (const app of ['leads', 'calls', 'handoffs'] as const) {
        const token = input.kintoneTokens?.[app];
        if (token) state.kintoneTokens = { ...state.kintoneTokens, [app]: token };
      }
      state.settings = syncSettingsSchema.parse(input.settings);
      if (input.webhookSecret === null) state.secret = null;
      else if (input.webhookSecret !== undefined) state.secret = input.webhookSecret;
      state.status = { ...state.status, connector: input.settings.connector };
      return ok(view());
    }),
    'sync.signIn': vi.fn<NonNullable<FakeApi['sync.signIn']>>(async () => {
      state.status = { ...state.status, signingIn: true };
      return ok({ authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize?client_id=koma-test-client&state=abc', redirectUri: 'http://127.0.0.1:17170/callback' });
    }),
    'sync.signOut': vi.fn<NonNullable<FakeApi['sync.signOut']>>(async () => {
      state.status = { ...state.status, signedIn: false, signingIn: false };
      return ok(status());
    }),
  } satisfies FakeApi;
  return { api, state };
}

export interface SyncRenderOptions {
  language?: Language;
  mode?: AppInfo['mode'];
  pollMs?: number;
}

/** The whole app over a fake API with the sync clock fixed on the test's Monday and a short poll. */
export function renderSyncApp(api: FakeApi, options: SyncRenderOptions = {}) {
  const stores = createStores(createClient(sendThroughPreload({ 'app.info': () => ok({ ...appInfo(3), mode: options.mode ?? 'browser' }), 'callList.page': pagedCallList(3), ...api })), {
    searchDebounceMs: 10,
    saveFile: vi.fn<SaveFile>(),
    sync: { now: () => testNow, pollMs: options.pollMs ?? 60_000 },
  });
  const i18n = createI18n({ language: options.language ?? 'ja', root: document.documentElement });
  const user = userEvent.setup();
  const view = render(<Root i18n={i18n} stores={stores} />);
  return { ...view, stores, i18n, user };
}
