import { z } from 'zod';
import { kintoneApps, type KintoneApp, type KintoneSettings, type SetupCheck, type SetupCheckItem } from '../../../../shared/contract/sync';
import { SyncRequestError } from '../types';
import { KintoneRefusal, type KintoneApi } from './api';
import { activityLabels, bantLabels, doNotCallOption, outcomeLabels } from './mapping';

/**
 * The three kintone apps checked the way their admin would before Koma syncs: each app's id and
 * API token, then its form's fields (フォームのフィールドを取得する, GET /k/v1/app/form/fields.json:
 * https://cybozu.dev/ja/kintone/docs/rest-api/apps/form/get-form-fields) against the field codes
 * in the settings: present, of a type Koma can write, Koma's id field 重複禁止 (upserts need it),
 * and the drop-down options Koma writes. Listed as ok / what to create.
 */
const formAnswer = z.object({
  properties: z.record(
    z.string(),
    z.object({ type: z.string(), code: z.string(), unique: z.boolean().optional(), options: z.record(z.string(), z.object({ label: z.string() }).passthrough()).optional() }).passthrough(),
  ),
});
type FormField = z.infer<typeof formAnswer>['properties'][string];

const textTypes = ['SINGLE_LINE_TEXT'];
const linkTypes = ['SINGLE_LINE_TEXT', 'LINK'];
const longTypes = ['MULTI_LINE_TEXT'];
const choiceTypes = ['DROP_DOWN', 'RADIO_BUTTON'];

interface Expectation {
  code: string | null;
  types: readonly string[];
  required?: boolean;
  unique?: boolean;
  options?: readonly string[];
}

function item(partial: Partial<SetupCheckItem> & Pick<SetupCheckItem, 'id' | 'kind' | 'ok'>): SetupCheckItem {
  return { required: true, object: null, field: null, problem: null, expected: null, actual: null, ...partial };
}

/** What each app must hold, by the settings' field codes. */
export function expectations(s: KintoneSettings): Record<KintoneApp, Expectation[]> {
  const l = s.leadFields;
  const c = s.callFields;
  const h = s.handoffFields;
  const r = s.lead.fields;
  const id: Expectation = { code: s.idField, types: textTypes, unique: true };
  const updated: Expectation = { code: s.updatedField, types: ['UPDATED_TIME'] };
  return {
    leads: [
      id,
      updated,
      { code: l.lastName, types: textTypes },
      { code: l.firstName, types: textTypes },
      { code: l.company, types: textTypes },
      { code: l.title, types: textTypes },
      { code: l.email, types: linkTypes },
      { code: l.phone, types: linkTypes },
      { code: l.status, types: choiceTypes, options: [...new Set(Object.values(s.lead.statuses))] },
      { code: l.doNotCall, types: ['CHECK_BOX'], options: [doNotCallOption] },
      { code: l.owner, types: ['USER_SELECT'] },
      { code: r.recycleReason, types: textTypes },
      { code: r.recycleUntil, types: ['DATETIME'] },
      { code: r.excludeReason, types: textTypes },
    ],
    calls: [
      id,
      { code: c.lead, types: textTypes },
      { code: c.kind, types: choiceTypes, options: Object.values(activityLabels) },
      { code: c.at, types: ['DATETIME'] },
      { code: c.outcome, types: choiceTypes, options: Object.values(outcomeLabels) },
      { code: c.durationSec, types: ['NUMBER'] },
      { code: c.subject, types: textTypes },
      { code: c.body, types: longTypes },
      { code: c.nextAction, types: textTypes },
    ],
    handoffs: [
      id,
      updated,
      { code: h.lead, types: textTypes },
      { code: h.name, types: textTypes },
      { code: h.company, types: textTypes },
      { code: h.appointmentAt, types: ['DATETIME'] },
      { code: h.budgetStatus, types: textTypes },
      { code: h.budgetAmount, types: ['NUMBER'] },
      { code: h.authority, types: longTypes },
      { code: h.need, types: longTypes },
      { code: h.timeline, types: longTypes },
      { code: h.bantConfirmed, types: choiceTypes, options: Object.values(bantLabels) },
      { code: h.package, types: longTypes },
      { code: h.fieldState, types: choiceTypes, options: [...new Set(Object.values(s.fieldStates))], required: false },
      { code: h.fieldReason, types: [...textTypes, ...longTypes], required: false },
    ],
  };
}

function fieldItems(app: KintoneApp, form: Record<string, FormField>, e: Expectation): SetupCheckItem[] {
  if (e.code === null) return [];
  const f = form[e.code];
  const required = e.required ?? true;
  const base = { id: `field:${app}.${e.code}`, kind: 'field' as const, object: app, field: e.code, expected: e.types[0]!, required };
  if (!f) return [item({ ...base, ok: false, problem: 'missing' })];
  if (!e.types.includes(f.type)) return [item({ ...base, ok: false, problem: 'wrongType', actual: f.type })];
  if (e.unique && f.unique !== true) return [item({ ...base, ok: false, problem: 'notUnique' })];
  const items = [item({ ...base, ok: true })];
  const labels = new Set(Object.values(f.options ?? {}).map((o) => o.label));
  for (const option of e.options ?? []) {
    const has = labels.has(option);
    items.push(item({ id: `value:${app}.${e.code}.${option}`, kind: 'picklistValue', ok: has, object: app, field: e.code, expected: option, problem: has ? null : 'noValue', required }));
  }
  return items;
}

export async function checkKintoneSetup(api: KintoneApi, s: KintoneSettings, hasToken: (app: KintoneApp) => Promise<boolean>, signal: AbortSignal, now: Date): Promise<SetupCheck> {
  const items: SetupCheckItem[] = [];
  items.push(item({ id: 'owner', kind: 'owner', ok: s.ownerLogin.length > 0, expected: s.ownerLogin || null, problem: s.ownerLogin ? null : 'missing' }));
  const wants = expectations(s);
  for (const app of kintoneApps) {
    const access = { id: `app:${app}`, kind: 'objectAccess' as const, object: app, expected: s.apps[app] || null };
    if (!s.apps[app] || !(await hasToken(app))) {
      items.push(item({ ...access, ok: false, problem: 'missing' }));
      continue;
    }
    let form: Record<string, FormField>;
    try {
      const parsed = formAnswer.safeParse(await api.request('GET', '/k/v1/app/form/fields.json', [app], undefined, signal, new URLSearchParams({ app: s.apps[app] })));
      if (!parsed.success) throw new SyncRequestError('transient', 'MALFORMED', 'kintone answered the form fields with an unexpected body');
      form = parsed.data.properties;
    } catch (error) {
      // A token kintone does not take for this app (or an app id it does not know) is this app's item.
      if (error instanceof KintoneRefusal && error.kind !== 'transient') {
        items.push(item({ ...access, ok: false, problem: 'denied', actual: error.code }));
        continue;
      }
      throw error;
    }
    items.push(item({ ...access, ok: true }));
    for (const e of wants[app]) items.push(...fieldItems(app, form, e));
  }
  return { crm: 'kintone', checkedAt: now.toISOString(), ok: items.every((i) => !i.required || i.ok), items };
}
