import { z } from 'zod';
import { KomaError } from '../../../shared/contract';
import { connectorKindSchema, setupCheckSchema, type SetupCheck, type SyncConflict, type SyncItem, type SyncSettings, type SyncStatus, type SyncSubject, type syncSettingsSaveInput } from '../../../shared/contract/sync';
import type { BackendContext } from '../core/context';
import { itemBackoff, probeBackoff, type BackoffPolicy } from './backoff';
import { listConflicts, openConflictCount, resolveConflict } from './conflicts';
import { realTimers, SyncEngine, type Timers } from './engine';
import type { FetchLike } from './http';
import { leadRefs } from './lookups';
import { findRow, listRows, makeAllDue, nextDueAt, outboxCounts, replacePayload, retryItems, type OutboxRow } from './outbox';
import { applyPatch, isEditablePath, parsePayload, PayloadError, scalarLeaves, type Scalar } from './payloads';
import { QuotaMeter } from './quota';
import { SalesforceApi } from './salesforce/api';
import { createSalesforceConnector } from './salesforce/connector';
import { SalesforceSession } from './salesforce/session';
import { SignInFlow } from './salesforce/signIn';
import { createFileSecretStore } from './secrets/fileSecretStore';
import { secretKeys, type SecretStore } from './secrets/types';
import { readSyncSettings, writeSyncSettings } from './settings';
import { deleteState, readState, stateKeys, writeState } from './state';
import { createTeamService, type TeamService } from './team';
import { SyncRequestError, type Connector } from './types';
import { createWebhookConnector } from './webhook/connector';
import { HubSpotApi, readTokenInfo } from './hubspot/api';
import { createHubSpotConnector } from './hubspot/connector';
import { refusedHubSpotValues } from './hubspot/valueCheck';
import { KintoneApi } from './kintone/api';
import { createKintoneConnector } from './kintone/connector';
import { kintoneApps, type KintoneApp } from '../../../shared/contract/sync';
import { kintoneTokenKey } from './secrets/types';
import { maskSecret } from './webhook/signature';

export interface SyncOptions {
  /** Where the refresh token and webhook secret go; default: an encrypted file in the data folder. */
  secrets?: SecretStore;
  /** Opens a URL in the system browser; without one, the sign-in URL is only returned to the UI. */
  openExternal?: (url: string) => void | Promise<void>;
  fetch?: FetchLike;
  random?: () => number;
  timers?: Timers;
  requestTimeoutMs?: number;
  itemBackoff?: BackoffPolicy;
  probeBackoff?: BackoffPolicy;
  idleMs?: number;
  limitPauseMs?: number;
  /** Pages of each pull per run (default 10): tests make the budget run out sooner. */
  pullPages?: number;
  signInWaitMs?: number;
  /** Start the background loop with the backend (the app); tests drive the engine themselves. */
  autoStart?: boolean;
}

type SaveInput = z.output<typeof syncSettingsSaveInput>;
interface SettingsView {
  settings: SyncSettings;
  webhookSecretHint: string | null;
  hubspotTokenHint: string | null;
  kintoneTokenHints: Record<KintoneApp, string | null>;
  callbackUrl: string;
}

const stringState = z.string();

/** Everything sync, behind the commands: the engine, the connectors, the session, settings and secrets. */
export interface SyncService {
  readonly engine: SyncEngine;
  /** The manager's Team screen, read through the connector (team.ts). */
  readonly team: TeamService;
  readonly secrets: SecretStore;
  status(): Promise<SyncStatus>;
  items(state: 'pending' | 'attention' | 'all', limit: number): { items: SyncItem[]; total: number };
  retry(ids: readonly string[] | 'all'): number;
  editPayload(id: string, patch: Record<string, Scalar>): SyncItem;
  syncNow(): Promise<SyncStatus>;
  getSettings(): Promise<SettingsView>;
  saveSettings(input: SaveInput): Promise<SettingsView>;
  signIn(): Promise<{ authorizeUrl: string; redirectUri: string }>;
  signOut(): Promise<SyncStatus>;
  conflicts(): SyncConflict[];
  resolveConflict(id: string, keep: 'local' | 'crm'): boolean;
  /** Checks the org's setup; while a required item is missing, syncing stays paused. */
  setupCheck(): Promise<SetupCheck>;
  /** The last check of the CRM in use (kept across restarts), without reading the CRM again. */
  lastSetupCheck(): SetupCheck | null;
  start(): void;
  stop(): Promise<void>;
}

/** The CRM's name as its vendor writes it, for the log and the pause message (the renderer words its own). */
function crmTitle(kind: Connector['name']): string {
  return { salesforce: 'Salesforce', hubspot: 'HubSpot', kintone: 'kintone', webhook: 'webhook' }[kind];
}

/** The pause that holds sync while the org's setup is incomplete, or being checked after sign-in. */
const lastCheckSchema = z.object({ connector: connectorKindSchema, check: setupCheckSchema });

function setupPause(reason: 'setup_incomplete' | 'setup_checking', message: string) {
  return { reason, message, until: null };
}

const isSetupPause = (reason: string | undefined) => reason === 'setup_incomplete' || reason === 'setup_checking';

function summaryOf(row: OutboxRow, payload: unknown, leadName: (id: string) => string): string {
  const p = payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (`${row.entity}/${row.op}`) {
    case 'call/upsert':
      return `${str(p.leadName)}: call, ${str(p.outcome)} (${str(p.startedAt)})`;
    case 'lead/status':
      return `${leadName(row.entity_id)}: status ${str(p.status)}${p.recycleReason ? ` (${str(p.recycleReason)})` : ''}${p.excludeReason ? ` (${str(p.excludeReason)})` : ''}`;
    case 'lead/do_not_call':
      return `${leadName(row.entity_id)}: do not call ${p.doNotCall ? 'on' : 'off'}`;
    case 'lead/details':
      return `${leadName(row.entity_id)}: name and contact details`;
    case 'handoff/upsert':
      return `${str(p.leadName)} (${str(p.companyName)}): handoff${p.correction ? ' correction' : ''}`;
    case 'slot/upsert':
      return `call block ${str(p.startsAt)}`;
    case 'slot/delete':
      return `call block removed`;
    default:
      return `${row.entity} ${row.op} ${row.entity_id}`;
  }
}

/** The lead an outbox row is about: the row's own id for a lead, the payload's leadId otherwise. */
function leadIdOf(row: OutboxRow): string {
  if (row.entity === 'lead') return row.entity_id;
  const leadId = (JSON.parse(row.payload) as { leadId?: unknown }).leadId;
  return typeof leadId === 'string' ? leadId : row.entity_id;
}

/** The item's subject as fields, for the renderer to word (see syncSubjectSchema). */
function subjectOf(row: OutboxRow, payload: unknown, lead: (id: string) => { fullName: string; companyName: string } | undefined): SyncSubject {
  const p = payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const leadId = row.entity === 'lead' ? row.entity_id : str(p.leadId);
  const ref = leadId ? lead(leadId) : undefined;
  const base: SyncSubject = {
    kind: 'other',
    leadName: ref?.fullName ?? str(p.leadName),
    companyName: ref?.companyName ?? str(p.companyName),
    at: null,
    outcome: null,
    status: null,
    reason: null,
    doNotCall: null,
    correction: false,
  };
  switch (`${row.entity}/${row.op}`) {
    case 'call/upsert':
      return { ...base, kind: 'call', at: str(p.startedAt), outcome: str(p.outcome) };
    case 'lead/status':
      return { ...base, kind: 'status', at: str(p.changedAt), status: str(p.status), reason: str(p.recycleReason) ?? str(p.excludeReason) };
    case 'lead/do_not_call':
      return { ...base, kind: 'do_not_call', at: str(p.changedAt), doNotCall: p.doNotCall === true };
    case 'lead/details':
      return { ...base, kind: 'details', at: str(p.changedAt) };
    case 'handoff/upsert':
      return { ...base, kind: 'handoff', at: str(p.createdAt), correction: p.correction === true };
    case 'followup/upsert':
      // The template's kind (お礼, 資料送付…) rides in `reason`, a code the renderer words.
      return { ...base, kind: 'followup', at: str(p.createdAt), reason: str(p.kind) };
    case 'slot/upsert':
      return { ...base, kind: 'slot', at: str(p.startsAt) };
    case 'slot/delete':
      return { ...base, kind: 'slot_removed', at: str(p.changedAt) };
    default:
      return base;
  }
}

export function createSyncService(ctx: BackendContext, options: SyncOptions, logError: (message: string, error: unknown) => void): SyncService {
  const { db, clock } = ctx;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const secrets = options.secrets ?? createFileSecretStore(ctx.dataDir);
  let closed = false;

  const settings = () => readSyncSettings(db);
  const meter = new QuotaMeter(db, clock, () => settings().quotaPercent);
  const session = new SalesforceSession({ db, clock, secrets, fetch: fetchImpl, timeoutMs, closed: () => closed });
  const api = new SalesforceApi({ session, meter, fetch: fetchImpl, clock, timeoutMs, apiVersion: () => settings().salesforce.apiVersion });
  const salesforce = createSalesforceConnector({ api, session, settings: () => settings().salesforce, leadRefs: (ids) => leadRefs(db, ids), meter });
  const webhook = createWebhookConnector({
    url: () => settings().webhook.url,
    secret: () => secrets.get(secretKeys.webhookSecret),
    fetch: fetchImpl,
    clock,
    timeoutMs,
    userAgent: `Koma/${ctx.version}`,
  });
  // A token HubSpot answered 401 to is not used again until another is pasted (it was revoked or rotated).
  let refusedToken: string | null = null;
  const hubspotToken = async () => {
    const token = await secrets.get(secretKeys.hubspotToken);
    return token === refusedToken ? null : token;
  };
  const hubspotMeter = new QuotaMeter(db, clock, () => settings().quotaPercent, stateKeys.hubspotQuota);
  const hubspotApi = new HubSpotApi({ baseUrl: () => settings().hubspot.baseUrl, token: hubspotToken, meter: hubspotMeter, fetch: fetchImpl, clock, timeoutMs, onTokenRefused: (token) => {
    refusedToken = token;
  } });
  const hubspot = createHubSpotConnector({ api: hubspotApi, settings: () => settings().hubspot, token: hubspotToken, leadRefs: (ids) => leadRefs(db, ids), meter: hubspotMeter });
  // A token kintone refused (another app's, revoked, without permission) is not used again until another is saved.
  const refusedKintone = new Map<KintoneApp, string>();
  const kintoneToken = async (app: KintoneApp) => {
    const token = await secrets.get(kintoneTokenKey(app));
    return token !== null && refusedKintone.get(app) === token ? null : token;
  };
  const kintoneMeter = new QuotaMeter(db, clock, () => settings().quotaPercent, stateKeys.kintoneQuota);
  const kintoneApi = new KintoneApi({ baseUrl: () => settings().kintone.baseUrl, token: kintoneToken, meter: kintoneMeter, fetch: fetchImpl, clock, timeoutMs });
  const kintone = createKintoneConnector({
    api: kintoneApi,
    settings: () => settings().kintone,
    hasToken: async (app) => (await kintoneToken(app)) !== null,
    refuseToken: async (app) => {
      const token = await secrets.get(kintoneTokenKey(app));
      if (token !== null) refusedKintone.set(app, token);
    },
    leadRefs: (ids) => leadRefs(db, ids),
    meter: kintoneMeter,
  });
  const connectors: Record<Connector['name'], Connector> = { salesforce, hubspot, kintone, webhook };
  const connector = (): Connector | null => {
    const kind = settings().connector;
    return kind === 'none' ? null : connectors[kind];
  };
  /** What the CRM's schema told Koma is read again before the next write (any connector that caches it). */
  const forgetSchema = () => {
    for (const c of Object.values(connectors)) c.forgetSchema?.();
  };
  /** The lead mapping a conflict is resolved with: the chosen CRM's, else Salesforce's (a conflict only comes from a pull). */
  const leadMapping = () => connector()?.pull?.leadMapping() ?? settings().salesforce;

  const engine = new SyncEngine({
    ctx,
    connector,
    settings,
    random,
    timers,
    itemBackoff: options.itemBackoff ?? itemBackoff,
    probeBackoff: options.probeBackoff ?? probeBackoff,
    idleMs: options.idleMs ?? 5_000,
    limitPauseMs: options.limitPauseMs ?? 60 * 60_000,
    pullPages: options.pullPages ?? 10,
    logError,
  });

  const signInFlow = new SignInFlow({
    fetch: fetchImpl,
    clock,
    timers,
    timeoutMs,
    waitMs: options.signInWaitMs ?? 5 * 60_000,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    complete: async (tokens, request) => {
      if (closed) return;
      const before = session.info();
      // Nothing is sent to the org until it has been checked, just below (a limit pause stays as it is).
      const holding = engine.pause() === null;
      if (holding) db.transaction(() => writeState(db, stateKeys.pause, setupPause('setup_checking', 'The Salesforce setup is being checked.'), clock.now().toISOString()))();
      const release = () => {
        if (isSetupPause(engine.pause()?.reason)) db.transaction(() => deleteState(db, stateKeys.pause))();
      };
      let info;
      try {
        info = await session.complete(tokens, request.loginUrl, request.clientId);
      } catch (error) {
        if (holding) release();
        throw error;
      }
      // Another user or org: the old pull positions mean nothing there.
      if (!before || before.userId !== info.userId || before.orgId !== info.orgId) {
        db.transaction(() => {
          deleteState(db, stateKeys.leadsCursor);
          deleteState(db, stateKeys.answersCursor);
          deleteState(db, stateKeys.lastPullAt);
          deleteState(db, stateKeys.setupCheck);
        })();
      }
      db.transaction(() => deleteState(db, stateKeys.lastError))();
      // The setup check runs by itself right after sign-in: while a required item is missing, sync
      // stays paused with the banner instead of filling "needs attention". A check that cannot run
      // (Salesforce unreachable) holds nothing back: each record's problem is still named when sent.
      await runSetupCheck().catch((error: unknown) => {
        if (closed) return;
        logError('the setup check after sign-in could not run', error);
        release();
      });
      engine.kick();
    },
    onFailure: (message) => {
      if (!closed) db.transaction(() => writeState(db, stateKeys.lastError, message, clock.now().toISOString()))();
    },
  });

  /**
   * Checks the signed-in org; pauses sync while a required item is missing and lifts that pause
   * once none is.
   */
  async function runSetupCheck(): Promise<SetupCheck> {
    const current = connector();
    if (current === salesforce && !session.info()) throw new KomaError('conflict', 'Sign in to Salesforce first: the setup check reads the org you signed in to.');
    if (!current?.setupCheck || !(await current.ready())) throw new KomaError('conflict', 'Connect a CRM first: the setup check reads the CRM Koma is connected to.');
    forgetSchema();
    const controller = new AbortController();
    let check: SetupCheck;
    try {
      check = await current.setupCheck(controller.signal, clock.now());
    } catch (error) {
      if (error instanceof SyncRequestError) throw new KomaError('conflict', `${crmTitle(current.name)} could not be checked: ${error.message}`);
      throw error;
    }
    if (closed) return check;
    const at = clock.now().toISOString();
    db.transaction(() => {
      const missing = check.items.filter((i) => i.required && !i.ok).length;
      writeState(db, stateKeys.setupCheck, { connector: current.name, check }, at);
      if (missing > 0) writeState(db, stateKeys.pause, setupPause('setup_incomplete', `${missing} required item(s) of the ${crmTitle(current.name)} setup are missing: see Settings → CRM connection → Setup check.`), at);
      else if (isSetupPause(engine.pause()?.reason)) deleteState(db, stateKeys.pause);
    })();
    return check;
  }

  /**
   * A pasted HubSpot token is read before it is kept: one HubSpot does not know is refused with
   * nothing changed. Another account than before starts the pull positions afresh.
   */
  async function connectHubSpot(token: string, baseUrl: string): Promise<boolean> {
    let info;
    try {
      info = await readTokenInfo(fetchImpl, baseUrl, token, timeoutMs);
    } catch (error) {
      if (error instanceof SyncRequestError) throw new KomaError('conflict', `HubSpot could not be reached to check the token: ${error.message}`);
      throw error;
    }
    if (!info) {
      throw new KomaError('invalid_input', 'HubSpot does not accept this access token: copy it again from the private app (Settings → Integrations → Private Apps → Auth).', [
        { path: 'hubspotToken', message: 'not a valid HubSpot access token' },
      ]);
    }
    await secrets.set(secretKeys.hubspotToken, token);
    refusedToken = null;
    const account = String(info.hubId ?? '');
    const before = readState(db, stateKeys.hubspotAccount, stringState);
    db.transaction(() => {
      if (before !== account) {
        deleteState(db, stateKeys.setupCheck);
        deleteState(db, stateKeys.leadsCursor);
        deleteState(db, stateKeys.answersCursor);
        deleteState(db, stateKeys.lastPullAt);
      }
      writeState(db, stateKeys.hubspotAccount, account, clock.now().toISOString());
      deleteState(db, stateKeys.lastError);
    })();
    return true;
  }

  /**
   * Pasted kintone API tokens are tried on their app's form (GET app/form/fields.json) before they
   * are kept: one kintone refuses is refused here with nothing changed. Another domain or leads
   * app than before starts the pull positions afresh. True when a token was kept.
   */
  async function connectKintone(input: SaveInput): Promise<boolean> {
    const given = input.kintoneTokens ?? {};
    const s = input.settings.kintone;
    const checked: [KintoneApp, string][] = [];
    for (const app of kintoneApps) {
      const token = given[app];
      if (!token) continue;
      if (!s.apps[app]) {
        throw new KomaError('invalid_input', `Enter the ${app} app's id (the number in its URL) before its API token.`, [{ path: `settings.kintone.apps.${app}`, message: 'required with a token' }]);
      }
      const probe = new KintoneApi({ baseUrl: () => s.baseUrl, token: async () => token, meter: kintoneMeter, fetch: fetchImpl, clock, timeoutMs });
      try {
        await probe.request('GET', '/k/v1/app/form/fields.json', [app], undefined, new AbortController().signal, new URLSearchParams({ app: s.apps[app] }));
      } catch (error) {
        if (error instanceof SyncRequestError && error.kind !== 'transient') {
          throw new KomaError('invalid_input', `kintone does not accept this API token for app ${s.apps[app]} (${error.message}): copy it again from the app's settings → API token, with 閲覧・追加・編集 allowed, and update the app.`, [
            { path: `kintoneTokens.${app}`, message: 'not a token of this app' },
          ]);
        }
        if (error instanceof SyncRequestError) throw new KomaError('conflict', `kintone could not be reached to check the token: ${error.message}`);
        throw error;
      }
      checked.push([app, token]);
    }
    for (const [app, token] of checked) {
      await secrets.set(kintoneTokenKey(app), token);
      refusedKintone.delete(app);
    }
    const account = `${s.baseUrl} ${s.apps.leads} ${s.apps.handoffs}`;
    const before = readState(db, stateKeys.kintoneAccount, stringState);
    db.transaction(() => {
      if (before !== null && before !== account) {
        deleteState(db, stateKeys.setupCheck);
        deleteState(db, stateKeys.leadsCursor);
        deleteState(db, stateKeys.answersCursor);
        deleteState(db, stateKeys.lastPullAt);
      }
      writeState(db, stateKeys.kintoneAccount, account, clock.now().toISOString());
      if (checked.length > 0) deleteState(db, stateKeys.lastError);
    })();
    return checked.length > 0;
  }

  /** Holds sync while the CRM just connected is checked; a check that cannot run holds nothing back. */
  async function checkAfterConnecting(message: string): Promise<void> {
    const holding = engine.pause() === null;
    if (holding) db.transaction(() => writeState(db, stateKeys.pause, setupPause('setup_checking', message), clock.now().toISOString()))();
    await runSetupCheck().catch((error: unknown) => {
      if (closed) return;
      logError('the setup check after connecting could not run', error);
      if (isSetupPause(engine.pause()?.reason)) db.transaction(() => deleteState(db, stateKeys.pause))();
    });
  }

  const leadNames = (ids: string[]) => {
    const refs = leadRefs(db, ids);
    const name = (id: string) => refs.get(id)?.fullName ?? id;
    return Object.assign(name, { ref: (id: string) => refs.get(id) });
  };

  function toItem(row: OutboxRow, leadName: ReturnType<typeof leadNames>): SyncItem {
    const payload = JSON.parse(row.payload) as unknown;
    return {
      id: row.id,
      seq: row.seq,
      entity: row.entity,
      entityId: row.entity_id,
      op: row.op,
      state: row.state === 'attention' ? 'attention' : 'pending',
      attempts: row.attempts,
      lastError: row.last_error,
      nextAttemptAt: row.next_attempt_at,
      createdAt: row.created_at,
      summary: summaryOf(row, payload, leadName),
      subject: subjectOf(row, payload, leadName.ref),
      editable: scalarLeaves(payload).filter((leaf) => isEditablePath(row.entity, row.op, leaf.path)),
    };
  }

  async function status(): Promise<SyncStatus> {
    const s = settings();
    const current = connector();
    const counts = outboxCounts(db);
    const now = clock.now();
    const pause = engine.pause();
    const activePause = pause && (pause.until === null || Date.parse(pause.until) > now.getTime()) ? pause : null;
    const waits = [nextDueAt(db), engine.network.nextProbeAt?.toISOString() ?? null, activePause?.until ?? null].filter((x): x is string => x !== null);
    return {
      connector: s.connector,
      configured: current ? await current.ready().catch(() => false) : false,
      signedIn: s.connector === 'hubspot' ? (await hubspotToken()) !== null : s.connector === 'kintone' ? await kintone.ready() : session.signedIn(),
      signingIn: signInFlow.pending,
      online: engine.network.online,
      paused: activePause,
      pending: counts.pending,
      attention: counts.attention,
      conflicts: openConflictCount(db),
      lastSuccessAt: readState(db, stateKeys.lastSuccessAt, stringState),
      lastError: readState(db, stateKeys.lastError, stringState),
      nextAttemptAt: counts.pending > 0 && waits.length > 0 ? waits.reduce((a, b) => (a > b ? a : b)) : null,
      apiUsage: current?.quota?.() ?? null,
    };
  }

  async function settingsView(): Promise<SettingsView> {
    const secret = await secrets.get(secretKeys.webhookSecret);
    const token = await secrets.get(secretKeys.hubspotToken);
    const mask = (t: string | null) => (t ? `${t.slice(0, 4)}…${t.slice(-4)}` : null);
    const kintoneTokenHints = { leads: mask(await secrets.get(kintoneTokenKey('leads'))), calls: mask(await secrets.get(kintoneTokenKey('calls'))), handoffs: mask(await secrets.get(kintoneTokenKey('handoffs'))) };
    const s = settings();
    return { settings: s, webhookSecretHint: secret ? maskSecret(secret) : null, hubspotTokenHint: mask(token), kintoneTokenHints, callbackUrl: `http://127.0.0.1:${s.salesforce.callbackPort}/callback` };
  }

  return {
    engine,
    team: createTeamService(ctx, connector),
    secrets,
    status,

    items(state, limit) {
      const rows = listRows(db, state === 'all' ? null : state, limit);
      const names = leadNames(rows.map(leadIdOf));
      const counts = outboxCounts(db);
      return {
        items: rows.map((r) => toItem(r, names)),
        total: state === 'all' ? counts.pending + counts.attention : counts[state],
      };
    },

    retry(ids) {
      const count = db.transaction(() => retryItems(db, ids, clock.now()))();
      forgetSchema();
      if (count > 0) engine.kick();
      return count;
    },

    editPayload(id, patch) {
      const row = findRow(db, id);
      if (!row || row.state === 'done') throw new KomaError('not_found', 'This item is no longer waiting; reload the list.');
      if (row.state !== 'attention') throw new KomaError('conflict', 'Only an item that needs attention can be edited.');
      const payload = JSON.parse(row.payload) as unknown;
      const leaves = new Map(scalarLeaves(payload).map((l) => [l.path, l.value]));
      const refused = Object.keys(patch).filter((path) => !isEditablePath(row.entity, row.op, path) || !leaves.has(path));
      if (refused.length > 0) {
        throw new KomaError(
          'invalid_input',
          `These fields cannot be edited: ${refused.join(', ')}`,
          refused.map((path) => ({ path: `patch.${path}`, message: 'not an editable field of this item' })),
        );
      }
      const next = applyPatch(payload, patch);
      try {
        parsePayload(row.entity, row.op, next);
      } catch (error) {
        if (error instanceof PayloadError) throw new KomaError('invalid_input', error.message);
        throw error;
      }
      db.transaction(() => replacePayload(db, row, next, clock.now()))();
      engine.kick();
      return toItem(findRow(db, id)!, leadNames([leadIdOf(row)]));
    },

    async setupCheck() {
      const check = await runSetupCheck();
      engine.kick();
      return check;
    },

    lastSetupCheck() {
      const last = readState(db, stateKeys.setupCheck, lastCheckSchema);
      return last && last.connector === connector()?.name ? last.check : null;
    },

    async syncNow() {
      forgetSchema();
      db.transaction(() => {
        makeAllDue(db, clock.now());
        // The rep asks to try again: a request-limit pause may be over early; Koma's own budget is not.
        if (engine.pause()?.reason === 'request_limit') deleteState(db, stateKeys.pause);
        writeState(db, stateKeys.lastPullAt, new Date(0).toISOString(), clock.now().toISOString());
      })();
      engine.kick();
      return status();
    },

    getSettings: settingsView,

    async saveSettings(input) {
      // A changed Lead Status or lifecycle stage value must be one HubSpot documents or the account has.
      const last = readState(db, stateKeys.setupCheck, lastCheckSchema);
      const stored = settings().hubspot;
      const refused = refusedHubSpotValues(input.settings.hubspot, last?.connector === 'hubspot' ? last.check.options : undefined).filter((r) => {
        const [group, status] = r.path.split('.').slice(3) as ['statuses' | 'lifecycleStages', keyof typeof stored.lead.statuses];
        return stored.lead[group][status] !== input.settings.hubspot.lead[group][status];
      });
      if (refused.length > 0) throw new KomaError('invalid_input', `HubSpot has no such value: ${refused.map((r) => r.message).join('; ')}. Nothing was changed.`, refused);
      if (input.webhookSecret === null) await secrets.delete(secretKeys.webhookSecret);
      else if (input.webhookSecret !== undefined) await secrets.set(secretKeys.webhookSecret, input.webhookSecret);
      const newToken = input.hubspotToken ? await connectHubSpot(input.hubspotToken, input.settings.hubspot.baseUrl) : false;
      if (input.hubspotToken === null) await secrets.delete(secretKeys.hubspotToken);
      const newKintoneToken = input.settings.connector === 'kintone' || input.kintoneTokens ? await connectKintone(input) : false;
      for (const app of kintoneApps) if (input.kintoneTokens?.[app] === null) await secrets.delete(kintoneTokenKey(app));
      db.transaction(() => writeSyncSettings(db, input.settings, clock.now().toISOString()))();
      forgetSchema();
      if (newToken && input.settings.connector === 'hubspot') await checkAfterConnecting('The HubSpot setup is being checked.');
      if (newKintoneToken && input.settings.connector === 'kintone' && (await kintone.ready())) await checkAfterConnecting('The kintone setup is being checked.');
      engine.kick();
      return settingsView();
    },

    async signIn() {
      const s = settings().salesforce;
      if (!s.clientId) {
        throw new KomaError('invalid_input', "Enter the External Client App's consumer key (client id) in the sync settings first.", [
          { path: 'settings.salesforce.clientId', message: 'required to sign in' },
        ]);
      }
      try {
        return await signInFlow.start({ loginUrl: s.loginUrl, clientId: s.clientId, port: s.callbackPort });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new KomaError('conflict', `Port ${s.callbackPort} is in use; close what uses it or change the callback port (and the app's callback URL).`);
        throw error;
      }
    },

    async signOut() {
      signInFlow.cancel();
      const info = session.info();
      const token = await session.refreshTokenForRevoke();
      if (info && token) {
        // Best effort: a revoked token cannot be used by anyone who copied the file.
        await fetchImpl(new URL('/services/oauth2/revoke', info.loginUrl).toString(), {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }).toString(),
          signal: AbortSignal.timeout(Math.min(timeoutMs, 10_000)),
        }).catch(() => undefined);
      }
      await session.forget();
      return status();
    },

    conflicts: () => listConflicts(db),

    resolveConflict(id, keep) {
      const resolved = resolveConflict(ctx, id, keep, leadMapping(), engine.inFlight);
      engine.kick();
      return resolved;
    },

    start: () => engine.start(),

    async stop() {
      closed = true;
      signInFlow.cancel();
      await engine.stop();
    },
  };
}
