import { z } from 'zod';
import type { HubSpotSettings, SetupCheck, SetupCheckItem } from '../../../../shared/contract/sync';
import { optionsKey, type HubSpotStatusProperty } from '../../../../shared/domain/sync/hubspotValues';
import type { QuotaMeter } from '../quota';
import { SyncRequestError } from '../types';
import type { HubSpotApi } from './api';
import type { ObjectType } from './mapping';

/**
 * The HubSpot account checked the way its admin would before Koma syncs: the token's scopes, the
 * rep as an owner, Koma's id property on every object it writes (unique values, so batch upsert
 * can use it), the mapped properties with their types, the Lead Status and lifecycle stage values Koma maps to, the
 * deal pipeline and stage, and the account's daily API limit as last reported.
 */

/**
 * The scopes Koma's requests need (Scopes: https://developers.hubspot.com/docs/api/scopes): read and
 * write of contacts, companies and deals (calls and notes are written under the contacts scope),
 * owners to find the rep, and the schemas to read the properties this check reads.
 */
export const requiredScopes = [
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.owners.read',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
] as const;

/** Properties API: GET /crm/v3/properties/{objectType} (https://developers.hubspot.com/docs/api/crm/properties). */
const propertiesAnswer = z.object({
  results: z.array(
    z
      .object({
        name: z.string(),
        type: z.string(),
        hasUniqueValue: z.boolean().optional(),
        options: z.array(z.object({ value: z.string() }).passthrough()).optional(),
        modificationMetadata: z.object({ readOnlyValue: z.boolean().optional() }).passthrough().optional(),
      })
      .passthrough(),
  ),
});
type Property = z.infer<typeof propertiesAnswer>['results'][number];
/** Pipelines API: GET /crm/v3/pipelines/deals (https://developers.hubspot.com/docs/api/crm/pipelines). */
const pipelinesAnswer = z.object({ results: z.array(z.object({ id: z.string(), stages: z.array(z.object({ id: z.string() }).passthrough()) }).passthrough()) });
/**
 * "POST /oauth/v2/private-apps/get/access-token-info" with the token returns the app's scopes
 * (Private apps, "View private app access token information": https://developers.hubspot.com/docs/api/private-apps).
 */
const tokenInfo = z.object({ scopes: z.array(z.string()) }).passthrough();

function item(partial: Partial<SetupCheckItem> & Pick<SetupCheckItem, 'id' | 'kind' | 'ok'>): SetupCheckItem {
  return { required: true, object: null, field: null, problem: null, expected: null, actual: null, ...partial };
}

function propertyItem(props: Property[], object: string, name: string, types: readonly string[], unique = false): SetupCheckItem {
  const p = props.find((x) => x.name === name);
  const base = { id: `property:${object}.${name}`, kind: 'field' as const, object, field: name, expected: types[0]! };
  if (!p) return item({ ...base, ok: false, problem: 'missing' });
  if (!types.includes(p.type)) return item({ ...base, ok: false, problem: 'wrongType', actual: p.type });
  if (p.modificationMetadata?.readOnlyValue === true) return item({ ...base, ok: false, problem: 'readOnly' });
  if (unique && p.hasUniqueValue !== true) return item({ ...base, ok: false, problem: 'notUnique' });
  return item({ ...base, ok: true });
}

export async function checkHubSpotSetup(
  api: HubSpotApi,
  s: HubSpotSettings,
  token: string,
  ownerId: (signal: AbortSignal) => Promise<string | null>,
  signal: AbortSignal,
  now: Date,
  meter: QuotaMeter,
): Promise<SetupCheck> {
  const items: SetupCheckItem[] = [];
  const info = tokenInfo.safeParse(await api.request('POST', '/oauth/v2/private-apps/get/access-token-info', { tokenKey: token }, signal));
  const scopes = new Set(info.success ? info.data.scopes : []);
  for (const scope of requiredScopes) items.push(item({ id: `scope:${scope}`, kind: 'scope', ok: scopes.has(scope), expected: scope, problem: scopes.has(scope) ? null : 'denied' }));

  const owner = s.ownerEmail ? await ownerId(signal) : null;
  items.push(item({ id: 'owner', kind: 'owner', ok: owner !== null, expected: s.ownerEmail || null, problem: owner ? null : 'missing' }));

  const read = async (type: ObjectType): Promise<Property[]> => {
    try {
      const parsed = propertiesAnswer.safeParse(await api.get(`/crm/v3/properties/${type}`, signal));
      return parsed.success ? parsed.data.results : [];
    } catch (error) {
      // A missing schema scope is already listed; the properties then read as unknown.
      if (error instanceof SyncRequestError && error.kind === 'permanent') return [];
      throw error;
    }
  };
  const text = ['string', 'enumeration'];
  const f = s.lead.fields;
  const d = s.deal.fields;
  const contacts = await read('contacts');
  items.push(propertyItem(contacts, 'contacts', s.idProperty, ['string'], true));
  const mapped: [string | null, readonly string[]][] = [
    [f.recycleReason, text],
    [f.recycleUntil, ['datetime']],
    [f.excludeReason, text],
    [f.doNotCall, ['bool']],
  ];
  for (const [name, types] of mapped) if (name) items.push(propertyItem(contacts, 'contacts', name, types));
  // The values the settings map Koma's statuses to, each an option of the account's own property;
  // the options read are kept with the check, so the settings can offer the account's own values.
  const options: Record<string, string[]> = {};
  const mappedValues: [HubSpotStatusProperty, (string | null)[]][] = [
    ['hs_lead_status', Object.values(s.lead.statuses)],
    ['lifecyclestage', Object.values(s.lead.lifecycleStages)],
  ];
  for (const [name, values] of mappedValues) {
    const property = contacts.find((p) => p.name === name);
    if (property?.options) options[optionsKey(name)] = property.options.map((o) => o.value);
    for (const value of new Set(values.filter((v): v is string => v !== null))) {
      const has = property?.options?.some((o) => o.value === value) ?? false;
      items.push(item({ id: `value:contacts.${name}.${value}`, kind: 'picklistValue', ok: has, object: 'contacts', field: name, expected: value, problem: has ? null : 'noValue' }));
    }
  }
  for (const type of ['companies', 'calls', 'notes'] as const) items.push(propertyItem(await read(type), type, s.idProperty, ['string'], true));
  const deals = await read('deals');
  items.push(propertyItem(deals, 'deals', s.idProperty, ['string'], true));
  const dealMapped: [string | null, readonly string[], boolean][] = [
    [d.budgetStatus, text, true],
    [d.budgetAmount, ['number'], true],
    [d.authority, ['string'], true],
    [d.need, ['string'], true],
    [d.timeline, ['string'], true],
    [d.bantConfirmed, ['bool'], true],
    [d.fieldState, text, false],
    [d.fieldReason, ['string'], false],
  ];
  for (const [name, types, required] of dealMapped) if (name) items.push({ ...propertyItem(deals, 'deals', name, types), required });
  // Field sales' answer as a dropdown: the values entered for it must be its options (a text property takes any).
  const fieldState = d.fieldState ? deals.find((p) => p.name === d.fieldState) : undefined;
  if (fieldState?.type === 'enumeration') {
    for (const value of new Set(Object.values(s.deal.fieldStates))) {
      const has = fieldState.options?.some((o) => o.value === value) ?? false;
      items.push(item({ id: `value:deals.${fieldState.name}.${value}`, kind: 'picklistValue', required: false, ok: has, object: 'deals', field: fieldState.name, expected: value, problem: has ? null : 'noValue' }));
    }
  }

  const pipelines = pipelinesAnswer.safeParse(await api.get('/crm/v3/pipelines/deals', signal));
  const pipeline = pipelines.success ? pipelines.data.results.find((p) => p.id === s.deal.pipeline) : undefined;
  items.push(item({ id: 'pipeline', kind: 'pipeline', ok: pipeline !== undefined, object: 'deals', expected: s.deal.pipeline, problem: pipeline ? null : 'missing' }));
  const stage = pipeline?.stages.some((x) => x.id === s.deal.stage) ?? false;
  items.push(item({ id: 'stage', kind: 'picklistValue', ok: stage, object: 'deals', field: 'dealstage', expected: s.deal.stage, problem: stage ? null : 'noValue' }));

  const usage = meter.snapshot();
  const exhausted = usage.max !== null && usage.used !== null && usage.used >= usage.max;
  items.push(item({ id: 'apiLimit', kind: 'apiLimit', required: false, ok: !exhausted, problem: exhausted ? 'unavailable' : null, actual: usage.max !== null && usage.used !== null ? `${usage.max - usage.used}/${usage.max}` : null }));
  return { crm: 'hubspot', checkedAt: now.toISOString(), ok: items.every((i) => !i.required || i.ok), items, options };
}
