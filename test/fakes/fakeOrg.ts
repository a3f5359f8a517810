/**
 * The org the fake Salesforce serves: each object's fields with the properties its describe
 * reports, and the write rules Salesforce enforces from them. Field properties follow the Object
 * Reference (API Field Properties: https://developer.salesforce.com/docs/platform/object-reference/guide/access-for-fields.html —
 * Create, Update, Nillable, Defaulted on create, Restricted picklist) and each object's page, e.g.
 * Opportunity.ContactId "Properties: Create, Filter, Group, Nillable, Sort" (no Update):
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm
 */

export type FieldType = 'id' | 'string' | 'textarea' | 'email' | 'phone' | 'url' | 'picklist' | 'combobox' | 'boolean' | 'int' | 'double' | 'currency' | 'date' | 'datetime' | 'reference';

/** One field as /sobjects/{object}/describe reports it (the subset Koma reads). */
export interface FakeField {
  name: string;
  type: FieldType;
  length: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  defaultedOnCreate: boolean;
  externalId: boolean;
  unique: boolean;
  restrictedPicklist: boolean;
  picklistValues: { value: string; label: string; active: boolean; defaultValue: boolean }[];
  referenceTo: string[];
  relationshipName: string | null;
  polymorphicForeignKey: boolean;
  custom: boolean;
}

export interface FakeObject {
  name: string;
  createable: boolean;
  updateable: boolean;
  queryable: boolean;
  fields: FakeField[];
}

type Spec = Partial<FakeField> & { type: FieldType };

function field(name: string, spec: Spec): FakeField {
  const values = spec.picklistValues ?? [];
  return {
    name,
    length: spec.type === 'string' || spec.type === 'textarea' || spec.type === 'email' || spec.type === 'phone' || spec.type === 'url' || spec.type === 'picklist' || spec.type === 'combobox' ? 255 : 0,
    createable: true,
    updateable: true,
    nillable: spec.type !== 'boolean',
    defaultedOnCreate: spec.type === 'boolean',
    externalId: false,
    unique: false,
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    polymorphicForeignKey: false,
    custom: name.endsWith('__c'),
    ...spec,
    picklistValues: values,
  };
}

const picklist = (...values: string[]) => values.map((value, i) => ({ value, label: value, active: true, defaultValue: i === 0 }));

/**
 * Fields Salesforce maintains: readable, never writable (Object Reference, System Fields:
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/system_fields.htm).
 */
const systemFields = (): FakeField[] => [
  field('Id', { type: 'id', length: 18, createable: false, updateable: false, nillable: false, defaultedOnCreate: true }),
  field('CreatedDate', { type: 'datetime', createable: false, updateable: false, nillable: false, defaultedOnCreate: true }),
  field('CreatedById', { type: 'reference', length: 18, createable: false, updateable: false, nillable: false, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'CreatedBy' }),
  field('LastModifiedDate', { type: 'datetime', createable: false, updateable: false, nillable: false, defaultedOnCreate: true }),
  field('LastModifiedById', { type: 'reference', length: 18, createable: false, updateable: false, nillable: false, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
  field('SystemModstamp', { type: 'datetime', createable: false, updateable: false, nillable: false, defaultedOnCreate: true }),
  field('IsDeleted', { type: 'boolean', createable: false, updateable: false }),
  field('OwnerId', { type: 'reference', length: 18, nillable: false, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'Owner' }),
];

/** Koma's external id: Text(100), External ID, Unique (README: "Create the fields"). */
const komaId = (ext: string) => field(ext, { type: 'string', length: 100, externalId: true, unique: true });

export interface OrgOptions {
  externalIdField: string;
  /** Koma's custom fields exist (the admin followed the README); false: an org without them. */
  komaFields: boolean;
  /** Fields the org lacks, per object (removed from describe; any request naming one is refused). */
  unknownFields?: Record<string, string[]>;
  /** Fields the rep's profile may read but not edit (field-level security), per object. */
  readOnlyFields?: Record<string, string[]>;
  /** Objects the rep may not create or edit (profile object permissions). */
  readOnlyObjects?: string[];
  /** The Lead Status values, each with whether it counts as converted (LeadStatus.IsConverted). */
  leadStatuses?: { value: string; converted: boolean }[];
  stageNames?: string[];
  /**
   * The admin restricted Account.Industry to its default values ("Restrict picklist to the values
   * defined in the value set", available on standard picklists:
   * https://help.salesforce.com/s/articleView?id=sf.fields_creating_picklists_restricted.htm).
   */
  restrictedIndustry?: boolean;
}

/** The default Industry values of a new org (the picklist on Lead and Account). */
const defaultIndustries = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting',
  'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage',
  'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit',
  'Other', 'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation', 'Utilities',
];

export const defaultLeadStatuses = [
  { value: 'New', converted: false },
  { value: 'Working', converted: false },
  { value: 'Nurturing', converted: false },
  { value: 'Unqualified', converted: false },
  { value: 'Qualified', converted: true },
];

export function buildOrg(o: OrgOptions): Map<string, FakeObject> {
  const ext = o.externalIdField;
  const statuses = o.leadStatuses ?? defaultLeadStatuses;
  const stages = o.stageNames ?? ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'];
  const koma = (...fields: FakeField[]) => (o.komaFields ? fields : []);
  const objects: Record<string, FakeField[]> = {
    Account: [
      field('Name', { type: 'string', length: 255, nillable: false }),
      field('Website', { type: 'url', length: 255 }),
      field('Industry', { type: 'picklist', length: 255, restrictedPicklist: o.restrictedIndustry ?? false, picklistValues: picklist(...defaultIndustries) }),
      field('NumberOfEmployees', { type: 'int' }),
      field('Phone', { type: 'phone', length: 40 }),
      ...koma(komaId(ext)),
    ],
    Contact: [
      field('LastName', { type: 'string', length: 80, nillable: false }),
      field('FirstName', { type: 'string', length: 40 }),
      field('Title', { type: 'string', length: 128 }),
      field('Email', { type: 'email', length: 80 }),
      field('Phone', { type: 'phone', length: 40 }),
      field('Department', { type: 'string', length: 80 }),
      field('AccountId', { type: 'reference', length: 18, referenceTo: ['Account'], relationshipName: 'Account' }),
      ...koma(komaId(ext)),
    ],
    Lead: [
      field('LastName', { type: 'string', length: 80, nillable: false }),
      field('FirstName', { type: 'string', length: 40 }),
      field('Company', { type: 'string', length: 255, nillable: false }),
      field('Title', { type: 'string', length: 128 }),
      field('Email', { type: 'email', length: 80 }),
      field('Phone', { type: 'phone', length: 40 }),
      // Lead Status: its values are the org's LeadStatus records; defaulted on create.
      field('Status', { type: 'picklist', length: 255, nillable: false, defaultedOnCreate: true, restrictedPicklist: true, picklistValues: picklist(...statuses.map((s) => s.value)) }),
      field('DoNotCall', { type: 'boolean' }),
      field('LeadSource', { type: 'picklist', length: 255, picklistValues: picklist('Web', 'Seminar', 'Trade Show', 'Referral', 'Purchased List') }),
      // Set by lead conversion only: "Properties: Defaulted on create, Filter, Group, Sort" (Lead).
      field('IsConverted', { type: 'boolean', createable: false, updateable: false }),
      field('ConvertedAccountId', { type: 'reference', length: 18, createable: false, updateable: false, referenceTo: ['Account'], relationshipName: 'ConvertedAccount' }),
      field('ConvertedContactId', { type: 'reference', length: 18, createable: false, updateable: false, referenceTo: ['Contact'], relationshipName: 'ConvertedContact' }),
      field('ConvertedOpportunityId', { type: 'reference', length: 18, createable: false, updateable: false, referenceTo: ['Opportunity'], relationshipName: 'ConvertedOpportunity' }),
      field('ConvertedDate', { type: 'date', createable: false, updateable: false }),
      ...koma(
        komaId(ext),
        field('Koma_Recycle_Reason__c', { type: 'string', length: 40 }),
        field('Koma_Recycle_Until__c', { type: 'datetime' }),
        field('Koma_Exclude_Reason__c', { type: 'string', length: 40 }),
      ),
    ],
    Opportunity: [
      field('Name', { type: 'string', length: 120, nillable: false }),
      field('StageName', { type: 'picklist', length: 255, nillable: false, restrictedPicklist: true, picklistValues: picklist(...stages) }),
      field('CloseDate', { type: 'date', nillable: false }),
      field('AccountId', { type: 'reference', length: 18, referenceTo: ['Account'], relationshipName: 'Account' }),
      // Create only: the Opportunity reference lists ContactId without Update.
      field('ContactId', { type: 'reference', length: 18, updateable: false, referenceTo: ['Contact'], relationshipName: 'Contact' }),
      field('Description', { type: 'textarea', length: 32_000 }),
      field('NextStep', { type: 'string', length: 255 }),
      field('LeadSource', { type: 'picklist', length: 255, picklistValues: picklist('Web', 'Seminar', 'Trade Show', 'Referral', 'Purchased List') }),
      ...koma(
        komaId(ext),
        field('Koma_Budget_Status__c', { type: 'string', length: 20 }),
        field('Koma_Budget_Amount__c', { type: 'double' }),
        field('Koma_Authority__c', { type: 'textarea', length: 32_768 }),
        field('Koma_Need__c', { type: 'textarea', length: 32_768 }),
        field('Koma_Timeline__c', { type: 'textarea', length: 32_768 }),
        field('Koma_BANT_Confirmed__c', { type: 'boolean' }),
        field('Koma_Field_State__c', { type: 'picklist', length: 255, restrictedPicklist: true, picklistValues: picklist('Accepted', 'Meeting Held', 'Rejected') }),
        field('Koma_Field_Reason__c', { type: 'textarea', length: 255 }),
      ),
    ],
    Task: [
      field('Subject', { type: 'combobox', length: 255 }),
      field('Status', { type: 'picklist', length: 255, nillable: false, defaultedOnCreate: true, restrictedPicklist: true, picklistValues: picklist('Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred') }),
      // Create only: "TaskSubtype … Properties: Create, Filter, Group, Nillable, Restricted picklist, Sort" (Task).
      field('TaskSubtype', { type: 'picklist', length: 40, updateable: false, restrictedPicklist: true, picklistValues: picklist('Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn') }),
      field('CallType', { type: 'picklist', length: 40, restrictedPicklist: true, picklistValues: picklist('Internal', 'Inbound', 'Outbound') }),
      field('CallDisposition', { type: 'string', length: 255 }),
      field('CallDurationInSeconds', { type: 'int' }),
      // "Call Object Identifier | CallObject | string | 255": the CTI system's id for the call
      // (Field Reference, Task: https://developer.salesforce.com/docs/atlas.en-us.196.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Task.htm).
      field('CallObject', { type: 'string', length: 255 }),
      field('Description', { type: 'textarea', length: 32_000 }),
      field('ActivityDate', { type: 'date' }),
      // Polymorphic: Who is a Lead or a Contact, What an Account or an Opportunity (SOQL and SOSL
      // Reference, Understanding Relationship Fields and Polymorphic Fields:
      // https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-relationships-and-polymorph-keys.html).
      field('WhoId', { type: 'reference', length: 18, referenceTo: ['Contact', 'Lead'], relationshipName: 'Who', polymorphicForeignKey: true }),
      field('WhatId', { type: 'reference', length: 18, referenceTo: ['Account', 'Opportunity'], relationshipName: 'What', polymorphicForeignKey: true }),
      // A custom field on Task is created on Activity and shows on Task's describe. The call
      // block a call was made in, and whether it was a conversation, feed the manager's team view.
      ...koma(komaId(ext), field('Koma_Slot__c', { type: 'string', length: 100 }), field('Koma_Conversation__c', { type: 'boolean' })),
    ],
    // Event: a calendar entry (Object Reference, Event:
    // https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-event.html).
    // Koma writes the rep's call blocks (コマ) here. The duration rules between IsAllDayEvent,
    // DurationInMinutes and EndDateTime are enforced on save (fakeSalesforce.ts, eventProblem).
    Event: [
      field('Subject', { type: 'combobox', length: 255 }),
      field('ActivityDateTime', { type: 'datetime' }),
      // "Properties: Create, Filter, Group, Nillable, Sort, Update" (Event.ActivityDate).
      field('ActivityDate', { type: 'date' }),
      field('StartDateTime', { type: 'datetime' }),
      field('EndDateTime', { type: 'datetime' }),
      field('DurationInMinutes', { type: 'int' }),
      field('IsAllDayEvent', { type: 'boolean' }),
      field('ShowAs', { type: 'picklist', length: 40, picklistValues: picklist('Busy', 'OutOfOffice', 'Free') }),
      field('Description', { type: 'textarea', length: 32_000 }),
      field('WhoId', { type: 'reference', length: 18, referenceTo: ['Contact', 'Lead'], relationshipName: 'Who', polymorphicForeignKey: true }),
      field('WhatId', { type: 'reference', length: 18, referenceTo: ['Account', 'Opportunity'], relationshipName: 'What', polymorphicForeignKey: true }),
      // Koma's id is an Activity custom field: Task and Event both show it.
      ...koma(komaId(ext)),
    ],
  };
  const org = new Map<string, FakeObject>();
  // The team a manager chooses: users with their role, roles, public groups and their members
  // (Object Reference: User, UserRole, Group — Type "Regular" is a public group — and GroupMember,
  // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_groupmember.htm). Read only.
  const readOnly = (name: string, fields: [string, FieldType][]) =>
    org.set(name, { name, createable: false, updateable: false, queryable: true, fields: fields.map(([n, type]) => field(n, { type, createable: false, updateable: false, length: type === 'id' || type === 'reference' ? 18 : 255 })) });
  readOnly('User', [['Id', 'id'], ['Name', 'string'], ['IsActive', 'boolean'], ['UserRoleId', 'reference']]);
  readOnly('UserRole', [['Id', 'id'], ['Name', 'string']]);
  readOnly('Group', [['Id', 'id'], ['Name', 'string'], ['Type', 'picklist']]);
  readOnly('GroupMember', [['Id', 'id'], ['GroupId', 'reference'], ['UserOrGroupId', 'reference']]);
  // LeadStatus: the Lead Status picklist's values as records, with IsConverted for the values a
  // converted lead may take (Object Reference, LeadStatus:
  // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_leadstatus.htm). Read only.
  org.set('LeadStatus', {
    name: 'LeadStatus',
    createable: false,
    updateable: false,
    queryable: true,
    fields: [
      field('Id', { type: 'id', length: 18, createable: false, updateable: false }),
      field('MasterLabel', { type: 'string', createable: false, updateable: false }),
      field('ApiName', { type: 'string', createable: false, updateable: false }),
      field('IsConverted', { type: 'boolean', createable: false, updateable: false }),
      field('IsDefault', { type: 'boolean', createable: false, updateable: false }),
      field('SortOrder', { type: 'int', createable: false, updateable: false }),
    ],
  });
  // UserPermissionAccess: the signed-in user's own permissions, one row (Object Reference,
  // UserPermissionAccess; the page is not in the documentation search available here, so the
  // address follows the reference's pattern:
  // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_userpermissionaccess.htm).
  org.set('UserPermissionAccess', {
    name: 'UserPermissionAccess',
    createable: false,
    updateable: false,
    queryable: true,
    fields: [field('Id', { type: 'id', length: 18, createable: false, updateable: false }), field('PermissionsConvertLeads', { type: 'boolean', createable: false, updateable: false })],
  });
  for (const [name, fields] of Object.entries(objects)) {
    const missing = o.unknownFields?.[name] ?? [];
    const readOnly = o.readOnlyFields?.[name] ?? [];
    const objectReadOnly = o.readOnlyObjects?.includes(name) ?? false;
    const all = [...systemFields(), ...fields]
      .filter((f) => !missing.includes(f.name))
      .map((f) => (readOnly.includes(f.name) ? { ...f, createable: false, updateable: false } : f));
    org.set(name, { name, createable: !objectReadOnly, updateable: !objectReadOnly, queryable: true, fields: all });
  }
  return org;
}

export interface FieldError {
  statusCode: string;
  message: string;
  fields: string[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A value of the wrong JSON type for the field: Salesforce refuses the record. */
function typeError(f: FakeField, value: unknown): string | null {
  if (value === null) return null;
  switch (f.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'a boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'an integer';
    case 'double':
    case 'currency':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'a number';
    case 'date':
      return typeof value === 'string' && isoDate.test(value) ? null : 'a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof value === 'string' && isoDateTime.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'a dateTime';
    default:
      return typeof value === 'string' ? null : 'text';
  }
}

/**
 * Checks one record for create (existing null) or update against the object's describe, as
 * Salesforce does before saving:
 * - a field that is not createable (create) or not updateable (update) for this user is refused
 *   with INVALID_FIELD_FOR_INSERT_UPDATE (API Field Properties: Create / Update);
 * - a value too long for a text field fails the call (since API 15.0, upsert():
 *   https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_upsert.htm): STRING_TOO_LONG;
 * - a value not in a restricted picklist is refused: "Users can't load unapproved values through
 *   the API" (API Field Properties: Restricted picklist): INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST;
 * - a required field (not nillable, createable, not defaulted on create) missing on create, or
 *   blanked on update, is REQUIRED_FIELD_MISSING (API Field Properties: Nillable);
 * - a value of the wrong type is INVALID_TYPE_ON_FIELD_IN_RECORD.
 */
/** The LeadStatus records of an org with these statuses. */
export function leadStatusRecords(o: OrgOptions): Record<string, unknown>[] {
  return (o.leadStatuses ?? defaultLeadStatuses).map((s, i) => ({
    Id: `01J${String(i + 1).padStart(12, '0')}AAA`,
    MasterLabel: s.value,
    ApiName: s.value,
    IsConverted: s.converted,
    IsDefault: i === 0,
    SortOrder: i + 1,
  }));
}

export function checkFields(object: FakeObject, record: Record<string, unknown>, existing: boolean): FieldError | null {
  const byName = new Map(object.fields.map((f) => [f.name, f]));
  if (!(existing ? object.updateable : object.createable)) {
    return { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: `insufficient access rights on object ${object.name}`, fields: [] };
  }
  const refused = Object.keys(record).filter((name) => {
    const f = byName.get(name);
    return f !== undefined && !(existing ? f.updateable : f.createable);
  });
  if (refused.length > 0) {
    return {
      statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: `Unable to create/update fields: ${refused.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      fields: refused,
    };
  }
  for (const [name, value] of Object.entries(record)) {
    const f = byName.get(name);
    if (!f) continue;
    const wrong = typeError(f, value);
    if (wrong) return { statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', message: `${f.name}: value not of required type: ${String(value).slice(0, 40)} (expected ${wrong})`, fields: [f.name] };
    if (typeof value === 'string' && f.length > 0 && f.type !== 'reference' && f.type !== 'id' && value.length > f.length) {
      return { statusCode: 'STRING_TOO_LONG', message: `${f.name}: data value too large: ${value.slice(0, 40)}… (max length=${f.length})`, fields: [f.name] };
    }
    if (f.restrictedPicklist && value !== null && !f.picklistValues.some((p) => p.active && p.value === value)) {
      return { statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: `${f.name}: bad value for restricted picklist field: ${String(value)}`, fields: [f.name] };
    }
  }
  const required = object.fields.filter((f) => !f.nillable && f.createable && !f.defaultedOnCreate && f.type !== 'boolean');
  const missing = required.filter((f) => (existing ? f.name in record && (record[f.name] === null || record[f.name] === '') : record[f.name] === undefined || record[f.name] === null || record[f.name] === ''));
  if (missing.length > 0) return { statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`, fields: missing.map((f) => f.name) };
  return null;
}

/** The describe answer: GET /services/data/vXX.X/sobjects/{object}/describe (REST API, sObject Describe). */
export function describeOf(object: FakeObject): unknown {
  return {
    name: object.name,
    label: object.name,
    createable: object.createable,
    updateable: object.updateable,
    queryable: object.queryable,
    custom: false,
    fields: object.fields.map((f) => ({ ...f, label: f.name })),
  };
}
