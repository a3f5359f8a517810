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
