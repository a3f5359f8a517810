import type { z } from 'zod';
import { defaultSyncSettings, syncSettingsSchema, webhookSecretSchema, type ConnectorKind, type SyncSettings } from '../../../../../shared/contract/sync';

/**
 * The connection form's state: every setting by its dotted path as the text its input shows, so
 * one change handler and one error map serve the whole form. Converted back and checked against
 * the contract's own schema on save, so the limits are the backend's.
 */
export interface SettingsDraft {
  connector: ConnectorKind;
  values: Readonly<Record<string, string>>;
}

/** What a field's error says, as an i18n key under sync.settings.errors with its values. */
export type FieldProblem = { key: 'url' | 'urlRequired' | 'apiName' | 'fieldCode' | 'apiVersion' | 'required' | 'number' | 'integer' | 'secret' } | { key: 'min'; min: number } | { key: 'max'; max: number } | { key: 'backend'; message: string };

type Leaf = string | number | null;

function leaves(value: unknown, prefix: string, out: Record<string, Leaf>): Record<string, Leaf> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix] = value as Leaf;
  }
  return out;
}

const { connector: _connector, ...defaultValues } = defaultSyncSettings;
const defaultLeaves = leaves(defaultValues, '', {});

/** The default of a setting, as its input would show it. */
export function defaultText(path: string): string {
  const value = defaultLeaves[path];
  return value === null || value === undefined ? '' : String(value);
}

/** kintone fields Koma cannot work without: every other mapped field may be left empty (not sent). */
const kintoneRequired = new Set([
  'kintone.leadFields.lastName',
  'kintone.leadFields.company',
  'kintone.leadFields.status',
  'kintone.leadFields.owner',
  'kintone.callFields.lead',
  'kintone.callFields.kind',
  'kintone.callFields.at',
  'kintone.callFields.outcome',
  'kintone.callFields.subject',
  'kintone.callFields.body',
  'kintone.handoffFields.lead',
  'kintone.handoffFields.name',
  'kintone.handoffFields.company',
  'kintone.handoffFields.package',
]);

/** Fields an org may not have: empty means "not sent" (and the webhook with no URL yet). */
const isNullable = (path: string) =>
  /^salesforce\.(opportunity|lead)\.fields\./.test(path) ||
  /^hubspot\.(deal\.fields|lead\.fields|lead\.lifecycleStages)\./.test(path) ||
  (/^kintone\.(leadFields|callFields|handoffFields|lead\.fields)\./.test(path) && !kintoneRequired.has(path)) ||
  path === 'webhook.url';

export function toDraft(settings: SyncSettings): SettingsDraft {
  const values: Record<string, string> = {};
  for (const [path, value] of Object.entries(leaves(settings, '', {}))) {
    if (path !== 'connector') values[path] = value === null ? '' : String(value);
  }
  return { connector: settings.connector, values };
}

/** The draft as the settings it stands for; numbers that are not numbers stay NaN for the schema to refuse. */
export function fromDraft(draft: SettingsDraft): unknown {
  const settings: Record<string, unknown> = { connector: draft.connector };
  for (const [path, fallback] of Object.entries(defaultLeaves)) {
    const text = draft.values[path] ?? '';
    const value = typeof fallback === 'number' ? (text.trim() === '' ? Number.NaN : Number(text)) : isNullable(path) && text.trim() === '' ? null : text;
    const keys = path.split('.');
    let node = settings;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return settings;
}

function problemOf(path: string, issue: z.core.$ZodIssue): FieldProblem {
  if (path === 'salesforce.loginUrl' || path === 'webhook.url' || path === 'hubspot.baseUrl' || path === 'kintone.baseUrl') return { key: 'url' };
  if (path.startsWith('kintone.apps.') && issue.code === 'invalid_format') return { key: 'integer' };
  if (path.startsWith('kintone.') && issue.code === 'invalid_format') return { key: 'fieldCode' };
  if (path === 'salesforce.apiVersion') return { key: 'apiVersion' };
  switch (issue.code) {
    case 'invalid_format':
      return { key: 'apiName' };
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'integer' : 'number' };
    case 'too_small':
      return issue.origin === 'number' ? { key: 'min', min: Number(issue.minimum) } : { key: 'required' };
    case 'too_big':
      return issue.origin === 'number' ? { key: 'max', max: Number(issue.maximum) } : { key: 'required' };
    default:
      return { key: 'required' };
  }
}

export interface DraftCheck {
  settings: SyncSettings | null;
  errors: Record<string, FieldProblem>;
}

/** The settings to save, or what is wrong by field path; `secret` is the replacement the rep typed, if any. */
export function checkDraft(draft: SettingsDraft, secret: string | null): DraftCheck {
  const errors: Record<string, FieldProblem> = {};
  const parsed = syncSettingsSchema.safeParse(fromDraft(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= problemOf(path, issue);
    }
  }
  // What the connector chosen needs to work at all; the schema allows saving without it.
  if (draft.connector === 'salesforce' && (draft.values['salesforce.clientId'] ?? '').trim() === '') errors['salesforce.clientId'] ??= { key: 'required' };
  if (draft.connector === 'webhook' && (draft.values['webhook.url'] ?? '').trim() === '') errors['webhook.url'] = { key: 'urlRequired' };
  if (draft.connector === 'hubspot' && (draft.values['hubspot.ownerEmail'] ?? '').trim() === '') errors['hubspot.ownerEmail'] ??= { key: 'required' };
  if (draft.connector === 'kintone') {
    for (const path of ['kintone.ownerLogin', 'kintone.apps.leads', 'kintone.apps.calls', 'kintone.apps.handoffs']) if ((draft.values[path] ?? '').trim() === '') errors[path] ??= { key: 'required' };
  }
  if (secret !== null && !webhookSecretSchema.safeParse(secret).success) errors.webhookSecret = { key: 'secret' };
  return { settings: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

/** A fresh Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
export function generateSecret(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>, toBase64: (bytes: Uint8Array) => string): string {
  return `whsec_${toBase64(random(new Uint8Array(32)))}`;
}
