/**
 * What Koma found missing in the CRM org before sending a record (the org's describe, the setup
 * check's items): the same problem the setup check lists, now met on a record.
 *
 * The backend stores it on the outbox row as one English sentence (logs, support, the webhook's
 * world); the renderer reads the sentence back into this shape and words it in the rep's language.
 * Both directions live here so they cannot drift apart (a table-driven test round-trips every kind).
 */
export type OrgProblem =
  | { kind: 'object'; sobject: string }
  | { kind: 'missing'; sobject: string; field: string }
  | { kind: 'readOnly'; sobject: string; field: string }
  | { kind: 'picklist'; sobject: string; field: string; value: string }
  | { kind: 'convertedStatus' };

const setupHint = 'see Settings → CRM connection → Setup check';
/** API names: letters, digits and underscores (custom ones end in __c). */
const name = '([A-Za-z][A-Za-z0-9_]*)';

/** The sentence stored for a problem: what is wrong in the org and who can fix it. */
export function formatOrgProblem(p: OrgProblem): string {
  switch (p.kind) {
    case 'object':
      return `You may not create or edit ${p.sobject} records in Salesforce: ask your Salesforce admin for create and edit access — ${setupHint}.`;
    case 'missing':
      return `${p.sobject} has no field ${p.field}: ask your Salesforce admin to create it — ${setupHint}.`;
    case 'readOnly':
      return `${p.sobject} field ${p.field} is read-only for you: ask your Salesforce admin for edit access to it — ${setupHint}.`;
    case 'picklist':
      return `${p.sobject} field ${p.field} has no value "${p.value}": ask your Salesforce admin to add it, or choose one of the org's values in Settings → CRM connection — ${setupHint}.`;
    case 'convertedStatus':
      return `Lead Status has no value marked Converted: ask your Salesforce admin to add one — ${setupHint}.`;
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hint = escape(` — ${setupHint}.`);
const readers: { pattern: RegExp; read: (m: RegExpExecArray) => OrgProblem }[] = [
  { pattern: new RegExp(`^You may not create or edit ${name} records in Salesforce: ask your Salesforce admin for create and edit access${hint}$`), read: (m) => ({ kind: 'object', sobject: m[1]! }) },
  { pattern: new RegExp(`^${name} has no field ${name}: ask your Salesforce admin to create it${hint}$`), read: (m) => ({ kind: 'missing', sobject: m[1]!, field: m[2]! }) },
  { pattern: new RegExp(`^${name} field ${name} is read-only for you: ask your Salesforce admin for edit access to it${hint}$`), read: (m) => ({ kind: 'readOnly', sobject: m[1]!, field: m[2]! }) },
  {
    pattern: new RegExp(`^${name} field ${name} has no value "(.*)": ask your Salesforce admin to add it, or choose one of the org's values in Settings → CRM connection${hint}$`, 's'),
    read: (m) => ({ kind: 'picklist', sobject: m[1]!, field: m[2]!, value: m[3]! }),
  },
  { pattern: new RegExp(`^Lead Status has no value marked Converted: ask your Salesforce admin to add one${hint}$`), read: () => ({ kind: 'convertedStatus' }) },
];

/** The problem a stored sentence states, or null for any other message (the CRM's own words). */
export function readOrgProblem(message: string): OrgProblem | null {
  for (const { pattern, read } of readers) {
    const m = pattern.exec(message);
    if (m) return read(m);
  }
  return null;
}
