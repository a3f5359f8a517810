import type { SalesforceSettings } from '../../../../shared/contract/sync';
import type { PullCursor } from '../types';

/** A SOQL string literal: backslash and quote escaped, as the SOQL reference specifies. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A SOQL dateTime literal (unquoted, second precision, UTC): Salesforce stamps carry whole seconds. */
export function soqlDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const salesforceId = /^[a-zA-Z0-9]{15,18}$/;

function requireId(id: string): string {
  if (!salesforceId.test(id)) throw new Error(`Not a Salesforce Id: ${id.slice(0, 40)}`);
  return id;
}

/**
 * Records after the cursor: a later stamp, or the same stamp and a greater Id (stable paging
 * through ties). A cursor without an Id starts at its stamp, inclusive.
 */
function after(cursor: PullCursor | null): string {
  if (!cursor) return '';
  const at = soqlDateTime(cursor.modstamp);
  if (cursor.id === '') return ` AND SystemModstamp >= ${at}`;
  return ` AND (SystemModstamp > ${at} OR (SystemModstamp = ${at} AND Id > ${soqlString(requireId(cursor.id))}))`;
}

export function leadFields(s: SalesforceSettings): string[] {
  const f = s.lead.fields;
  return ['Id', s.externalIdField, 'FirstName', 'LastName', 'Company', 'Title', 'Email', 'Phone', 'Status', 'DoNotCall', 'SystemModstamp',
    ...[f.recycleReason, f.recycleUntil, f.excludeReason].filter((x): x is string => x !== null)];
}

/** The signed-in rep's open (unconverted) leads, oldest change first. */
export function leadsQuery(s: SalesforceSettings, userId: string, cursor: PullCursor | null, limit: number): string {
  return `SELECT ${leadFields(s).join(', ')} FROM Lead WHERE OwnerId = ${soqlString(requireId(userId))} AND IsConverted = false${after(cursor)} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
}

/** The opportunities this rep's Koma created, for field sales' answers; null when the org maps no answer field. */
export function answersQuery(s: SalesforceSettings, userId: string, cursor: PullCursor | null, limit: number): string | null {
  const f = s.opportunity.fields;
  if (f.fieldState === null) return null;
  const fields = ['Id', s.externalIdField, f.fieldState, ...(f.fieldReason ? [f.fieldReason] : []), 'SystemModstamp'];
  return `SELECT ${fields.join(', ')} FROM Opportunity WHERE CreatedById = ${soqlString(requireId(userId))} AND ${s.externalIdField} != null${after(cursor)} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
}

export const phoneTaskFields = ['Id', 'WhoId', 'Subject', 'TaskSubtype', 'CallType', 'CallDisposition', 'CallDurationInSeconds', 'CallObject', 'Description', 'CreatedDate', 'SystemModstamp'];

/**
 * Call Tasks a phone system wrote for the rep: owned by the rep, naming a person (WhoId), not
 * Koma's own (no external id), and a call — TaskSubtype Call, or the call fields a CTI integration
 * fills (CallDurationInSeconds, CallObject: "Task fields related to calls", Object Reference, Task:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm).
 */
export function phoneTasksQuery(s: SalesforceSettings, userId: string, cursor: PullCursor | null, limit: number): string {
  return `SELECT ${phoneTaskFields.join(', ')} FROM Task WHERE OwnerId = ${soqlString(requireId(userId))} AND WhoId != null AND ${s.externalIdField} = null AND (TaskSubtype = 'Call' OR CallDurationInSeconds != null OR CallObject != null)${after(cursor)} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
}

/** The Leads converted into these Contacts: a Task on the Contact belongs to the Koma lead of that Lead. */
export function convertedFromQuery(contactIds: readonly string[]): string {
  return `SELECT Id, ConvertedContactId FROM Lead WHERE IsConverted = true AND ConvertedContactId IN (${contactIds.map((id) => soqlString(requireId(id))).join(', ')})`;
}
