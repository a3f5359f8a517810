import type { HubSpotSettings } from '../../../../shared/contract/sync';
import type { CrmAnswer, CrmLead, PullCursor } from '../types';
import type { HubSpotApi, HubSpotObject } from './api';
import { contactProperties } from './mapping';

/**
 * "The maximum number of results per page is 200" and a search reaches at most 10,000 results
 * through `after` (CRM search, Limitations: https://developers.hubspot.com/docs/api/crm/search).
 * Koma never pages deep: every page is a new search from where the last one ended (a keyset on
 * the modification time and the record id), so the cap is never met and the cursor always
 * advances. `after` is only followed when HubSpot answers a page shorter than asked.
 */
export const searchPageSize = 200;
export const searchResultCap = 10_000;

interface KeysetQuery {
  objectType: string;
  /** contacts: lastmodifieddate; deals: hs_lastmodifieddate. */
  modified: string;
  filters: Record<string, unknown>[];
  properties: string[];
}

const stampOf = (o: HubSpotObject, modified: string) => Date.parse(o.properties[modified] ?? '') || 0;
const byKeyset = (modified: string) => (a: HubSpotObject, b: HubSpotObject) => stampOf(a, modified) - stampOf(b, modified) || Number(a.id) - Number(b.id);

/** One search, filled up to `limit` by following `after` when HubSpot answers short. */
async function searchAll(api: HubSpotApi, q: KeysetQuery, filters: Record<string, unknown>[], sort: string, limit: number, signal: AbortSignal): Promise<HubSpotObject[]> {
  const out: HubSpotObject[] = [];
  let after: string | undefined;
  while (out.length < limit) {
    const want = Math.min(searchPageSize, limit - out.length);
    if (after !== undefined && Number(after) + want > searchResultCap) break;
    const page = await api.search(
      q.objectType,
      // "only one sorting rule can be applied to any search" (CRM search, Sorting).
      { filterGroups: [{ filters: [...q.filters, ...filters] }], sorts: [{ propertyName: sort, direction: 'ASCENDING' }], properties: q.properties, limit: want, ...(after ? { after } : {}) },
      signal,
    );
    out.push(...page.results);
    after = page.paging?.next?.after;
    if (!after || page.results.length === 0) break;
  }
  return out;
}

/**
 * The next `limit` records after the cursor in (modification time, id) order. HubSpot sorts by one
 * property only, and records stamped in the same millisecond come back in no promised order, so:
 * the rest of the cursor's millisecond is read sorted by id; later records sorted by time, and a
 * full answer's last millisecond — which may go on past the page — is left for the next round,
 * unless the whole answer is that one millisecond, which is then read by id.
 */
export async function keysetPage(api: HubSpotApi, q: KeysetQuery, cursor: PullCursor | null, limit: number, signal: AbortSignal): Promise<HubSpotObject[]> {
  const out: HubSpotObject[] = [];
  let at: { ms: number; id: string } | null = cursor ? { ms: Date.parse(cursor.modstamp), id: cursor.id || '0' } : null;
  const sameMs = (ms: number, afterId: string, n: number) =>
    searchAll(api, q, [{ propertyName: q.modified, operator: 'EQ', value: String(ms) }, { propertyName: 'hs_object_id', operator: 'GT', value: afterId }], 'hs_object_id', n, signal);
  while (out.length < limit) {
    if (at) {
      const rest = await sameMs(at.ms, at.id, limit - out.length);
      out.push(...rest.sort(byKeyset(q.modified)));
      if (out.length >= limit) break;
    }
    const want = limit - out.length;
    const later = (await searchAll(api, q, at ? [{ propertyName: q.modified, operator: 'GT', value: String(at.ms) }] : [], q.modified, want, signal)).sort(byKeyset(q.modified));
    if (later.length === 0) break;
    let take = later;
    if (later.length >= want) {
      const lastMs = stampOf(later.at(-1)!, q.modified);
      const before = later.filter((o) => stampOf(o, q.modified) < lastMs);
      take = before.length > 0 ? before : (await sameMs(lastMs, '0', want)).sort(byKeyset(q.modified));
    }
    out.push(...take);
    const last = take.at(-1);
    if (!last) break;
    at = { ms: stampOf(last, q.modified), id: last.id };
    if (later.length < want) break;
  }
  return out.slice(0, limit);
}

const text = (o: HubSpotObject, name: string | null) => {
  if (name === null) return null;
  const v = o.properties[name];
  return typeof v === 'string' && v.length > 0 ? v : null;
};

export function contactQuery(s: HubSpotSettings, ownerId: string): KeysetQuery {
  const f = s.lead.fields;
  return {
    objectType: 'contacts',
    modified: 'lastmodifieddate',
    filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId }],
    properties: [...Object.values(contactProperties), s.idProperty, 'lastmodifieddate', ...[f.recycleReason, f.recycleUntil, f.excludeReason, f.doNotCall].filter((x): x is string => x !== null)],
  };
}

export function toCrmLead(o: HubSpotObject, s: HubSpotSettings): CrmLead {
  const f = s.lead.fields;
  return {
    crmId: o.id,
    komaId: text(o, s.idProperty),
    firstName: text(o, 'firstname'),
    lastName: text(o, 'lastname'),
    company: text(o, 'company'),
    title: text(o, 'jobtitle'),
    email: text(o, 'email'),
    phone: text(o, 'phone'),
    status: text(o, 'hs_lead_status'),
    recycleReason: text(o, f.recycleReason),
    recycleUntil: text(o, f.recycleUntil),
    excludeReason: text(o, f.excludeReason),
    doNotCall: f.doNotCall !== null && o.properties[f.doNotCall] === 'true',
    modstamp: new Date(stampOf(o, 'lastmodifieddate')).toISOString(),
  };
}

/** Deals Koma created (they carry its id), with field sales' answer. Null when no answer field is mapped. */
export function dealQuery(s: HubSpotSettings): KeysetQuery | null {
  const f = s.deal.fields;
  if (f.fieldState === null && f.fieldReason === null) return null;
  return {
    objectType: 'deals',
    modified: 'hs_lastmodifieddate',
    filters: [{ propertyName: s.idProperty, operator: 'HAS_PROPERTY' }],
    properties: [s.idProperty, 'hs_lastmodifieddate', ...[f.fieldState, f.fieldReason].filter((x): x is string => x !== null)],
  };
}

export function toCrmAnswer(o: HubSpotObject, s: HubSpotSettings): CrmAnswer {
  const raw = text(o, s.deal.fields.fieldState);
  const states = s.deal.fieldStates;
  return {
    crmId: o.id,
    handoffId: String(o.properties[s.idProperty]),
    fieldState: raw === states.accepted ? 'accepted' : raw === states.meeting_held ? 'meeting_held' : raw === states.rejected ? 'rejected' : null,
    fieldReason: text(o, s.deal.fields.fieldReason),
    modstamp: new Date(stampOf(o, 'hs_lastmodifieddate')).toISOString(),
  };
}
