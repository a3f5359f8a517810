import type { CallOutcome } from '../../../../shared/contract/calls';
import type { HubSpotSettings } from '../../../../shared/contract/sync';
import { callText } from '../callText';
import { knownPairs, mappedPairs } from '../fieldPairs';
import type { LeadRef } from '../lookups';
import { emailAddress, personName, type Person } from '../person';
import type { CallPayload, FollowupPayload, HandoffPayload, ParsedPayload } from '../payloads';
import { authorityText, clip, handoffDescription, needText, timelineText } from '../salesforce/description';
import { localDate } from '../salesforce/mapping';

/**
 * How Koma's changes become HubSpot records (CRM API v3). Every record carries Koma's id in the
 * account's unique-value property (`idProperty`) and is written by a batch upsert on it, so a retry
 * after a lost answer writes the same record again; a contact Koma pulled from HubSpot is updated
 * by its record id. Parents go first (companies, contacts), then deals, calls and notes, then the
 * default associations between them, which are idempotent too.
 */
export const objectTypes = ['companies', 'contacts', 'deals', 'calls', 'notes'] as const;
export type ObjectType = (typeof objectTypes)[number];

export interface Write {
  type: ObjectType;
  /** Dedupes writes of the same record within one send. */
  key: string;
  /** Koma's id for the record: the idProperty value. */
  komaId: string;
  /** HubSpot's record id when Koma knows it: written by batch update instead of upsert. */
  hsId: string | null;
  properties: Record<string, string>;
  /** On contact writes: the Koma lead, for the pull's base. */
  leadId?: string;
}

export interface ItemPlan {
  writes: Write[];
  /** Default associations to create, by write key. */
  associations: [string, string][];
  /** The write whose record id is the item's CRM id. */
  primary: string;
}

/**
 * Koma's call outcomes → HubSpot's default call outcomes, by the internal GUID the API takes:
 * "To set the call disposition, you need to use the internal GUID value … The default HubSpot
 * outcome labels and their internal values are: Busy 9d9162e7-…, Connected f240bbac-…, Left live
 * message a4c4c377-…, Left voicemail b2cf5968-…, No answer 73a0d17f-…, Wrong number 17b47fee-…"
 * (Calls: https://developers.hubspot.com/docs/api/crm/calls). Koma's own outcome stays in the title.
 */
export const dispositionGuids = {
  busy: '9d9162e7-6cf3-4944-bf63-4dff82258764',
  connected: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  leftLiveMessage: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff',
  leftVoicemail: 'b2cf5968-551e-4856-9783-52b3da59a7d0',
  noAnswer: '73a0d17f-1163-4015-bdd5-ec830791da20',
  wrongNumber: '17b47fee-58de-441e-a44c-c6300d46f273',
} as const;

/** A gatekeeper is a person reached who is not the prospect: a live message left with them. */
export const dispositionOf: Record<CallOutcome, string> = {
  connected: dispositionGuids.connected,
  no_answer: dispositionGuids.noAnswer,
  voicemail: dispositionGuids.leftVoicemail,
  busy: dispositionGuids.busy,
  gatekeeper: dispositionGuids.leftLiveMessage,
  wrong_number: dispositionGuids.wrongNumber,
  callback_requested: dispositionGuids.connected,
  not_interested: dispositionGuids.connected,
};

/**
 * The canonical lead keys the pull compares (pull/leadFields.ts) → the contact properties they
 * are written to. The reason fields and do-not-call are the settings' own property names.
 */
export const contactProperties = {
  LastName: 'lastname',
  FirstName: 'firstname',
  Company: 'company',
  Title: 'jobtitle',
  Email: 'email',
  Phone: 'phone',
  Status: 'hs_lead_status',
} as const;

/** Only what Koma knows and the account tracks: a null never blanks what someone typed in HubSpot. */
const known = (pairs: [string | null, string | null | undefined][]): Record<string, string> => Object.fromEntries(knownPairs(pairs));

/** Koma's mapped fields: sent (an empty string clears, as HubSpot documents for updates) when mapped. */
const mapped = (pairs: [string | null, string | null][]): Record<string, string> => Object.fromEntries(mappedPairs(pairs));

function personProperties(ref: Person & Pick<LeadRef, 'companyName'>): Record<string, string> {
  const name = personName(ref);
  return known([
    ['lastname', name.lastName],
    ['firstname', name.firstName],
    ['jobtitle', ref.title],
    ['email', emailAddress(ref.email)],
    ['phone', ref.phone],
    ['company', ref.companyName],
  ]);
}

function contactWrite(ref: LeadRef, s: HubSpotSettings, properties: Record<string, string>): Write {
  return { type: 'contacts', key: `contacts:${ref.leadId}`, komaId: ref.leadId, hsId: ref.crmId, properties: { [s.idProperty]: ref.leadId, ...properties }, leadId: ref.leadId };
}

function companyWrite(ref: LeadRef, s: HubSpotSettings, extra: Record<string, string> = {}): Write {
  return { type: 'companies', key: `companies:${ref.companyId}`, komaId: ref.companyId, hsId: null, properties: { [s.idProperty]: ref.companyId, name: clip(ref.companyName, 255), ...extra } };
}

function statusProperties(ref: LeadRef, s: HubSpotSettings): Record<string, string> {
  return ref.unsynced ? {} : { hs_lead_status: s.lead.statuses[ref.status] };
}

/**
 * The lifecycle stage the settings map a status to, written only when the status changes (and by a
 * handoff): a call does not set it again, so a stage field sales moved on since is left alone.
 */
function lifecycleProperties(status: LeadRef['status'], s: HubSpotSettings): Record<string, string> {
  return known([['lifecyclestage', s.lead.lifecycleStages[status]]]);
}

function callPlan(p: CallPayload, ref: LeadRef, s: HubSpotSettings, ownerId: string | null): ItemPlan {
  const contact = contactWrite(ref, s, { ...personProperties(ref), ...statusProperties(ref, s) });
  const company = companyWrite(ref, s);
  const call: Write = {
    type: 'calls',
    key: `calls:${p.id}`,
    komaId: p.id,
    hsId: null,
    properties: {
      [s.idProperty]: p.id,
      // Required: "hs_timestamp … marks the call's time of creation … Unix timestamp in milliseconds or UTC format" (Calls guide).
      hs_timestamp: new Date(p.startedAt).toISOString(),
      hs_call_title: clip(`Koma: ${p.outcome}${p.nextAction ? ` → ${p.nextAction}` : ''}`, 255),
      hs_call_body: callText(p),
      hs_call_direction: 'OUTBOUND',
      hs_call_disposition: dispositionOf[p.outcome],
      hs_call_status: 'COMPLETED',
      // "hs_call_duration: The duration of the call in milliseconds" (Calls guide).
      ...known([
        ['hs_call_duration', p.durationSec === null ? null : String(p.durationSec * 1000)],
        ['hubspot_owner_id', ownerId],
      ]),
    },
  };
  return {
    writes: [company, contact, call],
    associations: [
      [contact.key, company.key],
      [call.key, contact.key],
      [call.key, company.key],
    ],
    primary: call.key,
  };
}

/**
 * A follow-up mail the rep opened in their own mail app (docs/followup.md), as a note on the contact
 * and its company: Koma sent no mail, so it is not logged as an email engagement; the note's body
 * says what was opened, as the Salesforce connector's email Task does.
 */
function followupPlan(p: FollowupPayload, ref: LeadRef, s: HubSpotSettings): ItemPlan {
  const contact = contactWrite(ref, s, { ...personProperties(ref), ...statusProperties(ref, s) });
  const company = companyWrite(ref, s);
  const lines = [`Follow-up mail (${p.kind}): ${p.subject}`, ...(p.to ? [`To: ${p.to}`] : []), ...(p.dueAt ? [`Follow up: ${p.dueAt}`] : []), '', p.body];
  const note: Write = {
    type: 'notes',
    key: `notes:${p.id}`,
    komaId: p.id,
    hsId: null,
    properties: { [s.idProperty]: p.id, hs_timestamp: new Date(p.createdAt).toISOString(), hs_note_body: lines.join('\n') },
  };
  return {
    writes: [company, contact, note],
    associations: [
      [contact.key, company.key],
      [note.key, contact.key],
      [note.key, company.key],
    ],
    primary: note.key,
  };
}

function handoffPlan(p: HandoffPayload, ref: LeadRef, s: HubSpotSettings): ItemPlan {
  const pkg = p.package;
  const h = pkg.hearing;
  const f = s.deal.fields;
  const company = companyWrite(ref, s, known([['phone', pkg.company.phone]]));
  // The handoff qualifies the lead: its contact says so (Lead Status, and the lifecycle stage unless this is a correction).
  const contact = contactWrite(ref, s, { ...personProperties(ref), hs_lead_status: s.lead.statuses.qualified, ...(p.correction ? {} : lifecycleProperties('qualified', s)) });
  const target = h.timeline.targetDate ?? localDate(new Date(Date.parse(p.createdAt) + s.deal.closeDays * 86_400_000).toISOString(), ref.timeZone);
  const allConfirmed = h.budget.confirmed && h.authority.confirmed && h.need.confirmed && h.timeline.confirmed;
  const deal: Write = {
    type: 'deals',
    key: `deals:${p.id}`,
    komaId: p.id,
    hsId: null,
    properties: {
      [s.idProperty]: p.id,
      dealname: clip(`${p.companyName} ${p.leadName}`, 255),
      // A correction updates what Koma knows; pipeline, stage, close date and owner are field sales' by then.
      ...(p.correction
        ? {}
        : {
            pipeline: s.deal.pipeline,
            dealstage: s.deal.stage,
            closedate: `${target}T00:00:00.000Z`,
            ...known([['hubspot_owner_id', p.fieldRep?.crmUserId ?? null]]),
          }),
      ...mapped([
        [f.budgetStatus, h.budget.status],
        [f.budgetAmount, h.budget.amount === null ? null : String(h.budget.amount)],
        [f.authority, authorityText(h.authority) || null],
        [f.need, needText(h.need) || null],
        [f.timeline, timelineText(h.timeline) || null],
        [f.bantConfirmed, allConfirmed ? 'true' : 'false'],
      ]),
    },
  };
  // The whole package, readable on the deal's timeline: one note per handoff, rewritten on a correction.
  const note: Write = {
    type: 'notes',
    key: `notes:${p.id}`,
    komaId: p.id,
    hsId: null,
    properties: { [s.idProperty]: p.id, hs_timestamp: new Date(p.createdAt).toISOString(), hs_note_body: handoffDescription(p) },
  };
  return {
    writes: [company, contact, deal, note],
    associations: [
      [contact.key, company.key],
      [deal.key, contact.key],
      [deal.key, company.key],
      [note.key, deal.key],
      [note.key, contact.key],
    ],
    primary: deal.key,
  };
}

/** The plan for one parsed item; the lead is the one its payload names. */
export function planItem(parsed: ParsedPayload, ref: LeadRef, s: HubSpotSettings, ownerId: string | null): ItemPlan {
  const one = (w: Write): ItemPlan => ({ writes: [w], associations: [], primary: w.key });
  const fields = s.lead.fields;
  switch (parsed.kind) {
    case 'call':
      return callPlan(parsed.payload, ref, s, ownerId);
    case 'lead_status': {
      const p = parsed.payload;
      return one(
        contactWrite(ref, s, {
          ...(ref.crmId ? {} : personProperties(ref)),
          hs_lead_status: s.lead.statuses[p.status],
          ...lifecycleProperties(p.status, s),
          ...mapped([
            [fields.recycleReason, p.recycleReason],
            [fields.recycleUntil, p.recycleUntil === null ? null : new Date(p.recycleUntil).toISOString()],
            [fields.excludeReason, p.excludeReason],
          ]),
        }),
      );
    }
    case 'do_not_call':
      return one(contactWrite(ref, s, { ...(ref.crmId ? {} : personProperties(ref)), ...mapped([[fields.doNotCall, parsed.payload.doNotCall ? 'true' : 'false']]) }));
    case 'lead_details':
      return one(contactWrite(ref, s, personProperties({ ...parsed.payload, companyName: ref.companyName })));
    case 'handoff':
      return handoffPlan(parsed.payload, ref, s);
    case 'followup':
      return followupPlan(parsed.payload, ref, s);
    case 'slot':
    case 'slot_removed':
      // The connector confirms call blocks without a write; they never reach a plan.
      throw new Error('planItem: a call block has no HubSpot record');
  }
}

/** The contact as written, in the pull's canonical keys (what the next pull compares with). */
export function contactEcho(properties: Record<string, string>, s: HubSpotSettings): Record<string, unknown> {
  const echo: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(contactProperties)) if (property in properties) echo[key] = properties[property];
  const f = s.lead.fields;
  for (const name of [f.recycleReason, f.recycleUntil, f.excludeReason]) if (name && name in properties) echo[name] = properties[name] === '' ? null : properties[name];
  if (f.doNotCall && f.doNotCall in properties) echo.DoNotCall = properties[f.doNotCall] === 'true';
  return echo;
}
