import { z } from 'zod';
import type { HubSpotSettings } from '../../../../shared/contract/sync';
import type { LeadRef } from '../lookups';
import { confirmSlots, parseBatch } from '../batchPayloads';
import type { ParsedPayload } from '../payloads';
import type { QuotaMeter } from '../quota';
import { SyncRequestError, type BatchResult, type Connector, type FailureKind, type ItemResult, type LeadEcho, type OutboxItem, type Puller } from '../types';
import { HubSpotRefusal, type HubSpotApi, type HubSpotObject } from './api';
import { contactEcho, objectTypes, planItem, type ItemPlan, type ObjectType, type Write } from './mapping';
import { contactQuery, dealQuery, keysetPage, searchPageSize, toCrmAnswer, toCrmLead } from './pull';
import { checkHubSpotSetup } from './setupCheck';

/**
 * "Batch … endpoints are limited to 100 records per request" (CRM objects, batch create/update/
 * upsert: https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/batch/upsert-contacts).
 */
export const hubspotBatchLimit = 100;

export interface HubSpotConnectorDeps {
  api: HubSpotApi;
  settings: () => HubSpotSettings;
  token: () => Promise<string | null>;
  leadRefs: (leadIds: readonly string[]) => Map<string, LeadRef>;
  meter: QuotaMeter;
}

const ownersAnswer = z.object({ results: z.array(z.object({ id: z.string(), email: z.string().nullable().optional() }).passthrough()) });

function failure(id: string, kind: FailureKind, code: string, message: string): ItemResult {
  return { id, ok: false, kind, code, message };
}

export interface HubSpotConnector extends Connector {
  /** The HubSpot owner id of the rep (by the email in the settings), read once per settings. */
  ownerId(signal: AbortSignal): Promise<string | null>;
}

/**
 * Pushes outbox items to HubSpot and pulls the rep's owned contacts and field sales' answers on
 * deals back. An item is confirmed only when every record it needs was written and associated.
 */
export function createHubSpotConnector(deps: HubSpotConnectorDeps): HubSpotConnector {
  let owner: { key: string; id: Promise<string | null> } | null = null;

  function ownerId(signal: AbortSignal): Promise<string | null> {
    const s = deps.settings();
    const key = `${s.baseUrl} ${s.ownerEmail}`;
    if (!s.ownerEmail) return Promise.resolve(null);
    if (!owner || owner.key !== key) {
      // Owners API: GET /crm/v3/owners/?email= (https://developers.hubspot.com/docs/api/crm/owners).
      const id = deps.api.get(`/crm/v3/owners/?email=${encodeURIComponent(s.ownerEmail)}&limit=1`, signal).then((answer) => {
        const parsed = ownersAnswer.safeParse(answer);
        return parsed.success ? (parsed.data.results[0]?.id ?? null) : null;
      });
      const entry = { key, id };
      owner = entry;
      id.catch(() => {
        if (owner === entry) owner = null;
      });
    }
    return owner.id;
  }

  async function send(items: readonly OutboxItem[], signal: AbortSignal): Promise<BatchResult> {
    const s = deps.settings();
    const results = new Map<string, ItemResult>();
    const plans = new Map<string, ItemPlan>();
    const parsed = parseBatch(items, results);
    // The rep's call blocks (week plan) have no HubSpot counterpart Koma writes: confirmed, nothing sent.
    confirmSlots(parsed, results);
    const leadOf = (p: ParsedPayload) => ('leadId' in p.payload ? p.payload.leadId : '');
    const refs = deps.leadRefs([...parsed.values()].map(leadOf));
    let rep: string | null = null;
    try {
      rep = [...parsed.values()].some((p) => p.kind === 'call') ? await ownerId(signal) : null;
    } catch (error) {
      if (!(error instanceof SyncRequestError) || error.kind !== 'permanent') throw error;
    }
    for (const [id, p] of parsed) {
      const ref = refs.get(leadOf(p));
      if (!ref) results.set(id, failure(id, 'permanent', 'UNKNOWN_LEAD', `The lead ${leadOf(p)} is no longer in Koma`));
      else plans.set(id, planItem(p, ref, s, rep));
    }

    const ids = new Map<string, string>();
    const written = new Map<string, Record<string, string>>();
    const stop = (error: SyncRequestError): BatchResult => {
      settle(true);
      return { results: [...results.values()], stopped: error, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
    };
    const live = () => [...plans].filter(([id]) => !results.has(id));

    for (const type of objectTypes) {
      const byKey = new Map<string, { write: Write; itemIds: string[] }>();
      for (const [id, plan] of live()) {
        for (const w of plan.writes) {
          if (w.type !== type) continue;
          const existing = byKey.get(w.key);
          if (existing) {
            Object.assign(existing.write.properties, w.properties);
            existing.itemIds.push(id);
          } else byKey.set(w.key, { write: { ...w, properties: { ...w.properties } }, itemIds: [id] });
        }
      }
      const all = [...byKey.values()];
      for (const mode of ['upsert', 'update'] as const) {
        const group = all.filter((x) => (mode === 'update') === (x.write.hsId !== null));
        for (let start = 0; start < group.length; start += hubspotBatchLimit) {
          try {
            await writeChunk(type, mode, group.slice(start, start + hubspotBatchLimit), s, signal, ids, written, results);
          } catch (error) {
            if (!(error instanceof SyncRequestError)) throw error;
            return stop(error);
          }
        }
      }
    }

    // Default associations, by pair of object types, once both records exist.
    const pairs = new Map<string, { from: ObjectType; to: ObjectType; list: { from: string; to: string; itemIds: string[] }[] }>();
    for (const [id, plan] of live()) {
      for (const [fromKey, toKey] of plan.associations) {
        const from = ids.get(fromKey);
        const to = ids.get(toKey);
        if (!from || !to) continue;
        const fromType = fromKey.split(':')[0] as ObjectType;
        const toType = toKey.split(':')[0] as ObjectType;
        const group = pairs.get(`${fromType}/${toType}`) ?? { from: fromType, to: toType, list: [] };
        const same = group.list.find((x) => x.from === from && x.to === to);
        if (same) same.itemIds.push(id);
        else group.list.push({ from, to, itemIds: [id] });
        pairs.set(`${fromType}/${toType}`, group);
      }
    }
    for (const group of pairs.values()) {
      for (let start = 0; start < group.list.length; start += hubspotBatchLimit) {
        const chunk = group.list.slice(start, start + hubspotBatchLimit);
        try {
          await deps.api.associate(group.from, group.to, chunk, signal);
        } catch (error) {
          if (!(error instanceof SyncRequestError)) throw error;
          if (!(error instanceof HubSpotRefusal)) return stop(error);
          for (const pair of chunk) for (const id of pair.itemIds) results.set(id, failure(id, 'permanent', error.code, `Associating ${group.from} with ${group.to}: ${error.message}`));
        }
      }
    }
    settle(false);
    return { results: [...results.values()] };

    function settle(partial: boolean): void {
      for (const [id, plan] of plans) {
        if (results.has(id)) continue;
        if (partial) continue;
        const missing = plan.writes.find((w) => !ids.has(w.key));
        if (missing) {
          results.set(id, failure(id, 'transient', 'NO_ID', `HubSpot did not confirm the ${missing.type} record ${missing.komaId}`));
          continue;
        }
        const contact = plan.writes.find((w) => w.type === 'contacts' && w.leadId !== undefined);
        const echo: LeadEcho | undefined = contact ? { leadId: contact.leadId!, crmId: ids.get(contact.key)!, fields: contactEcho(written.get(contact.key) ?? {}, s) } : undefined;
        results.set(id, { id, ok: true, crmId: ids.get(plan.primary) ?? null, ...(echo ? { leadEcho: echo } : {}) });
      }
    }
  }

  /**
   * One batch request. A 400 for the batch names no single input reliably, so a refused batch of
   * several is sent again one record at a time: only the record HubSpot refuses waits for attention.
   */
  async function writeChunk(
    type: ObjectType,
    mode: 'upsert' | 'update',
    chunk: { write: Write; itemIds: string[] }[],
    s: HubSpotSettings,
    signal: AbortSignal,
    ids: Map<string, string>,
    written: Map<string, Record<string, string>>,
    results: Map<string, ItemResult>,
  ): Promise<void> {
    let answer: HubSpotObject[];
    try {
      answer =
        mode === 'upsert'
          ? await deps.api.batchUpsert(type, s.idProperty, chunk.map((c) => ({ id: c.write.komaId, properties: c.write.properties })), signal)
          : await deps.api.batchUpdate(type, chunk.map((c) => ({ id: c.write.hsId!, properties: c.write.properties })), signal);
    } catch (error) {
      if (!(error instanceof HubSpotRefusal)) throw error;
      if (chunk.length > 1) {
        for (const one of chunk) await writeChunk(type, mode, [one], s, signal, ids, written, results);
        return;
      }
      for (const id of chunk[0]!.itemIds) results.set(id, failure(id, 'permanent', error.code, `${type}: ${error.message}`));
      return;
    }
    // Batch answers are not promised in input order: match by Koma's id (upsert) or record id (update).
    for (const c of chunk) {
      const match = answer.find((r) => (mode === 'upsert' ? r.properties[s.idProperty] === c.write.komaId : r.id === c.write.hsId));
      if (!match) continue;
      ids.set(c.write.key, match.id);
      written.set(c.write.key, c.write.properties);
    }
  }

  const pull: Puller = {
    pageSize: searchPageSize,
    leadMapping: () => deps.settings(),
    async leadsSince(cursor, signal) {
      const s = deps.settings();
      const rep = await ownerId(signal);
      if (!rep) throw new SyncRequestError('permanent', 'NO_OWNER', `HubSpot has no owner with the email "${s.ownerEmail}": enter your HubSpot login in Settings → CRM connection.`);
      return (await keysetPage(deps.api, contactQuery(s, rep), cursor, searchPageSize, signal)).map((o) => toCrmLead(o, s));
    },
    async answersSince(cursor, signal) {
      const s = deps.settings();
      const q = dealQuery(s);
      if (!q) return [];
      return (await keysetPage(deps.api, q, cursor, searchPageSize, signal)).map((o) => toCrmAnswer(o, s));
    },
  };

  return {
    name: 'hubspot',
    maxBatch: hubspotBatchLimit,
    ready: async () => (await deps.token()) !== null,
    send,
    pull,
    setupCheck: async (signal, now) => {
      owner = null;
      const token = await deps.token();
      if (!token) throw new SyncRequestError('auth', 'NO_TOKEN', 'Paste the HubSpot private app access token first.');
      return checkHubSpotSetup(deps.api, deps.settings(), token, (sig) => ownerId(sig), signal, now, deps.meter);
    },
    quota: () => deps.meter.snapshot(),
    forgetSchema: () => {
      owner = null;
    },
    ownerId,
  };
}
