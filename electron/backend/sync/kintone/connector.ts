import { z } from 'zod';
import { kintoneApps, type KintoneApp, type KintoneSettings } from '../../../../shared/contract/sync';
import type { LeadRef } from '../lookups';
import { confirmSlots, parseBatch } from '../batchPayloads';
import type { ParsedPayload } from '../payloads';
import type { QuotaMeter } from '../quota';
import { SyncRequestError, type BatchResult, type Connector, type FailureKind, type ItemResult, type LeadEcho, type OutboxItem, type Puller, type PullCursor } from '../types';
import { KintoneRefusal, type KintoneApi } from './api';
import { recordIndexOf } from './errors';
import { leadEcho, planItem, type ItemPlan, type KintoneRecord, type Write } from './mapping';
import { answerQuery, kintonePageSize, leadQuery, pullFields, toCrmAnswer, toCrmLead } from './pull';
import { checkKintoneSetup } from './setupCheck';

/**
 * "一度に100件まで" records per write (複数のレコードを登録する / 更新する:
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records) and at most 20 requests in one
 * bulkRequest (https://cybozu.dev/ja/kintone/docs/rest-api/records/bulk-request). A batch of 100
 * items writes at most 100 leads, 100 call log and 100 handoff records: four requests at most.
 */
export const kintoneRecordLimit = 100;
export const kintoneBulkLimit = 20;

export interface KintoneConnectorDeps {
  api: KintoneApi;
  settings: () => KintoneSettings;
  /** Whether the app's token is stored and not refused by kintone. */
  hasToken: (app: KintoneApp) => Promise<boolean>;
  /** kintone refused the app's token (another app's, revoked, without permission): unused until another is saved. */
  refuseToken: (app: KintoneApp) => Promise<void>;
  leadRefs: (leadIds: readonly string[]) => Map<string, LeadRef>;
  meter: QuotaMeter;
}

const updateAnswer = z.object({ records: z.array(z.object({ id: z.string() }).passthrough()) }).passthrough();
const bulkAnswer = z.object({ results: z.array(updateAnswer) });
const recordsAnswer = z.object({ records: z.array(z.record(z.string(), z.object({ type: z.string().optional(), value: z.unknown() }).passthrough())) }).passthrough();

function failure(id: string, kind: FailureKind, code: string, message: string): ItemResult {
  return { id, ok: false, kind, code, message };
}

interface Merged {
  write: Write;
  itemIds: string[];
}

/** One PUT records.json of a bulkRequest: by record id, or an upsert by Koma's id. */
interface Request {
  app: KintoneApp;
  mode: 'id' | 'upsert';
  records: Merged[];
}

/** Writes in dependency order (the lead first), by app and mode, at most 100 records a request. */
function requestsOf(merged: Merged[]): Request[] {
  const out: Request[] = [];
  for (const app of kintoneApps) {
    for (const mode of ['id', 'upsert'] as const) {
      const group = merged.filter((m) => m.write.app === app && (m.write.recordId !== null) === (mode === 'id'));
      for (let start = 0; start < group.length; start += kintoneRecordLimit) out.push({ app, mode, records: group.slice(start, start + kintoneRecordLimit) });
    }
  }
  return out;
}

function payloadOf(r: Request, s: KintoneSettings, appId: string): unknown {
  if (r.mode === 'id') return { app: appId, records: r.records.map((m) => ({ id: m.write.recordId, record: withoutKey(m.write.record, null) })) };
  return { app: appId, upsert: true, records: r.records.map((m) => ({ updateKey: { field: s.idField, value: m.write.komaId }, record: withoutKey(m.write.record, s.idField) })) };
}

/** The updateKey's field is named by updateKey, not written in the record. */
function withoutKey(record: KintoneRecord, key: string | null): KintoneRecord {
  if (key === null) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * Pushes outbox items to kintone and pulls the rep's leads and field sales' answers back. One send
 * is one bulkRequest: an item's records (the lead and its call, or its handoff) are stored together
 * or not at all, so a lost answer or a refusal never leaves half an item in kintone.
 */
export function createKintoneConnector(deps: KintoneConnectorDeps): Connector {
  async function guard<T>(apps: readonly KintoneApp[], run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof KintoneRefusal && error.kind === 'auth') for (const app of apps) await deps.refuseToken(app);
      throw error;
    }
  }

  async function send(items: readonly OutboxItem[], signal: AbortSignal): Promise<BatchResult> {
    const s = deps.settings();
    const results = new Map<string, ItemResult>();
    const parsed = parseBatch(items, results);
    // The rep's call blocks (week plan) have no kintone record: confirmed, nothing sent.
    confirmSlots(parsed, results);
    const leadOf = (p: ParsedPayload) => ('leadId' in p.payload ? p.payload.leadId : '');
    const refs = deps.leadRefs([...parsed.values()].map(leadOf));
    const plans = new Map<string, ItemPlan>();
    for (const [id, p] of parsed) {
      const ref = refs.get(leadOf(p));
      if (!ref) results.set(id, failure(id, 'permanent', 'UNKNOWN_LEAD', `The lead ${leadOf(p)} is no longer in Koma`));
      else plans.set(id, planItem(p, ref, s));
    }

    // Units to send; a refusal that names no record splits its unit until it does.
    const queue: string[][] = [[...plans.keys()]];
    while (queue.length > 0) {
      const unit = queue.shift()!.filter((id) => !results.has(id));
      if (unit.length === 0) continue;
      const outcome = await attempt(unit, s, plans, results, signal);
      if (outcome === 'split') queue.unshift(unit.slice(0, Math.ceil(unit.length / 2)), unit.slice(Math.ceil(unit.length / 2)));
      else if (outcome === 'again') queue.unshift(unit);
      else if (outcome instanceof SyncRequestError) {
        return { results: [...results.values()], stopped: outcome, ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}) };
      }
    }
    return { results: [...results.values()] };
  }

  /** One bulkRequest for these items: 'done' (each item settled), 'again' (a record was refused and its items set aside), 'split', or the error that stops the send. */
  async function attempt(unit: string[], s: KintoneSettings, plans: Map<string, ItemPlan>, results: Map<string, ItemResult>, signal: AbortSignal): Promise<'done' | 'again' | 'split' | SyncRequestError> {
    const byKey = new Map<string, Merged>();
    for (const id of unit) {
      for (const w of plans.get(id)!.writes) {
        const existing = byKey.get(w.key);
        if (existing) {
          Object.assign(existing.write.record, w.record);
          existing.itemIds.push(id);
        } else byKey.set(w.key, { write: { ...w, record: { ...w.record } }, itemIds: [id] });
      }
    }
    const requests = requestsOf([...byKey.values()]);
    if (requests.length > kintoneBulkLimit) return 'split';
    let answer: z.infer<typeof bulkAnswer>;
    try {
      const raw = await deps.api.request(
        'POST',
        '/k/v1/bulkRequest.json',
        requests.map((r) => r.app),
        { requests: requests.map((r) => ({ method: 'PUT', api: '/k/v1/records.json', payload: payloadOf(r, s, s.apps[r.app]) })) },
        signal,
      );
      const parsed = bulkAnswer.safeParse(raw);
      if (!parsed.success) return new SyncRequestError('transient', 'MALFORMED', 'kintone answered a bulk request with an unexpected body');
      answer = parsed.data;
    } catch (error) {
      if (!(error instanceof SyncRequestError)) throw error;
      if (!(error instanceof KintoneRefusal)) return error;
      if (error.kind === 'auth') {
        const apps = error.index !== null && requests[error.index] ? [requests[error.index]!.app] : [...new Set(requests.map((r) => r.app))];
        for (const app of apps) await deps.refuseToken(app);
        return error;
      }
      if (error.kind !== 'permanent') return error;
      // kintone stored nothing of the bulk; the record it names waits for attention with its items.
      const request = error.index !== null ? requests[error.index] : undefined;
      const at = recordIndexOf(error.body);
      const named = request && at !== null ? request.records[at] : undefined;
      if (named && request) {
        for (const id of named.itemIds) results.set(id, failure(id, 'permanent', error.code, `${request.app}: ${error.message}`));
        return 'again';
      }
      if (unit.length > 1) return 'split';
      results.set(unit[0]!, failure(unit[0]!, 'permanent', error.code, error.message));
      return 'done';
    }
    // "records[].id … 更新したレコードのレコードID", in the order of the request.
    const ids = new Map<string, string>();
    requests.forEach((r, i) => {
      const got = answer.results[i]?.records ?? [];
      r.records.forEach((m, j) => {
        const id = got[j]?.id;
        if (id) ids.set(m.write.key, id);
      });
    });
    for (const id of unit) {
      const plan = plans.get(id)!;
      const missing = plan.writes.find((w) => !ids.has(w.key));
      if (missing) {
        results.set(id, failure(id, 'transient', 'NO_ID', `kintone did not confirm the ${missing.app} record ${missing.komaId}`));
        continue;
      }
      const lead = plan.writes.find((w) => w.app === 'leads');
      const echo: LeadEcho | undefined = lead ? { leadId: lead.leadId!, crmId: ids.get(lead.key)!, fields: leadEcho(byKey.get(lead.key)!.write.record, s) } : undefined;
      results.set(id, { id, ok: true, crmId: ids.get(plan.primary) ?? null, ...(echo ? { leadEcho: echo } : {}) });
    }
    return 'done';
  }

  async function readPage(app: 'leads' | 'handoffs', query: string, signal: AbortSignal) {
    const s = deps.settings();
    const params = new URLSearchParams({ app: s.apps[app], query });
    pullFields(s, app).forEach((f, i) => params.set(`fields[${i}]`, f));
    const raw = await guard([app], () => deps.api.request('GET', '/k/v1/records.json', [app], undefined, signal, params));
    const parsed = recordsAnswer.safeParse(raw);
    if (!parsed.success) throw new SyncRequestError('transient', 'MALFORMED', 'kintone answered a records query with an unexpected body');
    return parsed.data.records as Record<string, { type?: string; value?: unknown }>[];
  }

  /**
   * One page after the cursor. The engine reads its overlap (a new run starts a minute before the
   * last one ended) to its end, page after page: 更新日時 keeps minutes, so a record edited in the
   * minute the last run ended may sort among thousands stamped alike (a bulk import).
   */
  async function pageSince<T>(
    app: 'leads' | 'handoffs',
    cursor: PullCursor | null,
    query: (c: PullCursor | null) => string,
    map: (r: Record<string, { type?: string; value?: unknown }>) => T,
    signal: AbortSignal,
  ): Promise<T[]> {
    return (await readPage(app, query(cursor), signal)).map(map);
  }

  const pull: Puller = {
    pageSize: kintonePageSize,
    leadMapping: () => deps.settings(),
    async leadsSince(cursor, signal) {
      const s = deps.settings();
      if (!s.ownerLogin) throw new SyncRequestError('permanent', 'NO_OWNER', 'Enter your kintone login name in Settings → CRM connection: Koma pulls the leads whose 担当者 you are.');
      return pageSince('leads', cursor, (c) => leadQuery(s, c), (r) => toCrmLead(r, s), signal);
    },
    async answersSince(cursor, signal) {
      const s = deps.settings();
      if (s.handoffFields.fieldState === null && s.handoffFields.fieldReason === null) return [];
      return pageSince('handoffs', cursor, (c) => answerQuery(s, c), (r) => toCrmAnswer(r, s), signal);
    },
  };

  return {
    name: 'kintone',
    maxBatch: kintoneRecordLimit,
    async ready() {
      const s = deps.settings();
      for (const app of kintoneApps) if (!s.apps[app] || !(await deps.hasToken(app))) return false;
      return true;
    },
    send,
    pull,
    setupCheck: (signal, now) => checkKintoneSetup(deps.api, deps.settings(), deps.hasToken, signal, now),
    quota: () => deps.meter.snapshot(),
  };
}
