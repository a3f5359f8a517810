import type { KintoneApp, KintoneSettings } from '../../../../shared/contract/sync';
import type { CrmAnswer, CrmLead, PullCursor } from '../types';
import { doNotCallOption, leadKeyFields } from './mapping';

/**
 * "一度に取得できるレコードは500件まで" and "offsetの上限値は10,000" (複数のレコードを取得する:
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/get-records). Koma never uses offset: every
 * page is a new query from where the last one ended, a keyset on 更新日時 and the record id, the
 * "seek" way cybozu recommends past 10,000 records (offsetの制限値を考慮したkintoneのレコード一括取得について,
 * 方法1: https://cybozu.dev/ja/kintone/tips/best-practices/kintone-get-records-with-offset-limitation/).
 * 更新日時 keeps minutes, so a bulk import stamps thousands of records alike: within one stamp the
 * record id orders them, and the cursor always advances.
 */
export const kintonePageSize = 500;

type RawRecord = Record<string, { type?: string; value?: unknown }>;

/** A query value in double quotes, with kintone's escapes for " and \. */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The records after the cursor in (更新日時, $id) order, then the order and page size. */
export function keysetQuery(s: KintoneSettings, filter: string | null, cursor: PullCursor | null, limit: number): string {
  const u = s.updatedField;
  const parts: string[] = [];
  if (filter) parts.push(filter);
  if (cursor) {
    const at = quoted(new Date(cursor.modstamp).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const id = /^\d+$/.test(cursor.id) ? cursor.id : '0';
    parts.push(`(${u} > ${at} or (${u} = ${at} and $id > ${id}))`);
  }
  return `${parts.length > 0 ? `${parts.join(' and ')} ` : ''}order by ${u} asc, $id asc limit ${limit}`;
}

export function leadQuery(s: KintoneSettings, cursor: PullCursor | null): string {
  return keysetQuery(s, `${s.leadFields.owner} in (${quoted(s.ownerLogin)})`, cursor, kintonePageSize);
}

export function answerQuery(s: KintoneSettings, cursor: PullCursor | null): string {
  return keysetQuery(s, null, cursor, kintonePageSize);
}

/** The fields a pull asks for (fields[0]…): only what it reads. */
export function pullFields(s: KintoneSettings, app: Extract<KintoneApp, 'leads' | 'handoffs'>): string[] {
  if (app === 'handoffs') return ['$id', s.idField, s.updatedField, ...[s.handoffFields.fieldState, s.handoffFields.fieldReason].filter((x): x is string => x !== null)];
  const r = s.lead.fields;
  return [
    '$id',
    s.idField,
    s.updatedField,
    ...Object.values(leadKeyFields(s)).filter((x): x is string => x !== null),
    ...[r.recycleReason, r.recycleUntil, r.excludeReason, s.leadFields.doNotCall].filter((x): x is string => x !== null),
  ];
}

const text = (r: RawRecord, code: string | null): string | null => {
  if (code === null) return null;
  const v = r[code]?.value;
  return typeof v === 'string' && v.length > 0 ? v : null;
};

const stamp = (r: RawRecord, s: KintoneSettings) => new Date(Date.parse(String(r[s.updatedField]?.value ?? '')) || 0).toISOString();

export function recordId(r: RawRecord): string {
  return String(r.$id?.value ?? '');
}

export function toCrmLead(r: RawRecord, s: KintoneSettings): CrmLead {
  const f = s.leadFields;
  const reasons = s.lead.fields;
  const dnc = f.doNotCall ? r[f.doNotCall]?.value : undefined;
  return {
    crmId: recordId(r),
    komaId: text(r, s.idField),
    firstName: text(r, f.firstName),
    lastName: text(r, f.lastName),
    company: text(r, f.company),
    title: text(r, f.title),
    email: text(r, f.email),
    phone: text(r, f.phone),
    status: text(r, f.status),
    recycleReason: text(r, reasons.recycleReason),
    recycleUntil: text(r, reasons.recycleUntil),
    excludeReason: text(r, reasons.excludeReason),
    doNotCall: Array.isArray(dnc) && dnc.includes(doNotCallOption),
    modstamp: stamp(r, s),
  };
}

export function toCrmAnswer(r: RawRecord, s: KintoneSettings): CrmAnswer {
  const raw = text(r, s.handoffFields.fieldState);
  const states = s.fieldStates;
  return {
    crmId: recordId(r),
    // A record someone added in kintone without Koma's id answers no handoff of Koma's.
    handoffId: text(r, s.idField) ?? '',
    fieldState: raw === states.accepted ? 'accepted' : raw === states.meeting_held ? 'meeting_held' : raw === states.rejected ? 'rejected' : null,
    fieldReason: text(r, s.handoffFields.fieldReason),
    modstamp: stamp(r, s),
  };
}
