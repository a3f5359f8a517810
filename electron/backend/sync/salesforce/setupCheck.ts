import { z } from 'zod';
import type { SalesforceSettings, SetupCheck, SetupCheckItem } from '../../../../shared/contract/sync';
import { SyncRequestError } from '../types';
import type { SalesforceApi } from './api';
import type { DescribeField, ObjectDescribe } from './describe';
import { readConvertedStatus } from './conversion';

/**
 * The org checked the way an admin would before Koma syncs: the API version, the rep's rights on
 * each object Koma writes, Koma's external id on each (Activity for Task), the mapped fields and
 * their types, the standard fields Koma writes, the picklist values Koma maps to, a converted Lead
 * Status and the Convert Leads permission (when handoffs convert), and the daily API limit.
 */

const objects = ['Lead', 'Account', 'Contact', 'Opportunity', 'Task'] as const;

/** Standard fields Koma writes, per object (mapping.ts). */
const standardFields: Record<(typeof objects)[number], string[]> = {
  Lead: ['LastName', 'FirstName', 'Company', 'Title', 'Email', 'Phone', 'Status', 'DoNotCall'],
  Account: ['Name', 'Website', 'Industry', 'NumberOfEmployees', 'Phone'],
  Contact: ['LastName', 'FirstName', 'Title', 'Email', 'Phone', 'Department', 'AccountId'],
  Opportunity: ['Name', 'StageName', 'CloseDate', 'AccountId', 'ContactId', 'OwnerId', 'Description', 'NextStep'],
  Task: ['Subject', 'Status', 'TaskSubtype', 'CallType', 'CallDisposition', 'CallDurationInSeconds', 'Description', 'ActivityDate', 'WhoId'],
};

/** The field types a mapped field may have, by what Koma writes into it. */
const textTypes = ['string', 'textarea', 'picklist', 'combobox'];
const mappedTypes = {
  budgetStatus: textTypes,
  budgetAmount: ['double', 'currency', 'int'],
  authority: ['textarea', 'string'],
  need: ['textarea', 'string'],
  timeline: ['textarea', 'string'],
  bantConfirmed: ['boolean'],
  fieldState: ['picklist', 'string'],
  fieldReason: ['textarea', 'string'],
  recycleReason: textTypes,
  recycleUntil: ['datetime'],
  excludeReason: textTypes,
} as const;

/** The types of the team view's activity fields: the koma's number as text, a checkbox. */
const activityTypes = { slotField: ['string'], conversationField: ['boolean'] } as const;

const versionsSchema = z.array(z.object({ version: z.string() }));
const limitsSchema = z.object({ DailyApiRequests: z.object({ Max: z.number(), Remaining: z.number() }) });

function item(partial: Partial<SetupCheckItem> & Pick<SetupCheckItem, 'id' | 'kind' | 'ok'>): SetupCheckItem {
  return { required: true, object: null, field: null, problem: null, expected: null, actual: null, ...partial };
}

function fieldItem(d: ObjectDescribe, name: string, types: readonly string[] | null, writable: 'both' | 'create'): SetupCheckItem {
  const f = d.fields.find((x) => x.name === name);
  const base = { id: `field:${d.name}.${name}`, kind: 'field' as const, object: d.name, field: name, expected: types ? types[0]! : null };
  if (!f) return item({ ...base, ok: false, problem: 'missing' });
  if (types && !types.includes(f.type)) return item({ ...base, ok: false, problem: 'wrongType', actual: f.type });
  if (!f.createable || (writable === 'both' && !f.updateable)) return item({ ...base, ok: false, problem: 'readOnly' });
  return item({ ...base, ok: true });
}

function picklistItem(d: ObjectDescribe, field: string, value: string): SetupCheckItem {
  const f: DescribeField | undefined = d.fields.find((x) => x.name === field);
  const has = f?.picklistValues.some((p) => p.active && p.value === value) ?? false;
  // An unrestricted picklist takes any value; a missing value there is worth fixing but blocks nothing.
  return item({ id: `picklist:${d.name}.${field}=${value}`, kind: 'picklistValue', object: d.name, field, expected: value, ok: has, required: f?.restrictedPicklist ?? true, problem: has ? null : 'noValue' });
}

export async function checkSalesforceSetup(api: SalesforceApi, s: SalesforceSettings, signal: AbortSignal, now: Date): Promise<SetupCheck> {
  const items: SetupCheckItem[] = [];

  // The API version: one the org serves (REST API, Versions: GET /services/data/).
  const versions = versionsSchema.safeParse(await api.get('/services/data/', signal));
  const offered = versions.success ? versions.data.map((v) => `v${v.version}`) : [];
  const latest = offered.at(-1) ?? null;
  items.push(item({ id: 'apiVersion', kind: 'apiVersion', ok: offered.includes(s.apiVersion), problem: offered.includes(s.apiVersion) ? null : 'unavailable', expected: s.apiVersion, actual: latest }));

  const described = new Map<string, ObjectDescribe>();
  for (const name of objects) described.set(name, await api.describe(name, signal));
  for (const name of objects) {
    const d = described.get(name)!;
    const access = d.createable && d.updateable;
    items.push(item({ id: `object:${name}`, kind: 'objectAccess', object: name, ok: access, problem: access ? null : 'denied' }));
    const ext = d.fields.find((f) => f.name === s.externalIdField);
    items.push(
      item({
        id: `externalId:${name}`,
        kind: 'externalId',
        // Task's custom fields are made on Activity.
        object: name === 'Task' ? 'Activity' : name,
        field: s.externalIdField,
        expected: 'string',
        ok: ext?.externalId === true && ext.type === 'string' && ext.createable && ext.updateable,
        problem: !ext ? 'missing' : !ext.externalId ? 'notExternalId' : ext.type !== 'string' ? 'wrongType' : !ext.createable || !ext.updateable ? 'readOnly' : null,
        actual: ext?.type ?? null,
      }),
    );
    for (const field of standardFields[name]) {
      const createOnly = (name === 'Opportunity' && field === 'ContactId') || (name === 'Task' && field === 'TaskSubtype');
      items.push(fieldItem(d, field, null, createOnly ? 'create' : 'both'));
    }
  }
  const opportunity = described.get('Opportunity')!;
  const lead = described.get('Lead')!;
  for (const [key, name] of Object.entries(s.opportunity.fields)) {
    if (name !== null) items.push(fieldItem(opportunity, name, mappedTypes[key as keyof typeof mappedTypes], 'both'));
  }
  for (const [key, name] of Object.entries(s.lead.fields)) {
    if (name !== null) items.push(fieldItem(lead, name, mappedTypes[key as keyof typeof mappedTypes], 'both'));
  }
  // The activity fields only a manager's team view reads: made on Activity, and never required —
  // a call goes without them (the connector leaves them out when the org lacks them).
  const task = described.get('Task')!;
  for (const [key, name] of Object.entries(s.activity)) {
    if (name !== null) items.push({ ...fieldItem(task, name, activityTypes[key as keyof typeof activityTypes], 'both'), object: 'Activity', required: false });
  }

  // The picklist values Koma maps to.
  items.push(picklistItem(opportunity, 'StageName', s.opportunity.stageName));
  for (const value of new Set(Object.values(s.lead.statuses))) items.push(picklistItem(lead, 'Status', value));
  if (s.opportunity.fields.fieldState) {
    for (const value of Object.values(s.opportunity.fieldStates)) items.push({ ...picklistItem(opportunity, s.opportunity.fields.fieldState, value), required: false });
  }

  if (s.handoffMode === 'convert') {
    const status = await readConvertedStatus(api, signal);
    items.push(item({ id: 'convertedStatus', kind: 'convertedStatus', object: 'Lead', field: 'Status', ok: status !== null, problem: status === null ? 'missing' : null, actual: status }));
    // The signed-in user's own permissions (UserPermissionAccess).
    const rows = await api.query('SELECT PermissionsConvertLeads FROM UserPermissionAccess', signal);
    const allowed = rows[0]?.PermissionsConvertLeads === true;
    items.push(item({ id: 'convertPermission', kind: 'convertPermission', ok: allowed, problem: allowed ? null : 'denied' }));
  }

  // The org's daily API limit and what Koma may use of it (REST API, Limits).
  const limits = limitsSchema.safeParse(await api.get(`/services/data/${s.apiVersion}/limits`, signal));
  if (!limits.success) throw new SyncRequestError('transient', 'BAD_RESPONSE', 'Salesforce answered the limits request without DailyApiRequests');
  const { Max, Remaining } = limits.data.DailyApiRequests;
  items.push(item({ id: 'apiLimit', kind: 'apiLimit', required: false, ok: Remaining > 0, problem: Remaining > 0 ? null : 'unavailable', actual: `${Remaining}/${Max}` }));

  return { crm: 'salesforce', checkedAt: now.toISOString(), ok: items.every((i) => i.ok || !i.required), items };
}
