import { formatOrgProblem, type OrgProblem } from '../../../../shared/domain/sync/orgProblem';
import type { DescribeField, ObjectDescribe } from './describe';

/**
 * What the org's describe allows Koma to write, decided per field instead of per special case:
 * - a field both createable and updateable goes in every write;
 * - a field createable but not updateable (Opportunity.ContactId, Task.TaskSubtype …) goes only
 *   in a write that may create the record; an update by Id leaves it out;
 * - a text value longer than the field is clipped to the field's length;
 * - a field the org lacks, one the rep may not write, or a value a restricted picklist lacks
 *   stops the record with a problem named in plain words — unless the field is `optional` (it
 *   only feeds a manager's team view): then it is left out and the record goes.
 */

/** A problem of one field or object; the wording lives with the renderer's reading of it (shared/domain/sync/orgProblem.ts). */
export type FieldProblem = Exclude<OrgProblem, { kind: 'convertedStatus' }>;

export interface PreparedRecord {
  /** Sent on every write of the record. */
  fields: Record<string, unknown>;
  /** Sent only when the write may create it; left out when Salesforce says the record exists. */
  createOnly: Record<string, unknown>;
}

export type Prepared = { ok: true; record: PreparedRecord } | { ok: false; problem: FieldProblem };

/** The problem as the rep reads it: what is wrong in the org and who can fix it. */
export const problemMessage: (p: FieldProblem) => string = formatOrgProblem;

const textTypes = new Set(['string', 'textarea']);
const noneOptional: ReadonlySet<string> = new Set();

function clipTo(value: unknown, f: DescribeField): unknown {
  if (typeof value !== 'string' || !textTypes.has(f.type) || f.length <= 0 || value.length <= f.length) return value;
  return `${value.slice(0, f.length - 1)}…`;
}

/**
 * One record checked against its object's describe. `mode` is how it is written: 'upsert' by the
 * external id `key` (may create or update), or 'update' by Id.
 */
export function prepareRecord(d: ObjectDescribe, record: Record<string, unknown>, mode: 'upsert' | 'update', key: string, optional: ReadonlySet<string> = noneOptional): Prepared {
  const byName = new Map(d.fields.map((f) => [f.name, f]));
  if (!d.updateable || (mode === 'upsert' && !d.createable)) return { ok: false, problem: { kind: 'object', sobject: d.name } };
  const fields: Record<string, unknown> = {};
  const createOnly: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    const f = byName.get(name);
    if (name === key) {
      if (mode === 'upsert' && !f?.externalId) return { ok: false, problem: { kind: 'missing', sobject: d.name, field: name } };
      fields[name] = value;
      continue;
    }
    if (optional.has(name) && (!f || !(f.createable || f.updateable) || (f.restrictedPicklist && !f.picklistValues.some((p) => p.active && p.value === value)))) continue;
    if (!f) return { ok: false, problem: { kind: 'missing', sobject: d.name, field: name } };
    if (f.restrictedPicklist && typeof value === 'string' && !f.picklistValues.some((p) => p.active && p.value === value)) {
      return { ok: false, problem: { kind: 'picklist', sobject: d.name, field: name, value } };
    }
    const v = clipTo(value, f);
    if (f.updateable && (f.createable || mode === 'update')) fields[name] = v;
    else if (f.createable && mode === 'upsert') createOnly[name] = v;
    else if (!f.createable) return { ok: false, problem: { kind: 'readOnly', sobject: d.name, field: name } };
    // Create-only on an update by Id: the record exists, the field was set when it was created.
  }
  return { ok: true, record: { fields, createOnly } };
}
