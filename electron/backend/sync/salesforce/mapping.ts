import type { SalesforceSettings } from '../../../../shared/contract/sync';
import type { LeadRef } from '../lookups';
import { emailAddress, personName, type Person } from '../person';
import type { CallPayload, DoNotCallPayload, FollowupPayload, HandoffPayload, LeadDetailsPayload, LeadStatusPayload, ParsedPayload, SlotPayload } from '../payloads';
import { authorityText, clip, handoffDescription, longTextMax, needText, timelineText } from './description';
import { callText } from '../callText';
import { salesforceIndustryOf } from '../../../../shared/domain/import/industry';

/**
 * How Koma's changes become Salesforce records. Each outbox item becomes a short plan of record
 * writes in a fixed phase order — parents before the records that point at them — and every write
 * is idempotent: an upsert by Koma's external id, or an update by a known Salesforce Id.
 */
export const phases = ['Account', 'Contact', 'Lead', 'LeadUpdate', 'Opportunity', 'Task', 'Event'] as const;
export type Phase = (typeof phases)[number];

/** The sObject each phase writes; LeadUpdate writes Leads by Id (sObject Collections update). */
export const sobjectOf: Record<Phase, string> = {
  Account: 'Account',
  Contact: 'Contact',
  Lead: 'Lead',
  LeadUpdate: 'Lead',
  Opportunity: 'Opportunity',
  Task: 'Task',
  Event: 'Event',
};

/** A field whose value is the Salesforce Id another step of the same send produced. */
export interface StepRef {
  $ref: string;
}

export type FieldValue = string | number | boolean | null | StepRef;

export interface Step {
  phase: Phase;
  /** Dedupes writes of the same record within one send: `${phase}:${external id or Id}`. */
  key: string;
  fields: Record<string, FieldValue>;
  /** On Lead writes: the Koma lead written, for the pull's base. */
  leadId?: string;
}

export interface ItemPlan {
  steps: Step[];
  /** The step whose Salesforce Id is the item's CRM id. */
  primary: string;
  /** A handoff that converts its Lead, after the steps (which make sure the Lead exists). */
  convert?: ConvertPlan;
  /** A record to delete, found by Koma's id (a call block taken off the plan). */
  remove?: { sobject: 'Event'; komaId: string };
}

/**
 * Handoff = lead conversion (取引開始): the Lead becomes an Account (an existing one when one
 * matches), a Contact and an Opportunity, which then gets Koma's id and the hearing.
 */
export interface ConvertPlan {
  handoffId: string;
  leadId: string;
  /** The Lead's Salesforce Id, or the step that writes the Lead first. */
  lead: FieldValue;
  companyId: string;
  companyName: string;
  opportunityName: string;
  ownerId: string | null;
  /** Written by Id onto the converted Opportunity and Contact (Koma's id added by the connector). */
  opportunity: Record<string, FieldValue>;
  contact: Record<string, FieldValue>;
}

export function isRef(value: FieldValue): value is StepRef {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** Only what Koma knows: a null never blanks a value someone typed in Salesforce. */
function known(fields: Record<string, FieldValue | undefined>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, FieldValue] => e[1] !== null && e[1] !== undefined));
}

/** Koma's optional mapped fields: sent (null included, to clear) only when the org mapped them. */
function mapped(pairs: [string | null, FieldValue][]): Record<string, FieldValue> {
  return Object.fromEntries(pairs.filter((p): p is [string, FieldValue] => p[0] !== null));
}

/** Lead and Contact names: Salesforce requires LastName (see personName). */
function personFields(ref: Person): Record<string, FieldValue> {
  const name = personName(ref);
  return known({
    LastName: clip(name.lastName, 80),
    FirstName: name.firstName ? clip(name.firstName, 40) : null,
    Title: ref.title ? clip(ref.title, 128) : null,
    Email: emailAddress(ref.email),
    Phone: ref.phone ? clip(ref.phone, 40) : null,
  });
}

export function leadIdentity(ref: Person & Pick<LeadRef, 'companyName'>): Record<string, FieldValue> {
  return { ...personFields(ref), Company: clip(ref.companyName, 255) };
}

/** The date an instant falls on where the lead is (Task.ActivityDate, Opportunity.CloseDate). */
export function localDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A Lead write keyed for dedupe: by Id when Koma knows it, else an upsert by Koma's lead id. */
function leadStep(ref: LeadRef, ext: string, fields: Record<string, FieldValue>): Step {
  if (ref.crmId) return { phase: 'LeadUpdate', key: `LeadUpdate:${ref.crmId}`, fields: { Id: ref.crmId, ...fields }, leadId: ref.leadId };
  return { phase: 'Lead', key: `Lead:${ref.leadId}`, fields: { [ext]: ref.leadId, ...leadIdentity(ref), ...fields }, leadId: ref.leadId };
}

function statusPlan(p: LeadStatusPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  const f = s.lead.fields;
  const step = leadStep(ref, s.externalIdField, {
    Status: s.lead.statuses[p.status],
    ...mapped([
      [f.recycleReason, p.recycleReason],
      [f.recycleUntil, p.recycleUntil],
      [f.excludeReason, p.excludeReason],
    ]),
  });
  return { steps: [step], primary: step.key };
}

function doNotCallPlan(p: DoNotCallPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  const step = leadStep(ref, s.externalIdField, { DoNotCall: p.doNotCall });
  return { steps: [step], primary: step.key };
}

/**
 * A re-import's change of the person (name, title, email, phone) as the file now has it. The
 * reading (フリガナ) stays in Koma: Lead has no standard field for it.
 */
function detailsPlan(p: LeadDetailsPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  const step = leadStep(ref, s.externalIdField, personFields(p));
  return { steps: [step], primary: step.key };
}

/** The Task's WhoId: the Lead's CRM id, or a Lead step first when the CRM does not have it yet (pushed onto `steps`). */
function taskWho(ref: LeadRef, s: SalesforceSettings, steps: Step[]): FieldValue {
  if (ref.crmId) return ref.crmId;
  // The Lead must exist before a Task can point at it: ensured by Koma's id. Its status goes
  // along unless a change of it is still on its way, which must arrive in order.
  const status: Record<string, FieldValue> = ref.unsynced ? {} : { Status: s.lead.statuses[ref.status] };
  const lead: Step = { phase: 'Lead', key: `Lead:${ref.leadId}`, fields: { [s.externalIdField]: ref.leadId, ...leadIdentity(ref), ...status }, leadId: ref.leadId };
  steps.push(lead);
  return { $ref: lead.key };
}

/**
 * A follow-up mail as a completed email Task on the Lead: TaskSubtype 'Email' is one of the
 * restricted picklist's values and is set on create only ("Properties: Create, Filter, Group,
 * Nillable, Restricted picklist, Sort"; Object Reference, Task:
 * https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-task.html),
 * which the upsert by Koma's id respects (fieldRules.ts leaves it out of an update). The call fields
 * (CallType, CallDisposition…) are not sent: they describe calls. ActivityDate is the day it was
 * sent; a follow-up due date is Koma's callback, written in the description.
 */
function followupPlan(p: FollowupPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  const steps: Step[] = [];
  const who = taskWho(ref, s, steps);
  const header = [p.to ? `To: ${p.to}` : null, p.dueAt ? `Follow up: ${p.dueAt}` : null].filter((line) => line !== null);
  const task: Step = {
    phase: 'Task',
    key: `Task:${p.id}`,
    fields: {
      [s.externalIdField]: p.id,
      Subject: clip(`Email: ${p.subject}`, 255),
      Status: 'Completed',
      TaskSubtype: 'Email',
      Description: clip([...header, ...(header.length > 0 ? [''] : []), p.body].join('\n'), longTextMax),
      ActivityDate: localDate(p.createdAt, ref.timeZone),
      WhoId: who,
    },
  };
  steps.push(task);
  return { steps, primary: task.key };
}

function callPlan(p: CallPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  const ext = s.externalIdField;
  const steps: Step[] = [];
  const who = taskWho(ref, s, steps);
  const task: Step = {
    phase: 'Task',
    key: `Task:${p.id}`,
    fields: {
      [ext]: p.id,
      Subject: clip(`Call: ${p.outcome}${p.nextAction ? ` → ${p.nextAction}` : ''}`, 255),
      Status: 'Completed',
      TaskSubtype: 'Call',
      CallType: 'Outbound',
      CallDisposition: p.outcome,
      CallDurationInSeconds: p.durationSec,
      Description: clip(callText(p), longTextMax),
      ActivityDate: localDate(p.startedAt, ref.timeZone),
      WhoId: who,
      // The 30-minute koma the call was made in (half-hours since the epoch), counted once per
      // koma as the rep's dashboard counts used call blocks; and whether it was a conversation.
      ...mapped([
        [s.activity.slotField, String(Math.floor(Date.parse(p.startedAt) / 1_800_000))],
        [s.activity.conversationField, p.conversation ?? false],
      ]),
    },
  };
  steps.push(task);
  return { steps, primary: task.key };
}

function closeDate(p: HandoffPayload, ref: LeadRef, s: SalesforceSettings): string {
  const target = p.package.hearing.timeline.targetDate;
  if (target) return target;
  return localDate(new Date(Date.parse(p.createdAt) + s.opportunity.closeDays * 86_400_000).toISOString(), ref.timeZone);
}

/** The Opportunity's own fields: what the hearing and the handoff say (no links, no Koma id). */
function opportunityFields(p: HandoffPayload, ref: LeadRef, s: SalesforceSettings): Record<string, FieldValue> {
  const f = s.opportunity.fields;
  const h = p.package.hearing;
  const allConfirmed = h.budget.confirmed && h.authority.confirmed && h.need.confirmed && h.timeline.confirmed;
  return {
    Name: clip(`${p.companyName} ${p.leadName}`, 120),
    Description: handoffDescription(p),
    NextStep: p.appointmentAt ? clip(`Meeting ${p.appointmentAt}${p.place ? ` @ ${p.place}` : ''}`, 255) : null,
    // A correction updates what Koma knows; the stage, close date and owner belong to field
    // sales once they have the opportunity.
    ...(p.correction
      ? {}
      : {
          StageName: s.opportunity.stageName,
          CloseDate: closeDate(p, ref, s),
          ...known({ OwnerId: p.fieldRep?.crmUserId ?? null }),
        }),
    ...mapped([
      [f.budgetStatus, h.budget.status],
      [f.budgetAmount, h.budget.amount],
      [f.authority, clip(authorityText(h.authority), longTextMax) || null],
      [f.need, clip(needText(h.need), longTextMax) || null],
      [f.timeline, clip(timelineText(h.timeline), longTextMax) || null],
      [f.bantConfirmed, allConfirmed],
    ]),
  };
}

function departmentOf(p: HandoffPayload): Record<string, FieldValue> {
  return known({ Department: p.package.contact.department ? clip(p.package.contact.department, 80) : null });
}

/** Converts the Lead; one the org has never seen is created first, by Koma's id. */
function convertPlan(p: HandoffPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  const steps: Step[] = [];
  let lead: FieldValue;
  if (ref.crmId) {
    lead = ref.crmId;
  } else {
    const step: Step = { phase: 'Lead', key: `Lead:${ref.leadId}`, fields: { [s.externalIdField]: ref.leadId, ...leadIdentity(ref) }, leadId: ref.leadId };
    steps.push(step);
    lead = { $ref: step.key };
  }
  return {
    steps,
    primary: `Convert:${p.id}`,
    convert: {
      handoffId: p.id,
      leadId: ref.leadId,
      lead,
      companyId: ref.companyId,
      companyName: clip(p.package.company.name, 255),
      opportunityName: clip(`${p.companyName} ${p.leadName}`, 120),
      ownerId: p.correction ? null : (p.fieldRep?.crmUserId ?? null),
      opportunity: opportunityFields(p, ref, s),
      contact: departmentOf(p),
    },
  };
}

/** Creates Account, Contact and Opportunity beside the Lead, for orgs that do not convert. */
function createBesidePlan(p: HandoffPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  const ext = s.externalIdField;
  const pkg = p.package;
  const account: Step = {
    phase: 'Account',
    key: `Account:${ref.companyId}`,
    fields: {
      [ext]: ref.companyId,
      Name: clip(pkg.company.name, 255),
      ...known({
        Website: pkg.company.website ? clip(pkg.company.website, 255) : null,
        Industry: pkg.company.industry ? clip(salesforceIndustryOf(pkg.company.industry), 255) : null,
        NumberOfEmployees: pkg.company.employees,
        Phone: pkg.company.phone ? clip(pkg.company.phone, 40) : null,
      }),
    },
  };
  const contact: Step = {
    phase: 'Contact',
    key: `Contact:${ref.leadId}`,
    fields: { [ext]: ref.leadId, AccountId: { $ref: account.key }, ...personFields(ref), ...departmentOf(p) },
  };
  const opportunity: Step = {
    phase: 'Opportunity',
    key: `Opportunity:${p.id}`,
    fields: { [ext]: p.id, AccountId: { $ref: account.key }, ContactId: { $ref: contact.key }, ...opportunityFields(p, ref, s) },
  };
  return { steps: [account, contact, opportunity], primary: opportunity.key };
}

function handoffPlan(p: HandoffPayload, ref: LeadRef, s: SalesforceSettings): ItemPlan {
  return s.handoffMode === 'convert' ? convertPlan(p, ref, s) : createBesidePlan(p, ref, s);
}

/**
 * A call block as a timed Event owned by the rep: Koma's slot id as its external id, the start and
 * its 30 minutes (DurationInMinutes; Salesforce derives EndDateTime), the target in the subject.
 */
function slotPlan(p: SlotPayload, s: SalesforceSettings): ItemPlan {
  const minutes = Math.round((Date.parse(p.endsAt) - Date.parse(p.startsAt)) / 60_000);
  const target = p.targetDials !== null ? `（目標 ${p.targetDials} 件）` : '';
  const step: Step = {
    phase: 'Event',
    key: `Event:${p.id}`,
    fields: {
      [s.externalIdField]: p.id,
      Subject: `架電コマ${target}`,
      ActivityDateTime: new Date(p.startsAt).toISOString(),
      DurationInMinutes: minutes,
      IsAllDayEvent: false,
      ShowAs: 'Busy',
      Description: `Koma call block (コマ)${p.targetDials !== null ? `: target ${p.targetDials} dials` : ''}`,
    },
  };
  return { steps: [step], primary: step.key };
}

/** The plan for one parsed item; `ref` is the lead its payload names (none for a call block). */
export function planItem(parsed: ParsedPayload, ref: LeadRef | null, settings: SalesforceSettings): ItemPlan {
  if (parsed.kind === 'slot') return slotPlan(parsed.payload, settings);
  if (parsed.kind === 'slot_removed') return { steps: [], primary: `Remove:Event:${parsed.payload.id}`, remove: { sobject: 'Event', komaId: parsed.payload.id } };
  if (!ref) throw new Error(`planItem: ${parsed.kind} needs its lead`);
  switch (parsed.kind) {
    case 'call':
      return callPlan(parsed.payload, ref, settings);
    case 'lead_status':
      return statusPlan(parsed.payload, ref, settings);
    case 'do_not_call':
      return doNotCallPlan(parsed.payload, ref, settings);
    case 'lead_details':
      return detailsPlan(parsed.payload, ref, settings);
    case 'handoff':
      return handoffPlan(parsed.payload, ref, settings);
    case 'followup':
      return followupPlan(parsed.payload, ref, settings);
  }
}

/** The lead an item is about; null for a call block, which belongs to the rep. */
export function leadIdOf(parsed: ParsedPayload): string | null {
  return 'leadId' in parsed.payload ? parsed.payload.leadId : null;
}
