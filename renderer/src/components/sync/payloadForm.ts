import { callOutcomes } from '../../../../shared/contract/calls';
import { syncEditPayloadInput, type SyncItem } from '../../../../shared/contract/sync';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/localTime';

type Scalar = SyncItem['editable'][number]['value'];

/** How a payload field is edited, read from its value (the backend sends values, not types). */
export type FieldKind = 'boolean' | 'number' | 'outcome' | 'dateTime' | 'longText' | 'text' | 'nullable';

export interface EditField {
  path: string;
  kind: FieldKind;
  original: Scalar;
}

/** What an input holds: text for everything but a checkbox. */
export type FieldValue = string | boolean;

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const longTextName = /(notes?|summary|description|details?)$/i;

function kindOf(item: Pick<SyncItem, 'entity' | 'op'>, path: string, value: Scalar): FieldKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (value === null) return 'nullable';
  if (item.entity === 'call' && path === 'outcome' && (callOutcomes as readonly string[]).includes(value)) return 'outcome';
  if (isoInstant.test(value)) return 'dateTime';
  return value.includes('\n') || longTextName.test(path) ? 'longText' : 'text';
}

export function editFields(item: Pick<SyncItem, 'entity' | 'op' | 'editable'>): EditField[] {
  return item.editable.map(({ path, value }) => ({ path, kind: kindOf(item, path, value), original: value }));
}

export function initialValue(field: EditField): FieldValue {
  const { original } = field;
  if (typeof original === 'boolean') return original;
  if (original === null) return '';
  if (field.kind === 'dateTime') return toDateTimeInput(String(original));
  return String(original);
}

export type FieldError = { kind: 'notNumber' } | { kind: 'notDateTime' } | { kind: 'tooLong'; max: number };

export interface PatchResult {
  patch: Record<string, Scalar>;
  errors: Record<string, FieldError>;
}

function toScalar(field: EditField, value: FieldValue): Scalar | FieldError {
  if (typeof value === 'boolean') return value;
  switch (field.kind) {
    case 'number': {
      const n = value.trim() === '' ? Number.NaN : Number(value);
      return Number.isFinite(n) ? n : { kind: 'notNumber' };
    }
    case 'nullable':
      return value === '' ? null : value;
    case 'dateTime':
      // An unchanged instant keeps its exact spelling; a new one is the rep's local time as an instant.
      return value === initialValue(field) ? field.original : (fromDateTimeInput(value) ?? { kind: 'notDateTime' });
    default:
      return value;
  }
}

/**
 * The changed fields as the patch `sync.editPayload` takes, checked against the contract's own
 * input schema so the limits are the backend's, not copies of them.
 */
export function buildPatch(id: string, fields: readonly EditField[], values: Readonly<Record<string, FieldValue>>): PatchResult {
  const patch: Record<string, Scalar> = {};
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    const value = values[field.path];
    if (value === undefined) continue;
    const scalar = toScalar(field, value);
    if (scalar !== null && typeof scalar === 'object') errors[field.path] = scalar;
    else if (scalar !== field.original) patch[field.path] = scalar;
  }
  if (Object.keys(patch).length === 0) return { patch, errors };
  const parsed = syncEditPayloadInput.safeParse({ id, patch });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path[1];
      if (issue.path[0] === 'patch' && typeof path === 'string' && issue.code === 'too_big') errors[path] = { kind: 'tooLong', max: Number(issue.maximum) };
    }
  }
  return { patch, errors };
}
