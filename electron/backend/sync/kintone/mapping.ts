import type { CallOutcome } from '../../../../shared/contract/calls';
import type { KintoneApp, KintoneSettings } from '../../../../shared/contract/sync';
import { callText } from '../callText';
import { knownPairs, mappedPairs } from '../fieldPairs';
import type { LeadRef } from '../lookups';
import { emailAddress, personName, type Person } from '../person';
import type { CallPayload, FollowupPayload, HandoffPayload, ParsedPayload } from '../payloads';
import { authorityText, clip, handoffDescription, needText, timelineText } from '../salesforce/description';

/**
 * How Koma's changes become kintone records. Every record carries Koma's id in the app's 重複禁止
 * text field (`idField`) and is written by an upsert on it ("updateKey … 重複禁止を設定した
 * 「文字列(1行)」または「数値」フィールドのみ", 複数のレコードを更新する:
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/update-records), so a retry after a lost
 * answer writes the same record again. A lead Koma pulled from kintone is updated by its record id.
 * Values follow フィールド形式 (https://cybozu.dev/ja/kintone/docs/overview/field-types): numbers
 * as strings of half-width digits, date-times in UTC ("2012-01-11T11:30:00Z"), drop-downs by an
 * option's label, check boxes and user selections as arrays.
 */
export type KintoneValue = { value: string | string[] | { code: string }[] };
export type KintoneRecord = Record<string, KintoneValue>;

export interface Write {
  app: KintoneApp;
  /** Dedupes writes of the same record within one send. */
  key: string;
  komaId: string;
  /** kintone's record id when Koma knows it (a lead pulled from kintone): updated by id. */
  recordId: string | null;
  record: KintoneRecord;
  /** On lead writes: the Koma lead, for the pull's base. */
  leadId?: string;
}

export interface ItemPlan {
  writes: Write[];
  /** The write whose record id is the item's CRM id. */
  primary: string;
}

/** Koma's call outcomes → the 結果 drop-down's options (docs/sync.md lists them for the admin). */
export const outcomeLabels: Record<CallOutcome, string> = {
  connected: '通話',
  no_answer: '不在',
  voicemail: '留守電',
  busy: '話し中',
  gatekeeper: '受付止まり',
  wrong_number: '番号違い',
  callback_requested: '折り返し依頼',
  not_interested: '興味なし',
};
/** The 種別 drop-down: a call, or a follow-up mail the rep opened in their mail app. */
export const activityLabels = { call: '電話', mail: 'メール' } as const;
/** The BANT確認 drop-down. */
export const bantLabels = { confirmed: '確認済み', open: '未確認' } as const;
/** The 架電禁止 check box's one option. */
export const doNotCallOption = '架電禁止';

/** The canonical lead keys the pull compares (pull/leadFields.ts) → the lead app's field, by setting. */
export const leadKeys = ['LastName', 'FirstName', 'Company', 'Title', 'Email', 'Phone', 'Status'] as const;
export function leadKeyFields(s: KintoneSettings): Record<(typeof leadKeys)[number], string | null> {
  const f = s.leadFields;
  return { LastName: f.lastName, FirstName: f.firstName, Company: f.company, Title: f.title, Email: f.email, Phone: f.phone, Status: f.status };
}

/**
 * UTC in kintone's form ("2012-01-11T11:30:00Z", フィールド形式), to the minute: kintone keeps
 * date-times in minutes, so what Koma remembers having written is what the next pull reads back.
 */
export function kintoneDateTime(instant: string): string {
  return new Date(Math.floor(Date.parse(instant) / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 文字列(1行) holds no line breaks. */
const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');

/** Only what Koma knows and the app maps: a null never blanks what someone typed in kintone. */
function known(pairs: [string | null, string | null | undefined][]): KintoneRecord {
  return Object.fromEntries(knownPairs(pairs).map(([k, v]) => [k, { value: v }]));
}

/** Mapped fields Koma owns: an empty string clears them. */
function mapped(pairs: [string | null, string | null][]): KintoneRecord {
  return Object.fromEntries(mappedPairs(pairs).map(([k, v]) => [k, { value: v }]));
}

function personRecord(ref: Person & Pick<LeadRef, 'companyName'>, s: KintoneSettings): KintoneRecord {
  const f = s.leadFields;
  const name = personName(ref);
  return known([
    [f.lastName, oneLine(name.lastName)],
    [f.firstName, name.firstName ? oneLine(name.firstName) : null],
    [f.title, ref.title === null ? null : oneLine(ref.title)],
    [f.email, emailAddress(ref.email)],
    [f.phone, ref.phone],
    [f.company, oneLine(ref.companyName)],
  ]);
}

function leadWrite(ref: LeadRef, s: KintoneSettings, record: KintoneRecord): Write {
  // A lead Koma adds is the rep's (担当者), so the pull of the rep's leads finds it.
  const owner: KintoneRecord = ref.crmId === null && s.ownerLogin ? { [s.leadFields.owner]: { value: [{ code: s.ownerLogin }] } } : {};
  return { app: 'leads', key: `leads:${ref.leadId}`, komaId: ref.leadId, recordId: ref.crmId, record: { [s.idField]: { value: ref.leadId }, ...owner, ...record }, leadId: ref.leadId };
}

function statusRecord(ref: LeadRef, s: KintoneSettings): KintoneRecord {
  return ref.unsynced ? {} : { [s.leadFields.status]: { value: s.lead.statuses[ref.status] } };
}

function activity(s: KintoneSettings, id: string, fields: { lead: string; kind: string; at: string; outcome: string; durationSec: number | null; subject: string; body: string; nextAction: string | null }): Write {
  const c = s.callFields;
  return {
    app: 'calls',
    key: `calls:${id}`,
    komaId: id,
    recordId: null,
    record: {
      [s.idField]: { value: id },
      ...known([
        [c.lead, fields.lead],
        [c.kind, fields.kind],
        [c.at, kintoneDateTime(fields.at)],
        [c.outcome, fields.outcome],
        [c.durationSec, fields.durationSec === null ? null : String(fields.durationSec)],
        [c.subject, clip(oneLine(fields.subject), 255)],
        [c.body, fields.body],
        [c.nextAction, fields.nextAction === null ? null : clip(oneLine(fields.nextAction), 255)],
      ]),
    },
  };
}

function callPlan(p: CallPayload, ref: LeadRef, s: KintoneSettings): ItemPlan {
  const lead = leadWrite(ref, s, { ...personRecord(ref, s), ...statusRecord(ref, s) });
  const call = activity(s, p.id, {
    lead: ref.leadId,
    kind: activityLabels.call,
    at: p.startedAt,
    outcome: outcomeLabels[p.outcome],
    durationSec: p.durationSec,
    subject: `${p.leadName}: ${outcomeLabels[p.outcome]}${p.nextAction ? ` → ${p.nextAction}` : ''}`,
    body: callText(p),
    nextAction: p.nextAction,
  });
  return { writes: [lead, call], primary: call.key };
}

/** A follow-up mail the rep opened in their own mail app, in the call log app as 種別 メール. */
function followupPlan(p: FollowupPayload, ref: LeadRef, s: KintoneSettings): ItemPlan {
  const lead = leadWrite(ref, s, { ...personRecord(ref, s), ...statusRecord(ref, s) });
  const lines = [`Follow-up mail (${p.kind}): ${p.subject}`, ...(p.to ? [`To: ${p.to}`] : []), ...(p.dueAt ? [`Follow up: ${p.dueAt}`] : []), '', p.body];
  const mail = activity(s, p.id, { lead: ref.leadId, kind: activityLabels.mail, at: p.createdAt, outcome: '', durationSec: null, subject: p.subject, body: lines.join('\n'), nextAction: null });
  return { writes: [lead, mail], primary: mail.key };
}

function handoffPlan(p: HandoffPayload, ref: LeadRef, s: KintoneSettings): ItemPlan {
  const h = p.package.hearing;
  const f = s.handoffFields;
  const allConfirmed = h.budget.confirmed && h.authority.confirmed && h.need.confirmed && h.timeline.confirmed;
  const lead = leadWrite(ref, s, personRecord(ref, s));
  const handoff: Write = {
    app: 'handoffs',
    key: `handoffs:${p.id}`,
    komaId: p.id,
    recordId: null,
    record: {
      [s.idField]: { value: p.id },
      ...known([
        [f.lead, ref.leadId],
        [f.name, clip(oneLine(`${p.companyName} ${p.leadName}`), 255)],
        [f.company, oneLine(p.companyName)],
        [f.appointmentAt, p.appointmentAt ? kintoneDateTime(p.appointmentAt) : null],
        [f.package, handoffDescription(p)],
      ]),
      ...mapped([
        [f.budgetStatus, h.budget.status],
        [f.budgetAmount, h.budget.amount === null ? null : String(h.budget.amount)],
        [f.authority, authorityText(h.authority) || null],
        [f.need, needText(h.need) || null],
        [f.timeline, timelineText(h.timeline) || null],
        [f.bantConfirmed, allConfirmed ? bantLabels.confirmed : bantLabels.open],
      ]),
    },
  };
  return { writes: [lead, handoff], primary: handoff.key };
}

/** The plan for one parsed item; the lead is the one its payload names. */
export function planItem(parsed: ParsedPayload, ref: LeadRef, s: KintoneSettings): ItemPlan {
  const one = (w: Write): ItemPlan => ({ writes: [w], primary: w.key });
  const reasons = s.lead.fields;
  switch (parsed.kind) {
    case 'call':
      return callPlan(parsed.payload, ref, s);
    case 'lead_status': {
      const p = parsed.payload;
      return one(
        leadWrite(ref, s, {
          ...(ref.crmId ? {} : personRecord(ref, s)),
          [s.leadFields.status]: { value: s.lead.statuses[p.status] },
          ...mapped([
            [reasons.recycleReason, p.recycleReason],
            [reasons.recycleUntil, p.recycleUntil === null ? null : kintoneDateTime(p.recycleUntil)],
            [reasons.excludeReason, p.excludeReason],
          ]),
        }),
      );
    }
    case 'do_not_call': {
      const field = s.leadFields.doNotCall;
      return one(leadWrite(ref, s, { ...(ref.crmId ? {} : personRecord(ref, s)), ...(field ? { [field]: { value: parsed.payload.doNotCall ? [doNotCallOption] : [] } } : {}) }));
    }
    case 'lead_details':
      return one(leadWrite(ref, s, personRecord({ ...parsed.payload, companyName: ref.companyName }, s)));
    case 'handoff':
      return handoffPlan(parsed.payload, ref, s);
    case 'followup':
      return followupPlan(parsed.payload, ref, s);
    case 'slot':
    case 'slot_removed':
      // The connector confirms call blocks without a write; they never reach a plan.
      throw new Error('planItem: a call block has no kintone record');
  }
}

/** The lead as written, in the pull's canonical keys (what the next pull compares with). */
export function leadEcho(record: KintoneRecord, s: KintoneSettings): Record<string, unknown> {
  const echo: Record<string, unknown> = {};
  for (const [key, code] of Object.entries(leadKeyFields(s))) if (code && code in record) echo[key] = record[code]!.value;
  const r = s.lead.fields;
  for (const code of [r.recycleReason, r.recycleUntil, r.excludeReason]) if (code && code in record) echo[code] = record[code]!.value === '' ? null : record[code]!.value;
  const dnc = s.leadFields.doNotCall;
  if (dnc && dnc in record) echo.DoNotCall = (record[dnc]!.value as string[]).includes(doNotCallOption);
  return echo;
}
