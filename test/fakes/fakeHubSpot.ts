import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake HubSpot (CRM API v3) on a real loopback HTTP server, written from HubSpot's developer
 * documentation for the subset Koma uses: private app tokens, batch upsert by a unique-value
 * property, batch update by id, default associations (v4), CRM search, properties, pipelines,
 * owners, the access-token-info endpoint, rate-limit headers and HubSpot's error body. Records live
 * in memory by HubSpot id with Koma's id as a property, so a client that created instead of
 * upserting would show duplicates. Faults are injected on command.
 */

export type HubSpotType = 'contacts' | 'companies' | 'deals' | 'calls' | 'notes';
const types: HubSpotType[] = ['contacts', 'companies', 'deals', 'calls', 'notes'];

export interface FakeProperty {
  name: string;
  /** Properties API `type`: string, number, bool, datetime, date, enumeration. */
  type: 'string' | 'number' | 'bool' | 'datetime' | 'date' | 'enumeration';
  hasUniqueValue?: boolean;
  options?: string[];
  readOnly?: boolean;
}

export type HubSpotFaultKind = 'status500' | 'status502' | 'status429' | 'daily429' | 'hang' | 'dropAfterStore' | 'malformed' | 'unauthorized';

export interface HubSpotFault {
  kind: HubSpotFaultKind;
  count?: number;
  on?: 'any' | 'upsert' | 'update' | 'search' | 'associate';
  objectType?: HubSpotType;
  /** status429: Retry-After in seconds. */
  retryAfter?: number;
}

export interface FakeHubSpotOptions {
  token?: string;
  scopes?: string[];
  /** Koma's custom properties exist (default true). */
  komaProperties?: boolean;
  /** Properties whose unique-value flag is off (the admin created them as plain text). */
  notUnique?: HubSpotType[];
  owners?: { id: string; email: string }[];
  pipelines?: { id: string; stages: string[] }[];
  dailyLimit?: number;
  dailyUsed?: number;
  /** At most this many results per search answer, with paging.next.after for the rest (short pages). */
  searchBatch?: number;
  /** Random order of ties and batch results (seeded); default a fixed seed. */
  seed?: number;
  latencyMs?: number;
  /** The account's own Lead Status / lifecycle stage options (default: HubSpot's defaults). */
  leadStatusOptions?: string[];
  lifecycleStageOptions?: string[];
}

export interface FakeHubSpotRecord {
  id: string;
  properties: Record<string, string>;
}

export interface FakeHubSpot {
  readonly url: string;
  readonly token: string;
  records(type: HubSpotType): FakeHubSpotRecord[];
  /** The ids associated with a record, of one type. */
  associated(fromType: HubSpotType, fromId: string, toType: HubSpotType): string[];
  /** Adds a record as HubSpot's own users would (an owned contact, field sales' answer): stamped now. */
  put(type: HubSpotType, properties: Record<string, string>, id?: string): string;
  /** Stamps records with one modification time (a bulk import): ties in the same millisecond. */
  stamp(type: HubSpotType, ids: string[], ms: number): void;
  inject(fault: HubSpotFault): void;
  /** Every request dropped unanswered (connection reset), as if the network or HubSpot were gone; `false` brings it back. */
  setDown(down: boolean): void;
  /** The admin edits an enumeration property's options (adds a custom stage, removes a default). */
  setOptions(type: HubSpotType, property: string, options: string[]): void;
  clearFaults(): void;
  readonly stats: { requests: number; byRoute: Record<string, number> };
  close(): Promise<void>;
}

const validToken = 'pat-na1-11111111-2222-3333-4444-555555555555';

/** All the scopes Koma asks for (Scopes: https://developers.hubspot.com/docs/api/scopes). */
export const allKomaScopes = [
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
];

/** Lead Status (hs_lead_status) default options (Contacts default properties, HubSpot Knowledge Base). */
const leadStatuses = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
/**
 * Lifecycle stage (lifecyclestage): "the same 8 options will be the default for the property, but
 * users will be able to add new custom stages, or remove any of the default stages"
 * (https://developers.hubspot.com/changelog/upcoming-customized-lifecycle-stages-for-contacts-and-companies).
 */
const lifecycleStages = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];
/** hs_call_status values and the default hs_call_disposition GUIDs (Calls: https://developers.hubspot.com/docs/api/crm/calls). */
const callStatuses = ['BUSY', 'CALLING_CRM_USER', 'CANCELED', 'COMPLETED', 'CONNECTING', 'FAILED', 'HOLD', 'IN_PROGRESS', 'MISSED', 'NO_ANSWER', 'QUEUED', 'RINGING'];
const dispositions = [
  '9d9162e7-6cf3-4944-bf63-4dff82258764',
  'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  'a4c4c377-d246-4b32-a13b-75a56a4cd0ff',
  'b2cf5968-551e-4856-9783-52b3da59a7d0',
  '73a0d17f-1163-4015-bdd5-ec830791da20',
  '17b47fee-58de-441e-a44c-c6300d46f273',
];

function catalogue(options: FakeHubSpotOptions): Record<HubSpotType, FakeProperty[]> {
  const ro = (name: string, type: FakeProperty['type']): FakeProperty => ({ name, type, readOnly: true });
  const str = (name: string): FakeProperty => ({ name, type: 'string' });
  const komaId = (t: HubSpotType): FakeProperty[] => (options.komaProperties === false ? [] : [{ name: 'koma_id', type: 'string', hasUniqueValue: !(options.notUnique ?? []).includes(t) }]);
  const koma = (props: FakeProperty[]) => (options.komaProperties === false ? [] : props);
  const common = [ro('hs_object_id', 'number'), ro('createdate', 'datetime'), str('hubspot_owner_id')];
  return {
    contacts: [
      ...common,
      ro('lastmodifieddate', 'datetime'),
      ...['firstname', 'lastname', 'email', 'phone', 'jobtitle', 'company'].map(str),
      { name: 'hs_lead_status', type: 'enumeration', options: options.leadStatusOptions ?? leadStatuses },
      { name: 'lifecyclestage', type: 'enumeration', options: options.lifecycleStageOptions ?? lifecycleStages },
      ...komaId('contacts'),
      ...koma([str('koma_recycle_reason'), { name: 'koma_recycle_until', type: 'datetime' }, str('koma_exclude_reason'), { name: 'koma_do_not_call', type: 'bool' }]),
    ],
    companies: [...common, ro('hs_lastmodifieddate', 'datetime'), str('name'), str('phone'), str('domain'), ...komaId('companies')],
    deals: [
      ...common,
      ro('hs_lastmodifieddate', 'datetime'),
      str('dealname'),
      str('pipeline'),
      str('dealstage'),
      { name: 'closedate', type: 'datetime' },
      { name: 'amount', type: 'number' },
      ...komaId('deals'),
      ...koma([
        str('koma_budget_status'),
        { name: 'koma_budget_amount', type: 'number' },
        str('koma_authority'),
        str('koma_need'),
        str('koma_timeline'),
        { name: 'koma_bant_confirmed', type: 'bool' },
        { name: 'koma_field_state', type: 'enumeration', options: ['accepted', 'meeting_held', 'rejected'] },
        str('koma_field_reason'),
      ]),
    ],
    calls: [
      ...common,
      ro('hs_lastmodifieddate', 'datetime'),
      { name: 'hs_timestamp', type: 'datetime' },
      str('hs_call_title'),
      str('hs_call_body'),
      { name: 'hs_call_direction', type: 'enumeration', options: ['INBOUND', 'OUTBOUND'] },
      { name: 'hs_call_disposition', type: 'enumeration', options: dispositions },
      { name: 'hs_call_status', type: 'enumeration', options: callStatuses },
      { name: 'hs_call_duration', type: 'number' },
      ...komaId('calls'),
    ],
    notes: [...common, ro('hs_lastmodifieddate', 'datetime'), { name: 'hs_timestamp', type: 'datetime' }, str('hs_note_body'), ...komaId('notes')],
  };
}

/**
 * Required on create: "hs_timestamp … Required" for calls (Calls guide) and notes (Notes guide,
 * https://developers.hubspot.com/docs/api/crm/notes); "When creating a new deal … dealname,
 * dealstage and pipeline are required" (Deals guide, https://developers.hubspot.com/docs/api/crm/deals).
 */
const requiredOnCreate: Partial<Record<HubSpotType, string[]>> = { calls: ['hs_timestamp'], notes: ['hs_timestamp'], deals: ['dealname', 'dealstage', 'pipeline'] };

/**
 * Default associations between the objects Koma writes (Associations v4, "Associate records
 * without a label": https://developers.hubspot.com/docs/api-reference/crm-associations-v4/guide):
 * the pairs the fake accepts, in either direction.
 */
const associable = new Set(['contacts/companies', 'deals/contacts', 'deals/companies', 'calls/contacts', 'calls/companies', 'calls/deals', 'notes/contacts', 'notes/companies', 'notes/deals']);

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** "most endpoints … return a JSON formatted response … status, message, errors, category, correlationId" (API error responses: https://developers.hubspot.com/docs/faq/api-error-responses). */
function errorBody(e: ApiError): Record<string, unknown> {
  return { status: 'error', message: e.message, correlationId: randomUUID(), category: e.category, ...e.extra };
}

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export async function startFakeHubSpot(options: FakeHubSpotOptions = {}): Promise<FakeHubSpot> {
  const token = options.token ?? validToken;
  const scopes = options.scopes ?? allKomaScopes;
  const props = catalogue(options);
  const owners = options.owners ?? [{ id: '31234567', email: 'sato@example.co.jp' }];
  const pipelines = options.pipelines ?? [{ id: 'default', stages: ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'closedwon', 'closedlost'] }];
  const dailyLimit = options.dailyLimit ?? 250_000;
  let dailyUsed = options.dailyUsed ?? 0;
  const random = mulberry(options.seed ?? 20261206);
  const store: Record<HubSpotType, Map<string, FakeHubSpotRecord>> = { contacts: new Map(), companies: new Map(), deals: new Map(), calls: new Map(), notes: new Map() };
  const associations = new Set<string>();
  // Fixed-width ids, as HubSpot's record ids of one account usually are.
  let nextId = 100_000_000_001;
  let clock = Date.parse('2026-12-01T00:00:00.000Z');
  const faults: (HubSpotFault & { left: number })[] = [];
  const stats = { requests: 0, byRoute: {} as Record<string, number> };
  const sockets = new Set<Socket>();
  let down = false;

  const modifiedOf = (type: HubSpotType) => (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');
  // Each write is one millisecond later than the last: stamps never go back.
  const tick = () => ++clock;

  function propertyOf(type: HubSpotType, name: string): FakeProperty | undefined {
    return props[type].find((p) => p.name === name);
  }

  function validValue(p: FakeProperty, raw: unknown): string {
    const value = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
    if (typeof value !== 'string') throw new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: ${p.name} must be a string`);
    // "Properties values can be cleared by passing an empty string" (batch update contacts).
    if (value === '') return value;
    const bad = (what: string) => new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: ${value} was not a valid ${what} for ${p.name}`, { errors: [{ message: `${value} is not a valid ${what}`, code: 'INVALID_' + p.type.toUpperCase(), context: { propertyName: [p.name] } }] });
    switch (p.type) {
      case 'number':
        if (!/^-?\d+(\.\d+)?$/.test(value)) throw bad('number');
        break;
      case 'bool':
        if (value !== 'true' && value !== 'false') throw bad('boolean (true or false)');
        break;
      case 'datetime':
        if (!/^\d+$/.test(value) && Number.isNaN(Date.parse(value))) throw bad('datetime');
        break;
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw bad('date');
        break;
      case 'enumeration':
        // An enumeration takes one of its options' internal `value`s, not a label (Properties API:
        // options are { label, value }, https://developers.hubspot.com/docs/api-reference/latest/crm/properties/guide;
        // "To set the call disposition, you need to use the internal GUID value", Calls guide). Anything else is refused.
        if (!p.options?.includes(value)) throw new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: ${value} was not one of the allowed options for ${p.name}`, { errors: [{ message: `${value} was not one of the allowed options: [${(p.options ?? []).join(', ')}]`, code: 'INVALID_OPTION', context: { propertyName: [p.name] } }] });
        break;
      case 'string':
        // "Single-line text … up to 65,536 characters" (Property field types).
        if (value.length > 65_536) throw bad('string (too long)');
        break;
    }
    return value;
  }

  /** Unknown and read-only properties are refused: "Read-only and non-existent properties will result in an error" (batch update contacts). */
  function validProperties(type: HubSpotType, properties: unknown): Record<string, string> {
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) throw new ApiError(400, 'VALIDATION_ERROR', 'Invalid input JSON: properties must be an object');
    const out: Record<string, string> = {};
    for (const [name, raw] of Object.entries(properties)) {
      const p = propertyOf(type, name);
      if (!p) throw new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: Property "${name}" does not exist`, { errors: [{ message: `Property "${name}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [name] } }] });
      if (p.readOnly) throw new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: "${name}" is a read only property; its value cannot be set.`, { errors: [{ message: `"${name}" is read only`, code: 'READ_ONLY_VALUE', context: { propertyName: [name] } }] });
      out[name] = validValue(p, raw);
    }
    return out;
  }

  function findBy(type: HubSpotType, property: string, value: string): FakeHubSpotRecord | undefined {
    for (const r of store[type].values()) if (r.properties[property] === value) return r;
    return undefined;
  }

  /** Unique-value properties stay unique: a second record with the same value is a conflict. */
  function checkUnique(type: HubSpotType, id: string | null, properties: Record<string, string>): void {
    for (const [name, value] of Object.entries(properties)) {
      if (!propertyOf(type, name)?.hasUniqueValue || value === '') continue;
      const other = findBy(type, name, value);
      if (other && other.id !== id) throw new ApiError(409, 'CONFLICT', `A ${type} record with ${name}=${value} already exists (id ${other.id}).`);
    }
  }

  function write(type: HubSpotType, id: string | null, properties: Record<string, string>): { record: FakeHubSpotRecord; created: boolean } {
    const stamp = new Date(tick()).toISOString();
    if (id) {
      const record = store[type].get(id)!;
      Object.assign(record.properties, properties, { [modifiedOf(type)]: stamp });
      return { record, created: false };
    }
    const newId = String(nextId++);
    const record = { id: newId, properties: { ...properties, hs_object_id: newId, createdate: stamp, [modifiedOf(type)]: stamp } };
    store[type].set(newId, record);
    return { record, created: true };
  }

  function requireCreate(type: HubSpotType, properties: Record<string, string>): void {
    const missing = (requiredOnCreate[type] ?? []).filter((name) => !properties[name]);
    if (missing.length > 0) throw new ApiError(400, 'VALIDATION_ERROR', `Property values were not valid: required properties missing: ${missing.join(', ')}`, { errors: missing.map((name) => ({ message: `${name} is required`, code: 'REQUIRED_PROPERTY', context: { propertyName: [name] } })) });
  }

  /**
   * "Batch … limited to 100 records per request" (batch upsert:
   * https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/batch/upsert-contacts);
   * a batch is validated whole before anything is written, so a refused batch writes nothing.
   */
  function inputsOf(body: unknown): Record<string, unknown>[] {
    const inputs = (body as { inputs?: unknown })?.inputs;
    if (!Array.isArray(inputs)) throw new ApiError(400, 'VALIDATION_ERROR', 'Invalid input JSON: inputs is required');
    if (inputs.length > 100) throw new ApiError(400, 'VALIDATION_ERROR', `Batch input limit exceeded: ${inputs.length} inputs, the limit is 100`);
    return inputs as Record<string, unknown>[];
  }

  function batchUpsert(type: HubSpotType, body: unknown) {
    const inputs = inputsOf(body);
    const seen = new Set<string>();
    const planned = inputs.map((input) => {
      const idProperty = String(input.idProperty ?? '');
      const key = String(input.id ?? '');
      const p = propertyOf(type, idProperty);
      // "`idProperty` … refers to a property whose values are unique for the object" (batch upsert).
      if (!p || !p.hasUniqueValue) throw new ApiError(400, 'VALIDATION_ERROR', `${idProperty} is not a unique identifier property of ${type}`, { errors: [{ message: 'idProperty must be a property with unique values', code: 'INVALID_ID_PROPERTY', in: 'idProperty' }] });
      if (key === '') throw new ApiError(400, 'VALIDATION_ERROR', 'Each input needs an id');
      if (seen.has(key)) throw new ApiError(400, 'VALIDATION_ERROR', `Duplicate IDs found in batch input: [${key}]. IDs must be unique`);
      seen.add(key);
      const properties = validProperties(type, input.properties ?? {});
      const existing = findBy(type, idProperty, key);
      const all = { ...properties, [idProperty]: key };
      if (!existing) requireCreate(type, all);
      checkUnique(type, existing?.id ?? null, all);
      return { existing, all };
    });
    const results = planned.map(({ existing, all }) => {
      const { record, created } = write(type, existing?.id ?? null, all);
      return { id: record.id, properties: { ...record.properties }, new: created, createdAt: record.properties.createdate, updatedAt: record.properties[modifiedOf(type)], archived: false };
    });
    const now = new Date(clock).toISOString();
    return { status: 'COMPLETE', results: shuffle(results, random), startedAt: now, completedAt: now };
  }

  function batchUpdate(type: HubSpotType, body: unknown) {
    const inputs = inputsOf(body);
    const planned = inputs.map((input) => {
      const id = String(input.id ?? '');
      if (!store[type].has(id)) throw new ApiError(404, 'OBJECT_NOT_FOUND', `Object not found. objectId are usually numeric. (${id})`);
      const properties = validProperties(type, input.properties ?? {});
      checkUnique(type, id, properties);
      return { id, properties };
    });
    const results = planned.map(({ id, properties }) => {
      const { record } = write(type, id, properties);
      return { id: record.id, properties: { ...record.properties }, createdAt: record.properties.createdate, updatedAt: record.properties[modifiedOf(type)], archived: false };
    });
    return { status: 'COMPLETE', results: shuffle(results, random) };
  }

  function associate(from: HubSpotType, to: HubSpotType, body: unknown) {
    if (!associable.has(`${from}/${to}`) && !associable.has(`${to}/${from}`)) throw new ApiError(400, 'VALIDATION_ERROR', `${from} cannot be associated with ${to}`);
    const inputs = (body as { inputs?: unknown })?.inputs;
    if (!Array.isArray(inputs)) throw new ApiError(400, 'VALIDATION_ERROR', 'Invalid input JSON: inputs is required');
    const pairs = inputs.map((i: { from?: { id?: unknown }; to?: { id?: unknown } }) => {
      const a = String(i.from?.id ?? '');
      const b = String(i.to?.id ?? '');
      if (!store[from].has(a) || !store[to].has(b)) throw new ApiError(400, 'VALIDATION_ERROR', `One or more objects do not exist: ${from} ${a}, ${to} ${b}`);
      return [a, b] as const;
    });
    for (const [a, b] of pairs) {
      associations.add(`${from}:${a}>${to}:${b}`);
      associations.add(`${to}:${b}>${from}:${a}`);
    }
    return { status: 'COMPLETE', results: pairs.map(([a, b]) => ({ from: { id: a }, to: { id: b } })) };
  }

  const operators = new Set(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY']);

  /**
   * CRM search (https://developers.hubspot.com/docs/api/crm/search): "up to five filterGroups with
   * up to 6 filters in each group, with a maximum of 18 filters in total"; "only one sorting rule
   * can be applied"; "The maximum number of results per page is 200"; "the search endpoints are
   * limited to 10,000 total results for any given query. Attempting to page beyond 10,000 will
   * result in a 400 error." Records sorted alike come back in no promised order (shuffled here).
   */
  function search(type: HubSpotType, body: Record<string, unknown>) {
    const groups = (body.filterGroups ?? []) as { filters?: { propertyName?: string; operator?: string; value?: string }[] }[];
    const sorts = (body.sorts ?? []) as { propertyName?: string; direction?: string }[];
    const limit = Number(body.limit ?? 10);
    const after = Number(body.after ?? 0);
    if (groups.length > 5) throw new ApiError(400, 'VALIDATION_ERROR', 'Too many filter groups: the limit is 5');
    if (groups.some((g) => (g.filters ?? []).length > 6) || groups.reduce((n, g) => n + (g.filters ?? []).length, 0) > 18) throw new ApiError(400, 'VALIDATION_ERROR', 'Too many filters');
    if (sorts.length > 1) throw new ApiError(400, 'VALIDATION_ERROR', 'Only one sort is supported');
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new ApiError(400, 'VALIDATION_ERROR', `limit must be between 1 and 200 (was ${String(body.limit)})`);
    if (!Number.isInteger(after) || after < 0) throw new ApiError(400, 'VALIDATION_ERROR', 'after must be a non-negative integer');
    if (after + limit > 10_000) throw new ApiError(400, 'VALIDATION_ERROR', 'Paging beyond 10,000 results is not supported for search');
    const numeric = (name: string) => ['number', 'datetime'].includes(propertyOf(type, name)?.type ?? '');
    const comparable = (name: string, v: string) => (numeric(name) ? (/^\d+$/.test(v) ? Number(v) : Date.parse(v)) : v);
    for (const g of groups) {
      for (const f of g.filters ?? []) {
        if (!f.propertyName || !propertyOf(type, f.propertyName)) throw new ApiError(400, 'VALIDATION_ERROR', `There was a problem with the request: unknown property ${String(f.propertyName)}`);
        if (!operators.has(String(f.operator))) throw new ApiError(400, 'VALIDATION_ERROR', `Unknown operator ${String(f.operator)}`);
      }
    }
    const match = (r: FakeHubSpotRecord) =>
      groups.length === 0 ||
      groups.some((g) =>
        (g.filters ?? []).every((f) => {
          const name = f.propertyName!;
          const have = r.properties[name];
          if (f.operator === 'HAS_PROPERTY') return have !== undefined && have !== '';
          if (f.operator === 'NOT_HAS_PROPERTY') return have === undefined || have === '';
          if (have === undefined || have === '') return false;
          const a = comparable(name, have);
          const b = comparable(name, String(f.value ?? ''));
          switch (f.operator) {
            case 'EQ':
              return a === b;
            case 'NEQ':
              return a !== b;
            case 'LT':
              return a < b;
            case 'LTE':
              return a <= b;
            case 'GT':
              return a > b;
            default:
              return a >= b;
          }
        }),
      );
    let found = shuffle([...store[type].values()].filter(match), random);
    const sort = sorts[0];
    if (sort?.propertyName) {
      const name = sort.propertyName;
      if (!propertyOf(type, name)) throw new ApiError(400, 'VALIDATION_ERROR', `unknown sort property ${name}`);
      const dir = sort.direction === 'DESCENDING' ? -1 : 1;
      // A stable sort of a shuffled list: ties keep a random order, as HubSpot promises none.
      found = found.sort((x, y) => {
        const a = comparable(name, x.properties[name] ?? '');
        const b = comparable(name, y.properties[name] ?? '');
        return a < b ? -dir : a > b ? dir : 0;
      });
    }
    const take = Math.min(limit, options.searchBatch ?? limit);
    const page = found.slice(after, after + take);
    const wanted = Array.isArray(body.properties) ? (body.properties as string[]) : ['createdate', 'hs_object_id', modifiedOf(type)];
    const results = page.map((r) => ({ id: r.id, properties: Object.fromEntries(['hs_object_id', 'createdate', modifiedOf(type), ...wanted].map((n) => [n, r.properties[n] ?? null])), archived: false }));
    const more = after + page.length < found.length;
    return { total: found.length, results, ...(more ? { paging: { next: { after: String(after + page.length) } } } : {}) };
  }

  function takeFault(route: 'upsert' | 'update' | 'search' | 'associate' | 'other', objectType: string | undefined) {
    const f = faults.find((x) => x.left > 0 && (!x.on || x.on === 'any' || x.on === route) && (!x.objectType || x.objectType === objectType));
    if (f) f.left--;
    return f;
  }

  /** Every answer carries the account's limits (Rate limits: X-HubSpot-RateLimit-* headers). */
  function limitHeaders(): Record<string, string> {
    return {
      'X-HubSpot-RateLimit-Daily': String(dailyLimit),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, dailyLimit - dailyUsed)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Max': '190',
      'X-HubSpot-RateLimit-Remaining': '189',
    };
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { status: 'error', message: String(error), correlationId: randomUUID(), category: 'INTERNAL_ERROR' });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', ...limitHeaders(), ...headers });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (down) {
      req.socket.destroy();
      return;
    }
    const text = await readBody(req);
    stats.requests++;
    const routeKey = `${req.method} ${url.pathname.replace(/\d{6,}/g, ':id')}`;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    try {
      if (req.method === 'POST' && url.pathname === '/oauth/v2/private-apps/get/access-token-info') {
        const key = (JSON.parse(text || '{}') as { tokenKey?: string }).tokenKey;
        if (key !== token) throw new ApiError(401, 'INVALID_AUTHENTICATION', 'The access token provided is not valid.');
        return send(res, 200, { userId: 9_876_543, hubId: 44_556_677, appId: 3_344_556, scopes });
      }
      // "401 Unauthorized: Returned when the authentication provided is invalid" (API error responses).
      if (req.headers.authorization !== `Bearer ${token}`) throw new ApiError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview');
      if (req.method === 'POST' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new ApiError(415, 'VALIDATION_ERROR', 'Content type must be application/json');
      const body = req.method === 'POST' ? (JSON.parse(text || '{}') as Record<string, unknown>) : {};
      const objectMatch = /^\/crm\/v3\/objects\/([a-z]+)\/(batch\/upsert|batch\/update|search)$/.exec(url.pathname);
      const assocMatch = /^\/crm\/v4\/associations\/([a-z]+)\/([a-z]+)\/batch\/associate\/default$/.exec(url.pathname);
      const route = objectMatch ? (objectMatch[2] === 'search' ? 'search' : objectMatch[2] === 'batch/upsert' ? 'upsert' : 'update') : assocMatch ? 'associate' : 'other';
      const objectType = objectMatch?.[1] ?? assocMatch?.[1];
      const fault = takeFault(route, objectType);
      if (fault?.kind === 'hang') return; // never answers: the client's deadline decides
      if (fault?.kind === 'status500') throw new ApiError(500, 'INTERNAL_ERROR', 'Internal error');
      if (fault?.kind === 'status502') throw new ApiError(502, 'BAD_GATEWAY', 'Bad gateway');
      if (fault?.kind === 'unauthorized') throw new ApiError(401, 'INVALID_AUTHENTICATION', 'The access token has expired or been revoked.');
      // 429: "You have reached your ten_secondly_rolling limit" / the daily limit, with policyName (Rate limits).
      if (fault?.kind === 'status429') throw new ApiError(429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', retryAfter: fault.retryAfter ?? 10 });
      dailyUsed++;
      if (fault?.kind === 'daily429' || dailyUsed > dailyLimit) throw new ApiError(429, 'RATE_LIMITS', 'You have reached your daily limit.', { errorType: 'RATE_LIMIT', policyName: 'DAILY' });
      if (fault?.kind === 'malformed') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end('{"status":"COMPLETE","results":[');
      }
      let answer: unknown;
      if (objectMatch) {
        const type = objectMatch[1] as HubSpotType;
        if (!types.includes(type)) throw new ApiError(404, 'OBJECT_NOT_FOUND', `Unknown object type ${type}`);
        answer = route === 'search' ? search(type, body) : route === 'upsert' ? batchUpsert(type, body) : batchUpdate(type, body);
      } else if (assocMatch) {
        answer = associate(assocMatch[1] as HubSpotType, assocMatch[2] as HubSpotType, body);
      } else if (req.method === 'GET' && /^\/crm\/v3\/properties\/[a-z]+$/.test(url.pathname)) {
        const type = url.pathname.split('/').pop() as HubSpotType;
        if (!scopes.includes(`crm.schemas.${type === 'calls' || type === 'notes' ? 'contacts' : type}.read`)) throw new ApiError(403, 'MISSING_SCOPES', 'This app hasn\'t been granted all required scopes to make this call.', { errors: [{ message: 'One or more of the following scopes are required.', context: { requiredScopes: [`crm.schemas.${type}.read`] } }] });
        answer = { results: props[type].map((p) => ({ name: p.name, type: p.type, fieldType: p.type === 'bool' ? 'booleancheckbox' : p.type === 'enumeration' ? 'select' : 'text', hasUniqueValue: p.hasUniqueValue ?? false, options: (p.options ?? []).map((v) => ({ value: v, label: v })), modificationMetadata: { readOnlyValue: p.readOnly ?? false } })) };
      } else if (req.method === 'GET' && url.pathname === '/crm/v3/pipelines/deals') {
        answer = { results: pipelines.map((p) => ({ id: p.id, label: p.id, stages: p.stages.map((s) => ({ id: s, label: s })) })) };
      } else if (req.method === 'GET' && url.pathname === '/crm/v3/owners/') {
        const email = url.searchParams.get('email');
        answer = { results: owners.filter((o) => !email || o.email === email).map((o) => ({ id: o.id, email: o.email, type: 'PERSON', archived: false })) };
      } else {
        throw new ApiError(404, 'OBJECT_NOT_FOUND', `No route for ${req.method} ${url.pathname}`);
      }
      if (fault?.kind === 'dropAfterStore') {
        // Written, and the answer lost with the connection.
        req.socket.destroy();
        return;
      }
      send(res, 200, answer);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const retryAfter = error.extra.retryAfter;
      const extra = { ...error.extra };
      delete extra.retryAfter;
      send(res, error.status, errorBody(new ApiError(error.status, error.category, error.message, extra)), retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {});
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    stats,
    records: (type) => [...store[type].values()].map((r) => ({ id: r.id, properties: { ...r.properties } })),
    associated: (fromType, fromId, toType) =>
      [...associations].filter((a) => a.startsWith(`${fromType}:${fromId}>${toType}:`)).map((a) => a.split(':').pop()!),
    put(type, properties, id) {
      const stamp = new Date(tick()).toISOString();
      const newId = id ?? String(nextId++);
      const existing = store[type].get(newId);
      const record = { id: newId, properties: { ...(existing?.properties ?? { createdate: stamp }), ...properties, hs_object_id: newId, [modifiedOf(type)]: stamp } };
      store[type].set(newId, record);
      return newId;
    },
    stamp(type, ids, ms) {
      for (const id of ids) {
        const r = store[type].get(id);
        if (r) r.properties[modifiedOf(type)] = new Date(ms).toISOString();
      }
      clock = Math.max(clock, ms);
    },
    inject(fault) {
      faults.push({ ...fault, left: fault.count ?? 1 });
    },
    setDown(value) {
      down = value;
      // Open keep-alive connections go too: nothing gets through while it is down.
      if (value) for (const socket of sockets) socket.destroy();
    },
    setOptions(type, property, values) {
      const p = props[type].find((x) => x.name === property);
      if (!p || p.type !== 'enumeration') throw new Error(`${type}.${property} is not an enumeration`);
      p.options = [...values];
    },
    clearFaults() {
      faults.length = 0;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
