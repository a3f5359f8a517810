import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { convertLeadResponse, readSoap, soapFault, type ConvertAnswer } from './fakeSoap';
import { buildOrg, checkFields, describeOf, leadStatusRecords, type FakeObject, type OrgOptions } from './fakeOrg';
import { aggregate, isAggregateQuery, SoqlFieldError } from './soqlAggregate';
import { fieldsOf, matches, parseSoql, SoqlError } from './soqlFake';

/**
 * A fake Salesforce on a real loopback HTTP server, faithful to the documented behaviour of the
 * subset Koma uses: the OAuth 2.0 authorize and token endpoints (authorization code with PKCE
 * S256, refresh tokens with optional rotation, revoke), sObject Collections upsert by external id
 * and update by Id (per-record UpsertResult/SaveResult, allOrNone, 200 records at most), the query
 * endpoint for the SOQL shapes Koma sends, and the Sforce-Limit-Info header on every REST answer.
 * Records live in memory by Salesforce Id with their external id as a field, so a client that
 * inserted instead of upserting would show duplicates. Faults are injected on command.
 */

export type FaultKind =
  | 'status500'
  | 'status503'
  | 'status429'
  | 'lockRow'
  | 'validation'
  | 'invalidSession'
  | 'requestLimit'
  | 'hang'
  | 'dropAfterStore'
  | 'malformed'
  | 'refreshInvalid';

export interface Fault {
  kind: FaultKind;
  /** How many requests it affects (default 1). */
  count?: number;
  /** Which requests: REST kinds, or 'api' for any REST request (default); refreshInvalid is always the token endpoint. */
  on?: 'api' | 'upsert' | 'update' | 'delete' | 'query' | 'convert';
  sobject?: string;
  /** lockRow / validation: only these records (by Koma_Id__c); default every record of the request. */
  externalIds?: string[];
  /** validation: only records whose field contains this text. */
  when?: { field: string; contains: string };
  /** status429 / status503: the Retry-After header, in seconds. */
  retryAfter?: number;
  message?: string;
}

export interface FakeOptions {
  port?: number;
  clientId?: string;
  apiMax?: number;
  apiUsed?: number;
  rotateRefreshTokens?: boolean;
  /** Delay before answering (after a write is applied), ms: a fixed value or a random range. */
  latencyMs?: number | { min: number; max: number };
  /** Fields the org does not have, per sObject: any request naming one is refused (INVALID_FIELD). */
  unknownFields?: Record<string, string[]>;
  /** Koma's custom fields exist (default); false: an org where the admin has not created them. */
  komaFields?: boolean;
  /** Fields the rep may read but not edit (field-level security), per sObject. */
  readOnlyFields?: Record<string, string[]>;
  /** Objects the rep may not create or edit. */
  readOnlyObjects?: string[];
  leadStatuses?: OrgOptions['leadStatuses'];
  stageNames?: string[];
  restrictedIndustry?: OrgOptions['restrictedIndustry'];
  /** The rep's profile has "Convert Leads" (default true). */
  convertLeads?: boolean;
  externalIdField?: string;
  /**
   * Records per query answer. Salesforce returns up to 2,000 at a time but "the returned batch can
   * include fewer records than the limit … based on the size and complexity of records queried",
   * with done false and a nextRecordsUrl (REST API Developer Guide, Query:
   * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query.html). Default 2000.
   */
  queryBatchSize?: number;
  /** The org's clock for CreatedDate and SystemModstamp (default the machine's): tests that read by date set it. */
  now?: () => Date;
}

export type FakeRecord = Record<string, unknown> & { Id: string };

export interface FakeStats {
  apiRequests: number;
  token: { authorization_code: number; refresh_token: number };
  upserts: Record<string, number>;
  updates: number;
  /** Records deleted through sObject Collections delete. */
  deletes?: number;
  queries: number;
  describes: number;
  converts: number;
  revoked: number;
  created: Record<string, number>;
  faultsApplied: number;
}

export interface FakeSalesforce {
  /** The login host (OAuth authorize, token, revoke); REST calls here are refused. */
  readonly url: string;
  /** The org's instance host, as the token answer's instance_url: REST and SOAP live here only. */
  readonly instanceUrl: string;
  /** The first rep: the user every sign-in is, unless signInAs chose another. */
  readonly userId: string;
  readonly orgId: string;
  /** The users in the org (`User` records): reps 005…001 and 005…010–012, field sales 002–009, a manager 013. */
  readonly users: { readonly reps: readonly string[]; readonly manager: string; readonly insideSalesRole: string; readonly teamGroup: string };
  /** The next sign-ins (authorization codes) are by this user, as whoever logs in in the browser. */
  signInAs(userId: string): void;
  readonly options: FakeOptions;
  addFaults(...faults: Fault[]): void;
  /** Changes the org (fields, permissions, picklists) as an admin would between two requests. */
  setOptions(patch: Partial<FakeOptions>): void;
  clearFaults(): void;
  pendingFaults(): Fault[];
  setDown(down: boolean): void;
  records(sobject: string): FakeRecord[];
  findByExternalId(sobject: string, value: string): FakeRecord[];
  /** A change made in Salesforce itself (a rep or field sales editing), stamped now. */
  insert(sobject: string, fields: Record<string, unknown>): string;
  update(sobject: string, id: string, fields: Record<string, unknown>): void;
  /** A bulk load or mass update (Data Loader, a mass owner change): every record stamped at `at`. */
  stampAll(sobject: string, ids: readonly string[], at: string): void;
  expireSessions(): void;
  /** The refresh tokens Salesforce would accept now. */
  validRefreshTokens(): string[];
  stats(): FakeStats;
  close(): Promise<void>;
}

const prefixes: Record<string, string> = { Account: '001', Contact: '003', Lead: '00Q', Opportunity: '006', Task: '00T', Event: '00U', User: '005' };

type RecordError = { statusCode: string; message: string; fields: string[] };
type Save = { id: string | null; success: boolean; errors: RecordError[]; created?: boolean };

/** Salesforce's dateTime spelling in JSON. */
function sfDateTime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, '.000+0000');
}

/**
 * Event's timing rules (Object Reference, Event, EndDateTime and DurationInMinutes:
 * https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-event.html,
 * worded the same in https://developer.salesforce.com/docs/industries/life-sciences-dev-guide/guide/lsc-sforce-api-objects-event.html):
 * "If IsAllDayEvent is false, a value must be supplied for either DurationInMinutes or
 * EndDateTime. Supplying values in both fields is allowed if the values add up to the same amount
 * of time." A timed event also needs its start (ActivityDateTime, or StartDateTime).
 */
function eventProblem(e: Record<string, unknown>): { statusCode: string; message: string; fields: string[] } | null {
  if (e.IsAllDayEvent === true) return null;
  const start = (e.ActivityDateTime ?? e.StartDateTime) as string | null | undefined;
  if (!start) return { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [ActivityDateTime]', fields: ['ActivityDateTime'] };
  const duration = e.DurationInMinutes as number | null | undefined;
  const end = e.EndDateTime as string | null | undefined;
  if ((duration === null || duration === undefined) && !end) {
    return { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [DurationInMinutes]', fields: ['DurationInMinutes'] };
  }
  if (duration !== null && duration !== undefined && end && Date.parse(start) + duration * 60_000 !== Date.parse(end)) {
    return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'DurationInMinutes and EndDateTime do not add up to the same amount of time', fields: ['DurationInMinutes', 'EndDateTime'] };
  }
  return null;
}

/** What Salesforce fills in on a timed Event: the end, the duration, the start and its date (the org's users are in Asia/Tokyo). */
function eventDerived(e: Record<string, unknown>): Record<string, unknown> {
  if (e.IsAllDayEvent === true) return {};
  const start = String(e.ActivityDateTime ?? e.StartDateTime);
  const end = e.EndDateTime ? String(e.EndDateTime) : new Date(Date.parse(start) + Number(e.DurationInMinutes) * 60_000).toISOString();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(start));
  return { ActivityDateTime: start, StartDateTime: start, EndDateTime: end, DurationInMinutes: Math.round((Date.parse(end) - Date.parse(start)) / 60_000), ActivityDate: day, IsAllDayEvent: false };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeSalesforce(options: FakeOptions = {}): Promise<FakeSalesforce> {
  const ext = options.externalIdField ?? 'Koma_Id__c';
  const clientId = options.clientId ?? 'koma-test-client';
  const orgId = '00D000000000001AAA';
  const userId = '005000000000001AAA';
  const store = new Map<string, Map<string, FakeRecord>>();
  const counters = new Map<string, number>();
  let faults: Fault[] = [];
  let down = false;
  let apiUsed = options.apiUsed ?? 0;
  let lastStamp = 0;
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  // Who each token belongs to: several reps' Komas (and their manager's) share one org.
  const tokenUsers = new Map<string, string>();
  let signInUser = userId;
  /** The user the request being answered was made by (set before any write or query runs). */
  let currentUser = userId;
  const codes = new Map<string, { challenge: string; redirectUri: string; clientId: string; user: string }>();
  const sockets = new Set<Socket>();
  const stats: FakeStats = {
    apiRequests: 0,
    token: { authorization_code: 0, refresh_token: 0 },
    upserts: {},
    updates: 0,
    queries: 0,
    describes: 0,
    converts: 0,
    revoked: 0,
    created: {},
    faultsApplied: 0,
  };

  const table = (sobject: string) => {
    let t = store.get(sobject);
    if (!t) store.set(sobject, (t = new Map()));
    return t;
  };
  const newId = (sobject: string) => {
    const n = (counters.get(sobject) ?? 0) + 1;
    counters.set(sobject, n);
    return `${prefixes[sobject] ?? 'a00'}${n.toString(36).padStart(12, '0')}AAA`;
  };
  /** Whole seconds, never going back: Salesforce stamps carry no milliseconds. */
  const stamp = () => {
    const now = Math.max(Math.floor((options.now?.() ?? new Date()).getTime() / 1000) * 1000, lastStamp);
    lastStamp = now;
    return new Date(now).toISOString();
  };
  const findByExternalId = (sobject: string, value: string) => [...table(sobject).values()].filter((r) => r[ext] === value);
  const exists = (id: unknown, types: string[]) => typeof id === 'string' && types.some((t) => table(t).has(id));

  function takeFault(route: 'upsert' | 'update' | 'delete' | 'query' | 'convert' | 'token', sobject: string | null, kinds: FaultKind[]): Fault | null {
    const fault = faults.find(
      (f) => kinds.includes(f.kind) && (f.count ?? 1) > 0 && (route === 'token' || (f.on ?? 'api') === 'api' || f.on === route) && (!f.sobject || f.sobject === sobject),
    );
    if (!fault) return null;
    fault.count = (fault.count ?? 1) - 1;
    faults = faults.filter((f) => (f.count ?? 1) > 0);
    stats.faultsApplied++;
    return fault;
  }

  function recordFaults(sobject: string, records: Record<string, unknown>[]): Map<number, RecordError> {
    const errors = new Map<number, RecordError>();
    for (const kind of ['lockRow', 'validation'] as const) {
      const fault = faults.find((f) => f.kind === kind && (f.count ?? 1) > 0 && (!f.sobject || f.sobject === sobject));
      if (!fault) continue;
      let hit = false;
      records.forEach((r, i) => {
        if (errors.has(i)) return;
        if (fault.externalIds && !fault.externalIds.includes(String(r[ext]))) return;
        if (fault.when && !String(r[fault.when.field] ?? '').includes(fault.when.contains)) return;
        hit = true;
        errors.set(
          i,
          kind === 'lockRow'
            ? { statusCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record or 1 records', fields: [] }
            : { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: fault.message ?? 'The record failed a validation rule', fields: fault.when ? [fault.when.field] : [] },
        );
      });
      if (hit) {
        fault.count = (fault.count ?? 1) - 1;
        faults = faults.filter((f) => (f.count ?? 1) > 0);
        stats.faultsApplied++;
      }
    }
    return errors;
  }

  /** The org's schema, rebuilt when the options change (an admin adding a field between two tests). */
  let org = buildOrg(orgOptions());
  // The org's users: the signed-in rep and a field sales team (005…002 to 005…009), so an
  // OwnerId names a user that exists.
  // Inside sales: 高橋 (001), 佐藤 (010), 鈴木 (011), 髙﨑 (012, not in the public group) in the role
  // インサイドセールス; their manager 田中 (013) in the role IS マネージャー; the public group
  // 「IS チーム」 holds 001, 010 and 011.
  const userIdOf = (n: number) => `005${String(n).padStart(12, '0')}AAA`;
  const insideSalesRole = '00E000000000001AAA';
  const managerRole = '00E000000000002AAA';
  const teamGroup = '00G000000000001AAA';
  const repNames: Record<number, string> = { 1: '高橋 健', 10: '佐藤 美咲', 11: '鈴木 大輔', 12: '髙﨑 玲奈', 13: '田中 誠' };
  for (let n = 1; n <= 13; n++) {
    const id = userIdOf(n);
    const role = n === 13 ? managerRole : n === 1 || n >= 10 ? insideSalesRole : null;
    table('User').set(id, { Id: id, IsActive: true, Name: repNames[n] ?? `営業 ${n}`, UserRoleId: role });
  }
  table('UserRole').set(insideSalesRole, { Id: insideSalesRole, Name: 'インサイドセールス' });
  table('UserRole').set(managerRole, { Id: managerRole, Name: 'IS マネージャー' });
  table('Group').set(teamGroup, { Id: teamGroup, Name: 'IS チーム', Type: 'Regular' });
  [1, 10, 11].forEach((n, i) => {
    const id = `011${String(i + 1).padStart(12, '0')}AAA`;
    table('GroupMember').set(id, { Id: id, GroupId: teamGroup, UserOrGroupId: userIdOf(n) });
  });
  const users = { reps: [1, 10, 11, 12].map(userIdOf), manager: userIdOf(13), insideSalesRole, teamGroup };
  const seedLeadStatuses = () => {
    const t = table('LeadStatus');
    t.clear();
    for (const r of leadStatusRecords(orgOptions())) t.set(String(r.Id), r as FakeRecord);
  };
  seedLeadStatuses();
  const seedPermissions = () => {
    table('UserPermissionAccess').clear();
    table('UserPermissionAccess').set('0Up000000000001AAA', { Id: '0Up000000000001AAA', PermissionsConvertLeads: options.convertLeads !== false });
  };
  seedPermissions();
  const setOptions = (patch: Partial<FakeOptions>) => {
    Object.assign(options, patch);
    org = buildOrg(orgOptions());
    seedLeadStatuses();
    seedPermissions();
  };
  function orgOptions(): OrgOptions {
    return {
      externalIdField: ext,
      komaFields: options.komaFields ?? true,
      ...(options.unknownFields ? { unknownFields: options.unknownFields } : {}),
      ...(options.readOnlyFields ? { readOnlyFields: options.readOnlyFields } : {}),
      ...(options.readOnlyObjects ? { readOnlyObjects: options.readOnlyObjects } : {}),
      ...(options.leadStatuses ? { leadStatuses: options.leadStatuses } : {}),
      ...(options.stageNames ? { stageNames: options.stageNames } : {}),
      ...(options.restrictedIndustry ? { restrictedIndustry: true } : {}),
    };
  }

  /**
   * The first name the object does not have. A relationship (`Account`, `Who`) counts as its
   * reference field's relationshipName. Unknown names make the whole request fail with
   * INVALID_FIELD "No such column", as Salesforce answers.
   */
  function unknownField(sobject: string, names: string[]): string | null {
    const object = org.get(sobject);
    if (!object) return names[0] ?? null;
    const known = new Set(object.fields.flatMap((f) => [f.name, ...(f.relationshipName ? [f.relationshipName] : [])]));
    return names.find((n) => !known.has(n.split('.')[0]!)) ?? null;
  }

  /**
   * A relationship given by the parent's external id ({ "Account": { "Koma_Id__c": "c-1" } }), as
   * the Bulk API's Relationship Fields in Records describes
   * (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_xml_rel_fields.htm),
   * resolved to the parent's Id. Refused on a polymorphic field (Who, What: "the referenced object
   * … can be one of several different types", SOQL and SOSL Reference, Understanding Relationship
   * Fields and Polymorphic Fields): an external id alone cannot say which object it names.
   */
  function resolveRelationships(object: FakeObject, record: Record<string, unknown>): RecordError | null {
    for (const f of object.fields) {
      const rel = f.relationshipName;
      if (!rel || !(rel in record)) continue;
      const ref = record[rel];
      delete record[rel];
      if (f.polymorphicForeignKey) {
        return { statusCode: 'INVALID_FIELD', message: `${rel}: a polymorphic relationship cannot be set by external id; give ${f.name} as a Salesforce Id`, fields: [f.name] };
      }
      const keys = typeof ref === 'object' && ref !== null ? Object.entries(ref as Record<string, unknown>).filter(([k]) => k !== 'attributes') : [];
      if (keys.length !== 1 || keys[0]![0] !== ext) return { statusCode: 'INVALID_FIELD', message: `${rel}: give exactly one external id field`, fields: [f.name] };
      const parent = findByExternalId(f.referenceTo[0]!, String(keys[0]![1]));
      if (parent.length !== 1) return { statusCode: 'INVALID_FIELD', message: `Foreign key external ID: ${String(keys[0]![1])} not found for field ${ext} in entity ${f.referenceTo[0]}`, fields: [f.name] };
      record[f.name] = parent[0]!.Id;
    }
    return null;
  }

  /** Validates one record for create or update against the org's describe; null when it can be saved. */
  function check(sobject: string, record: Record<string, unknown>, existing: FakeRecord | null): RecordError | null {
    const object = org.get(sobject);
    if (!object) return { statusCode: 'INVALID_TYPE', message: `sObject type '${sobject}' is not supported`, fields: [] };
    // A converted Lead is read only: CANNOT_UPDATE_CONVERTED_LEAD (Salesforce Help:
    // https://help.salesforce.com/s/articleView?id=000384333&type=1; convertLead():
    // https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm).
    if (sobject === 'Lead' && existing?.IsConverted === true) return { statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] };
    const relationship = resolveRelationships(object, record);
    if (relationship) return relationship;
    const fieldError = checkFields(object, record, existing !== null);
    if (fieldError) return fieldError;
    // A Unique field (Koma's external id is one) refuses a value another record holds:
    // DUPLICATE_VALUE (SOAP API, Core Data Types, StatusCode:
    // https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm).
    for (const f of object.fields) {
      const value = record[f.name];
      if (!f.unique || value === undefined || value === null) continue;
      const other = [...table(sobject).values()].find((r) => r[f.name] === value && r.Id !== existing?.Id);
      if (other) return { statusCode: 'DUPLICATE_VALUE', message: `duplicate value found: ${f.name} duplicates value on record with id: ${other.Id}`, fields: [f.name] };
    }
    // A reference must name a record of one of the field's referenceTo objects:
    // INVALID_CROSS_REFERENCE_KEY (same StatusCode list).
    for (const f of object.fields) {
      const value = record[f.name];
      if (f.type !== 'reference' || value === undefined || value === null) continue;
      if (!exists(value, f.referenceTo)) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id`, fields: [f.name] };
      // Once converted, a Lead's Id may not be referenced any more — only its ConvertedAccountId,
      // ConvertedContactId (Salesforce Help, "CANNOT_UPDATE_CONVERTED_LEAD" error:
      // https://help.salesforce.com/s/articleView?id=000384333&type=1): a Task logged after the
      // conversion must name the Contact.
      if (table('Lead').get(String(value))?.IsConverted === true) return { statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [f.name] };
    }
    if (sobject === 'Event') {
      const problem = eventProblem({ ...(existing ?? {}), ...record });
      if (problem) return problem;
    }
    if (sobject === 'Task') {
      // A Task whose Who is a Lead may have no What (the Who is a Contact or a Lead, the What an
      // Account, Opportunity… — Object Reference, Task:
      // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm;
      // "If whoId is related to lead, Salesforce does not allow the whatId field to contain any
      // value": https://rioeducation.com/salesforce-activity-whatid-whoid/). Salesforce answers
      // "field integrity exception: WhoId, WhatId"
      // (https://www.zynbit.com/knowledgebase/what-does-field-integrity-exception-mean/).
      const who = record.WhoId !== undefined ? record.WhoId : existing?.WhoId;
      const what = record.WhatId !== undefined ? record.WhatId : existing?.WhatId;
      if (typeof who === 'string' && table('Lead').has(who) && what !== null && what !== undefined) {
        return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'field integrity exception: WhoId, WhatId (a Task related to a lead cannot be related to an account or opportunity)', fields: ['WhoId', 'WhatId'] };
      }
    }
    return null;
  }

  function save(sobject: string, record: Record<string, unknown>, existing: FakeRecord | null): { id: string; created: boolean } {
    const at = stamp();
    if (sobject === 'Event') record = { ...record, ...eventDerived({ ...(existing ?? {}), ...record }) };
    if (existing) {
      Object.assign(existing, record, { LastModifiedDate: at, SystemModstamp: at });
      return { id: existing.Id, created: false };
    }
    const id = newId(sobject);
    table(sobject).set(id, {
      ...(sobject === 'Lead' ? { IsConverted: false, DoNotCall: false, Status: 'New' } : {}),
      ...record,
      Id: id,
      OwnerId: (record.OwnerId as string | undefined) ?? currentUser,
      CreatedById: (record.CreatedById as string | undefined) ?? currentUser,
      CreatedDate: at,
      LastModifiedDate: at,
      SystemModstamp: at,
    });
    stats.created[sobject] = (stats.created[sobject] ?? 0) + 1;
    return { id, created: true };
  }

  function stripAttributes(r: Record<string, unknown>): Record<string, unknown> {
    const copy = { ...r };
    delete copy.attributes;
    return copy;
  }

  /**
   * sObject Collections upsert (https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-upsert.html):
   * at most 200 records, all of the URI's type, each with attributes.type; "Only external ids are
   * supported. Don't use record ids"; per-record UpsertResults in order, allOrNone optional. The
   * key field must be an External ID (else INVALID_FIELD); a key repeated in the request, or
   * matching several records, is DUPLICATE_EXTERNAL_ID (upsert(): https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_upsert.htm).
   */
  function upsert(sobject: string, field: string, body: { allOrNone?: boolean; records?: Record<string, unknown>[] }): { status: number; json: unknown } {
    if (!prefixes[sobject]) return { status: 404, json: [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist` }] };
    if (field === 'Id' || field !== ext || !org.get(sobject)?.fields.some((f) => f.name === field && f.externalId)) {
      return { status: 400, json: [{ errorCode: 'INVALID_FIELD', message: `Provided external ID field does not exist or is not accessible: ${field}` }] };
    }
    const records = body.records;
    if (!Array.isArray(records)) return { status: 400, json: [{ errorCode: 'JSON_PARSER_ERROR', message: 'records is required' }] };
    if (records.length > 200) return { status: 400, json: [{ errorCode: 'EXCEEDED_ID_LIMIT', message: 'record limit reached. cannot submit more than 200 records into this call' }] };
    const names = [...new Set(records.flatMap((r) => Object.keys(stripAttributes(r))))];
    const unknown = unknownField(sobject, names);
    if (unknown) return { status: 400, json: [{ errorCode: 'INVALID_FIELD', message: `No such column '${unknown}' on sobject of type ${sobject}` }] };
    stats.upserts[sobject] = (stats.upserts[sobject] ?? 0) + 1;

    const injected = recordFaults(sobject, records);
    const seen = new Map<string, number>();
    records.forEach((r) => seen.set(String(r[field]), (seen.get(String(r[field])) ?? 0) + 1));
    const planned = records.map((raw, i): { error: RecordError } | { record: Record<string, unknown>; existing: FakeRecord | null } => {
      const attrs = raw.attributes as { type?: string } | undefined;
      if (attrs?.type !== sobject) return { error: { statusCode: 'INVALID_TYPE', message: `attributes.type must be ${sobject}`, fields: [] } };
      const record = stripAttributes(raw);
      if ('Id' in record || 'id' in record) return { error: { statusCode: 'INVALID_FIELD', message: 'Cannot specify Id in an upsert call', fields: ['Id'] } };
      const key = record[field];
      if (typeof key !== 'string' || key.length === 0) return { error: { statusCode: 'MISSING_ARGUMENT', message: `${field} not specified`, fields: [field] } };
      if ((seen.get(key) ?? 0) > 1) return { error: { statusCode: 'DUPLICATE_EXTERNAL_ID', message: `Duplicate external id specified: ${key}`, fields: [field] } };
      const matchesKey = findByExternalId(sobject, key);
      if (matchesKey.length > 1) return { error: { statusCode: 'DUPLICATE_EXTERNAL_ID', message: `${field}: more than one record found for external id field: ${key}`, fields: [field] } };
      const injectedError = injected.get(i);
      if (injectedError) return { error: injectedError };
      const existing = matchesKey[0] ?? null;
      const error = check(sobject, record, existing);
      return error ? { error } : { record, existing };
    });
    return { status: 200, json: commit(sobject, planned, body.allOrNone === true, true) };
  }

  function commit(
    sobject: string | null,
    planned: ({ error: RecordError } | { record: Record<string, unknown>; existing: FakeRecord | null; sobject?: string })[],
    allOrNone: boolean,
    withCreated: boolean,
  ): Save[] {
    const failed = planned.some((p) => 'error' in p);
    if (allOrNone && failed) {
      return planned.map((p) =>
        'error' in p
          ? { id: null, success: false, errors: [p.error] }
          : { id: null, success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] },
      );
    }
    return planned.map((p) => {
      if ('error' in p) return { id: null, success: false, errors: [p.error], ...(withCreated ? { created: false } : {}) };
      const saved = save(p.sobject ?? sobject!, p.record, p.existing);
      return { id: saved.id, success: true, errors: [], ...(withCreated ? { created: saved.created } : {}) };
    });
  }

  /**
   * sObject Collections update (https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-update.html):
   * at most 200 records of any types, each with attributes.type and an id; SaveResults in order.
   */
  function update(body: { allOrNone?: boolean; records?: Record<string, unknown>[] }): { status: number; json: unknown } {
    const records = body.records;
    if (!Array.isArray(records)) return { status: 400, json: [{ errorCode: 'JSON_PARSER_ERROR', message: 'records is required' }] };
    if (records.length > 200) return { status: 400, json: [{ errorCode: 'EXCEEDED_ID_LIMIT', message: 'record limit reached. cannot submit more than 200 records into this call' }] };
    for (const r of records) {
      const type = (r.attributes as { type?: string } | undefined)?.type ?? '';
      const unknown = unknownField(type, Object.keys(stripAttributes(r)));
      if (unknown) return { status: 400, json: [{ errorCode: 'INVALID_FIELD', message: `No such column '${unknown}' on sobject of type ${type}` }] };
    }
    // Records of several types are processed in chunks of consecutive records of one type, "A
    // single request can process up to 10 chunks" (same page): {account1, account2, contact1,
    // account3} is three chunks.
    const types = records.map((r) => (r.attributes as { type?: string } | undefined)?.type ?? '');
    const chunkCount = types.filter((t, i) => i === 0 || t !== types[i - 1]).length;
    if (chunkCount > 10) {
      return { status: 400, json: [{ errorCode: 'EXCEEDED_MAX_TYPES_LIMIT', message: `Cannot have more than 10 chunks in a single operation (this one has ${chunkCount}). Please rearrange the data to reduce chunking.` }] };
    }
    stats.updates++;
    const planned = records.map((raw) => {
      const type = (raw.attributes as { type?: string } | undefined)?.type;
      if (!type || !prefixes[type]) return { error: { statusCode: 'INVALID_TYPE', message: 'attributes.type is required', fields: [] } };
      const record = stripAttributes(raw);
      const id = record.id ?? record.Id;
      delete record.id;
      delete record.Id;
      if (typeof id !== 'string') return { error: { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: ['Id'] } };
      const existing = table(type).get(id);
      if (!existing) return { error: { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] } };
      const injected = recordFaults(type, [{ ...record, [ext]: existing[ext] }]).get(0);
      if (injected) return { error: injected };
      const error = check(type, record, existing);
      return error ? { error } : { record, existing, sobject: type };
    });
    return { status: 200, json: commit(null, planned, body.allOrNone === true, false) };
  }

  const deleted = new Set<string>();
  /**
   * sObject Collections delete: DELETE /composite/sobjects?ids=…&allOrNone=…, at most 200 ids,
   * a DeleteResult per id in order; an id already deleted is ENTITY_IS_DELETED, one that names no
   * record INVALID_CROSS_REFERENCE_KEY (REST API, Delete Multiple Records:
   * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_delete.htm;
   * StatusCode list in Core Data Types, above).
   */
  function remove(params: URLSearchParams): { status: number; json: unknown } {
    const ids = (params.get('ids') ?? '').split(',').filter((id) => id.length > 0);
    if (ids.length === 0) return { status: 400, json: [{ errorCode: 'MISSING_ARGUMENT', message: 'ids is required' }] };
    if (ids.length > 200) return { status: 400, json: [{ errorCode: 'EXCEEDED_ID_LIMIT', message: 'record limit reached. cannot submit more than 200 records into this call' }] };
    const found = ids.map((id) => [...store.entries()].find(([, t]) => t.has(id))?.[0] ?? null);
    const errorOf = (id: string, type: string | null) =>
      deleted.has(id)
        ? { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }
        : type === null
          ? { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }
          : !org.get(type)?.updateable
            ? { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: `insufficient access rights on object ${type}`, fields: [] }
            : null;
    const errors = ids.map((id, i) => errorOf(id, found[i]!));
    if (params.get('allOrNone') === 'true' && errors.some((e) => e !== null)) {
      return { status: 200, json: ids.map((id, i) => ({ id, success: false, errors: [errors[i] ?? { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] })) };
    }
    return {
      status: 200,
      json: ids.map((id, i) => {
        if (errors[i]) return { id, success: false, errors: [errors[i]] };
        table(found[i]!).delete(id);
        deleted.add(id);
        stats.deletes = (stats.deletes ?? 0) + 1;
        return { id, success: true, errors: [] };
      }),
    };
  }

  /** The rest of each open query result, by query locator (REST API, Query More Results). */
  const locators = new Map<string, { from: string; rows: Record<string, unknown>[]; total: number }>();
  let locatorSeq = 0;

  /**
   * One batch of a query result: at most queryBatchSize records; when more remain, done is false
   * and nextRecordsUrl names the locator to read them with (REST API Developer Guide, Query and
   * Query More Results: https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query-more-results.html).
   * totalSize is the size of the whole result, not of the batch.
   */
  function batchOf(version: string, from: string, rows: Record<string, unknown>[], total: number): { status: number; json: unknown } {
    const size = options.queryBatchSize ?? 2000;
    const records = rows.slice(0, size);
    const rest = rows.slice(size);
    if (rest.length === 0) return { status: 200, json: { totalSize: total, done: true, records } };
    const locator = `01gFAKE${(++locatorSeq).toString(36).padStart(8, '0')}-${total - rest.length}`;
    locators.set(locator, { from, rows: rest, total });
    return { status: 200, json: { totalSize: total, done: false, nextRecordsUrl: `/services/data/${version}/query/${locator}`, records } };
  }

  function queryMore(version: string, locator: string): { status: number; json: unknown } {
    const open = locators.get(locator);
    // A locator is read once: the next batch carries a new one (Query More Results).
    if (!open) return { status: 400, json: [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }] };
    locators.delete(locator);
    stats.queries++;
    return batchOf(version, open.from, open.rows, open.total);
  }

  function query(version: string, q: string): { status: number; json: unknown } {
    let parsed;
    try {
      parsed = parseSoql(q);
    } catch (error) {
      return { status: 400, json: [{ errorCode: 'MALFORMED_QUERY', message: error instanceof SoqlError ? error.message : 'malformed query' }] };
    }
    // A field the object lacks fails the query: INVALID_FIELD "No such column" (REST API, Query:
    // https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query.html).
    const unknown = unknownField(parsed.from, [...parsed.fields, ...fieldsOf(parsed.where)]);
    if (unknown) return { status: 400, json: [{ errorCode: 'INVALID_FIELD', message: `No such column '${unknown}' on entity '${parsed.from}'` }] };
    stats.queries++;
    const rows = [...table(parsed.from).values()].filter((r) => matches(r, parsed.where));
    if (isAggregateQuery(parsed)) {
      // An aggregate answer comes whole or not at all: no query locator (soqlAggregate.ts).
      try {
        const records = aggregate(parsed, org.get(parsed.from)!, rows);
        return { status: 200, json: { totalSize: records.length, done: true, records } };
      } catch (error) {
        if (!(error instanceof SoqlError)) throw error;
        return { status: 400, json: [{ errorCode: error instanceof SoqlFieldError ? 'INVALID_FIELD' : 'MALFORMED_QUERY', message: error.message }] };
      }
    }
    rows.sort((a, b) => {
      for (const f of parsed.orderBy) {
        const x = String(a[f] ?? '');
        const y = String(b[f] ?? '');
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    });
    const limited = parsed.limit === null ? rows : rows.slice(0, parsed.limit);
    const records = limited.map((r) => ({
      attributes: { type: parsed.from, url: `/services/data/${version}/sobjects/${parsed.from}/${r.Id}` },
      ...Object.fromEntries(parsed.fields.map((f) => [f, ['CreatedDate', 'LastModifiedDate', 'SystemModstamp'].includes(f) ? sfDateTime(String(r[f])) : (r[f] ?? null)])),
    }));
    return batchOf(version, parsed.from, records, records.length);
  }

  /**
   * convertLead() (SOAP API: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm):
   * needs "Convert Leads" and create and edit on Account, Contact and Opportunity; convertedStatus
   * must be a LeadStatus with IsConverted; a converted Lead cannot be converted again; accountId
   * merges into that Account; the new Opportunity takes opportunityName and the default stage.
   * The Lead is then IsConverted with its Converted…Ids (LeadConvertResult).
   */
  function convertLead(body: Record<string, unknown>): ConvertAnswer[] {
    const converts = (body.leadConverts as Record<string, unknown>[] | undefined) ?? [];
    stats.converts++;
    const statuses = leadStatusRecords(orgOptions());
    const today = new Date(Date.now()).toISOString().slice(0, 10);
    return converts.map((c): ConvertAnswer => {
      const leadId = typeof c.leadId === 'string' ? c.leadId : null;
      const refuse = (statusCode: string, message: string, fields: string[] = []): ConvertAnswer => ({ success: false, leadId, statusCode, message, fields });
      if (options.convertLeads === false || ['Account', 'Contact', 'Opportunity', 'Lead'].some((o) => !org.get(o)?.createable)) {
        return refuse('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id: you need the Convert Leads permission');
      }
      const lead = leadId ? table('Lead').get(leadId) : undefined;
      if (!lead) return refuse('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['leadId']);
      if (lead.IsConverted === true) return refuse('CANNOT_UPDATE_CONVERTED_LEAD', 'This lead was already converted to the contact below', ['leadId']);
      if (!statuses.some((st) => st.IsConverted === true && st.MasterLabel === c.convertedStatus)) return refuse('INVALID_STATUS', `invalid converted status: ${String(c.convertedStatus)}`, ['convertedStatus']);
      const accountId = typeof c.accountId === 'string' && c.accountId.length > 0 ? c.accountId : null;
      if (accountId && !table('Account').has(accountId)) return refuse('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['accountId']);
      const ownerId = typeof c.ownerId === 'string' && c.ownerId.length > 0 ? c.ownerId : String(lead.OwnerId);
      if (!table('User').has(ownerId)) return refuse('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['ownerId']);
      const account = accountId ?? save('Account', { Name: lead.Company, OwnerId: ownerId }, null).id;
      const contact = save('Contact', { LastName: lead.LastName, FirstName: lead.FirstName ?? null, Title: lead.Title ?? null, Email: lead.Email ?? null, Phone: lead.Phone ?? null, AccountId: account, OwnerId: ownerId }, null).id;
      const stage = org.get('Opportunity')!.fields.find((f) => f.name === 'StageName')!.picklistValues[0]!.value;
      const name = typeof c.opportunityName === 'string' && c.opportunityName.length > 0 ? c.opportunityName : `${String(lead.Company)}-`;
      const opportunity = save('Opportunity', { Name: name, StageName: stage, CloseDate: today, AccountId: account, ContactId: contact, OwnerId: ownerId }, null).id;
      save('Lead', { IsConverted: true, Status: c.convertedStatus, ConvertedAccountId: account, ConvertedContactId: contact, ConvertedOpportunityId: opportunity, ConvertedDate: today }, lead);
      return { success: true, leadId: lead.Id, accountId: account, contactId: contact, opportunityId: opportunity };
    });
  }

  async function soap(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    apiUsed++;
    stats.apiRequests++;
    const reply = (status: number, xml: string) => {
      res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8' }).end(xml);
    };
    // SOAP 1.1 over HTTP: text/xml, and "An HTTP client MUST use this header field [SOAPAction]
    // when issuing a SOAP HTTP Request" (W3C SOAP 1.1, 6.1.1:
    // https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383528); the Partner WSDL's is empty.
    if (!contentTypeIs(req, 'text/xml')) return reply(415, soapFault('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be text/xml'));
    if (req.headers.soapaction === undefined) return reply(500, soapFault('INVALID_SOAP_HEADER', 'No SOAPAction header!'));
    const parsed = readSoap(body);
    if (!parsed) return reply(500, soapFault('INVALID_XML', 'The request is not a SOAP envelope'));
    // The OAuth access token is the session id (SOAP API, SessionHeader:
    // https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_header_sessionheader.htm).
    if (!parsed.sessionId || !accessTokens.has(parsed.sessionId)) return reply(500, soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session'));
    currentUser = tokenUsers.get(parsed.sessionId) ?? userId;
    if (parsed.call !== 'convertLead') return reply(500, soapFault('INVALID_OPERATION', `not supported by this fake: ${parsed.call}`));
    const before = takeFault('convert', null, ['status500', 'hang', 'requestLimit', 'invalidSession']);
    if (before?.kind === 'hang') return;
    if (before?.kind === 'status500') return reply(500, soapFault('UNKNOWN_EXCEPTION', 'An unexpected error occurred'));
    if (before?.kind === 'requestLimit') return reply(500, soapFault('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
    if (before?.kind === 'invalidSession') {
      fake.expireSessions();
      return reply(500, soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session'));
    }
    const converts = (parsed.body.leadConverts as unknown[] | undefined) ?? [];
    // At most 100 LeadConverts a call ("The convertLead method accepts up to 100 LeadConvert
    // objects", Apex Database class: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_database.htm).
    if (converts.length > 100) return reply(500, soapFault('EXCEEDED_ID_LIMIT', 'convertLead: more than 100 leads in one call'));
    const answers = convertLead(parsed.body);
    const after = takeFault('convert', null, ['dropAfterStore', 'malformed']);
    await sleep(latency());
    if (after?.kind === 'dropAfterStore') {
      req.socket.destroy();
      return;
    }
    if (after?.kind === 'malformed') return reply(200, '<soapenv:Envelope><soapenv:Body><convertLeadResp');
    reply(200, convertLeadResponse(answers));
  }

  function token(form: URLSearchParams): { status: number; json: unknown } {
    const grant = form.get('grant_type');
    const issue = (refresh: string | null, user: string) => {
      const access = `00D!${randomBytes(24).toString('base64url')}`;
      accessTokens.add(access);
      tokenUsers.set(access, user);
      if (refresh) tokenUsers.set(refresh, user);
      return {
        access_token: access,
        ...(refresh ? { refresh_token: refresh } : {}),
        signature: randomBytes(16).toString('base64'),
        scope: 'api refresh_token',
        instance_url: instanceUrl,
        id: `${url}/id/${orgId}/${user}`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
      };
    };
    if (form.get('client_id') !== clientId) return { status: 400, json: { error: 'invalid_client_id', error_description: 'client identifier invalid' } };
    if (grant === 'authorization_code') {
      stats.token.authorization_code++;
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!code || code.redirectUri !== form.get('redirect_uri')) return { status: 400, json: { error: 'invalid_grant', error_description: 'invalid authorization code' } };
      const verifier = form.get('code_verifier');
      if (!verifier) return { status: 400, json: { error: 'invalid_grant', error_description: 'code verifier is required' } };
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
        return { status: 400, json: { error: 'invalid_request', error_description: 'invalid code verifier' } };
      }
      const refresh = `5Aep${randomBytes(24).toString('base64url')}`;
      refreshTokens.add(refresh);
      return { status: 200, json: issue(refresh, code.user) };
    }
    if (grant === 'refresh_token') {
      stats.token.refresh_token++;
      const current = form.get('refresh_token') ?? '';
      if (takeFault('token', null, ['refreshInvalid'])) refreshTokens.delete(current);
      if (!refreshTokens.has(current)) return { status: 400, json: { error: 'invalid_grant', error_description: 'expired access/refresh token' } };
      if (options.rotateRefreshTokens) {
        // Rotation: the old refresh token stops working the moment a new one is issued.
        refreshTokens.delete(current);
        const next = `5Aep${randomBytes(24).toString('base64url')}`;
        refreshTokens.add(next);
        return { status: 200, json: issue(next, tokenUsers.get(current) ?? userId) };
      }
      return { status: 200, json: issue(null, tokenUsers.get(current) ?? userId) };
    }
    return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } };
  }

  function authorize(query: URLSearchParams, res: ServerResponse): void {
    const redirectUri = query.get('redirect_uri') ?? '';
    const redirect = new URL(redirectUri);
    const ok =
      query.get('response_type') === 'code' &&
      query.get('client_id') === clientId &&
      query.get('code_challenge_method') === 'S256' &&
      (query.get('code_challenge') ?? '').length >= 43 &&
      redirect.protocol === 'http:' &&
      redirect.hostname === '127.0.0.1' &&
      redirect.pathname === '/callback';
    if (!ok) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('error=invalid_request');
      return;
    }
    const code = `aPrx${randomBytes(24).toString('base64url')}`;
    codes.set(code, { challenge: query.get('code_challenge')!, redirectUri, clientId, user: signInUser });
    redirect.searchParams.set('code', code);
    redirect.searchParams.set('state', query.get('state') ?? '');
    res.writeHead(302, { Location: redirect.toString() }).end();
  }

  const latency = () => {
    const l = options.latencyMs;
    if (l === undefined) return 0;
    return typeof l === 'number' ? l : l.min + Math.random() * (l.max - l.min);
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function control(req: IncomingMessage, res: ServerResponse, path: string, body: string): Promise<void> {
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    };
    const here = new URL(req.url ?? '/', url);
    if (path === '/__fake/faults' && req.method === 'POST') {
      fake.addFaults(...(JSON.parse(body) as Fault[]));
      return json(200, { faults: faults.length });
    }
    if (path === '/__fake/faults' && req.method === 'DELETE') {
      fake.clearFaults();
      return json(200, {});
    }
    if (path === '/__fake/down' || path === '/__fake/up') {
      fake.setDown(path === '/__fake/down');
      return json(200, {});
    }
    if (path === '/__fake/stats') return json(200, fake.stats());
    if (path === '/__fake/records' && req.method === 'GET') return json(200, fake.records(here.searchParams.get('type') ?? ''));
    if (path === '/__fake/records' && req.method === 'POST') {
      const { type, fields } = JSON.parse(body) as { type: string; fields: Record<string, unknown> };
      return json(200, { id: fake.insert(type, fields) });
    }
    if (path === '/__fake/records' && req.method === 'PATCH') {
      const { type, id, fields } = JSON.parse(body) as { type: string; id: string; fields: Record<string, unknown> };
      fake.update(type, id, fields);
      return json(200, {});
    }
    if (path === '/__fake/options' && req.method === 'POST') {
      setOptions(JSON.parse(body) as FakeOptions);
      return json(200, {});
    }
    json(404, { error: 'unknown control' });
  }

  /** Whether a request's Content-Type is the media type the endpoint takes (parameters such as charset aside). */
  const contentTypeIs = (req: IncomingMessage, type: string) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === type;

  async function handle(req: IncomingMessage, res: ServerResponse, host: 'login' | 'instance'): Promise<void> {
    const here = new URL(req.url ?? '/', host === 'login' ? url : instanceUrl);
    const path = here.pathname;
    const body = await readBody(req);
    if (path.startsWith('/__fake/')) return control(req, res, path, body);
    if (down) {
      req.socket.destroy();
      return;
    }
    // The login host serves the OAuth endpoints; the org's data lives on its instance, whose
    // address the token answer gives as instance_url (OAuth 2.0 Web Server Flow:
    // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm).
    if (host === 'login' && path === '/services/oauth2/authorize' && req.method === 'GET') return authorize(here.searchParams, res);
    if (path === '/services/oauth2/token' && req.method === 'POST') {
      // The token request is an HTML form post: application/x-www-form-urlencoded (same page).
      const { status, json } = contentTypeIs(req, 'application/x-www-form-urlencoded')
        ? token(new URLSearchParams(body))
        : { status: 400, json: { error: 'invalid_request', error_description: 'must use application/x-www-form-urlencoded' } };
      await sleep(latency());
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
      return;
    }
    if (path === '/services/oauth2/revoke' && req.method === 'POST') {
      const t = new URLSearchParams(body).get('token') ?? '';
      if (refreshTokens.delete(t) || accessTokens.delete(t)) stats.revoked++;
      res.writeHead(200).end();
      return;
    }
    if (host === 'instance' && /^\/services\/Soap\/u\/\d+\.\d$/.test(path) && req.method === 'POST') return soap(req, res, body);
    if (host === 'instance' && /^\/services\/data\/?$/.test(path) && req.method === 'GET') {
      // Versions: every API version the org serves, oldest first (REST API, Versions:
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm).
      const versions = Array.from({ length: 67 - 31 + 1 }, (_, i) => ({ version: `${31 + i}.0`, url: `/services/data/v${31 + i}.0` }));
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' }).end(JSON.stringify(versions));
      return;
    }
    const rest = /^\/services\/data\/(v\d+\.\d)\/(.*)$/.exec(path);
    if (!rest || host !== 'instance') {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]));
      return;
    }
    apiUsed++;
    stats.apiRequests++;
    // Sforce-Limit-Info: api-usage=USED/MAX on every REST answer (REST API, Limit Info Header:
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm).
    const limitHeader = { 'Sforce-Limit-Info': `api-usage=${apiUsed}/${options.apiMax ?? 15_000}`, 'Content-Type': 'application/json;charset=UTF-8' };
    const send = (status: number, json: unknown, extra: Record<string, string> = {}): void => {
      res.writeHead(status, { ...limitHeader, ...extra }).end(JSON.stringify(json));
    };
    // Every REST request carries the OAuth access token as a Bearer token; without a valid one:
    // 401 INVALID_SESSION_ID (Status Codes and Error Responses, errorcodes.htm above).
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !accessTokens.has(auth.slice(7))) return send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    currentUser = tokenUsers.get(auth.slice(7)) ?? userId;

    const version = rest[1]!;
    const resource = rest[2]!;
    const upsertMatch = /^composite\/sobjects\/([A-Za-z_]+)\/([A-Za-z_]+)$/.exec(resource);
    const moreMatch = /^query\/([A-Za-z0-9]+-\d+)$/.exec(resource);
    if (resource === 'limits' && req.method === 'GET') {
      // Limits: the org's daily API requests, Max and Remaining (REST API, Limits:
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm).
      const max = options.apiMax ?? 15_000;
      return send(200, { DailyApiRequests: { Max: max, Remaining: Math.max(0, max - apiUsed) } });
    }
    const describeMatch = /^sobjects\/([A-Za-z_]+)\/describe$/.exec(resource);
    if (describeMatch && req.method === 'GET') {
      // sObject Describe: the object's fields and their properties, as this user may use them
      // (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm).
      const object = org.get(describeMatch[1]!);
      stats.describes++;
      return object ? send(200, describeOf(object)) : send(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    }
    const route =
      upsertMatch && req.method === 'PATCH'
        ? 'upsert'
        : resource === 'composite/sobjects' && req.method === 'PATCH'
          ? 'update'
          : resource === 'composite/sobjects' && req.method === 'DELETE'
            ? 'delete'
            : (resource === 'query' || moreMatch) && req.method === 'GET'
              ? 'query'
              : null;
    if (!route) return send(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const sobject = upsertMatch?.[1] ?? null;
    // A request body must say what it is: "415 The entity in the request is in a format that's not
    // supported by the specified method" (REST API Developer Guide, Status Codes and Error Responses:
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
    if (route !== 'query' && route !== 'delete' && !contentTypeIs(req, 'application/json')) {
      return send(415, [{ errorCode: 'UNSUPPORTED_MEDIA_TYPE', message: `Content type '${req.headers['content-type'] ?? ''}' not supported` }]);
    }

    const before = takeFault(route, sobject, ['status500', 'status503', 'status429', 'invalidSession', 'requestLimit', 'hang']);
    if (before) {
      switch (before.kind) {
        case 'status500':
          return send(500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: before.message ?? 'An unexpected error occurred. Please include this ErrorId if you contact support' }]);
        case 'status503':
          return send(503, [{ errorCode: 'SERVER_UNAVAILABLE', message: before.message ?? 'Server unavailable' }], before.retryAfter !== undefined ? { 'Retry-After': String(before.retryAfter) } : {});
        case 'status429':
          return send(429, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: before.message ?? 'Too many requests' }], { 'Retry-After': String(before.retryAfter ?? 1) });
        case 'invalidSession':
          fake.expireSessions();
          return send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        case 'requestLimit':
          return send(403, [{ message: before.message ?? 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
        case 'hang':
          return; // never answered; the client gives up
        default:
          break;
      }
    }
    let parsedBody: Record<string, unknown> = {};
    if (route !== 'query' && route !== 'delete') {
      try {
        parsedBody = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return send(400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'Unexpected character' }]);
      }
    }
    const result =
      route === 'upsert'
        ? upsert(sobject!, upsertMatch![2]!, parsedBody)
        : route === 'update'
          ? update(parsedBody)
          : route === 'delete'
            ? remove(here.searchParams)
          : moreMatch
            ? queryMore(version, moreMatch[1]!)
            : query(version, here.searchParams.get('q') ?? '');
    const after = result.status === 200 ? takeFault(route, sobject, ['dropAfterStore', 'malformed']) : null;
    await sleep(latency());
    if (after?.kind === 'dropAfterStore') {
      req.socket.destroy();
      return;
    }
    if (after?.kind === 'malformed') {
      res.writeHead(200, limitHeader).end('[{"id":"001');
      return;
    }
    send(result.status, result.json);
  }

  const listen = async (host: 'login' | 'instance', port: number): Promise<{ server: Server; url: string }> => {
    const server = createServer((req, res) => {
      handle(req, res, host).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify([{ errorCode: 'FAKE_BUG', message: String(error) }]));
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };
  const login = await listen('login', options.port ?? 0);
  const instance = await listen('instance', 0);
  const url = login.url;
  const instanceUrl = instance.url;

  const fake: FakeSalesforce = {
    url,
    instanceUrl,
    userId,
    orgId,
    users,
    signInAs: (id) => {
      signInUser = id;
    },
    options,
    setOptions,
    addFaults: (...more) => {
      faults.push(...more.map((f) => ({ ...f, count: f.count ?? 1 })));
    },
    clearFaults: () => {
      faults = [];
    },
    pendingFaults: () => faults.map((f) => ({ ...f })),
    setDown: (value) => {
      down = value;
    },
    records: (sobject) => [...table(sobject).values()].map((r) => ({ ...r })),
    findByExternalId: (sobject, value) => findByExternalId(sobject, value).map((r) => ({ ...r })),
    insert: (sobject, fields) => save(sobject, fields, null).id,
    update: (sobject, id, fields) => {
      const existing = table(sobject).get(id);
      if (!existing) throw new Error(`no ${sobject} ${id}`);
      save(sobject, fields, existing);
    },
    stampAll: (sobject, ids, at) => {
      for (const id of ids) {
        const existing = table(sobject).get(id);
        if (!existing) throw new Error(`no ${sobject} ${id}`);
        Object.assign(existing, { LastModifiedDate: at, SystemModstamp: at });
      }
    },
    expireSessions: () => accessTokens.clear(),
    validRefreshTokens: () => [...refreshTokens],
    stats: () => structuredClone(stats),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        let open = 2;
        const closed = () => {
          if (--open === 0) resolve();
        };
        login.server.close(closed);
        instance.server.close(closed);
      }),
  };
  return fake;
}
