import { z } from 'zod';
import { callOutcomeSchema, excludeReasonSchema, recycleReasonSchema } from './calls';
import { customerStageSchema, leadAgeSchema, leadSourceSchema, leadStatusSchema, queueReasonSchema } from './leads';
import { behaviourKindSchema } from './scoringRules';
import { raisedObjectionSchema } from './talk';
import { followupKindSchema } from './followup';

const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(100);
const note = z.string().max(20_000);

export const scorePartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('size'), points: z.number(), employees: z.number().nullable() }),
  z.object({ kind: z.literal('industry'), points: z.number(), industry: z.string().nullable(), matched: z.string().nullable() }),
  z.object({ kind: z.literal('title'), points: z.number(), title: z.string().nullable(), level: z.string().nullable() }),
  z.object({ kind: z.literal('behaviour'), points: z.number(), event: behaviourKindSchema, count: z.number() }),
]);

export const prepChecklistItems = ['website_read', 'news_checked', 'previous_contact_read'] as const;
export const prepChecklistSchema = z.object({
  website_read: z.boolean(),
  news_checked: z.boolean(),
  previous_contact_read: z.boolean(),
});

export const callDraftSchema = z
  .object({
    startedAt: isoInstant.nullable(),
    outcome: callOutcomeSchema.nullable(),
    notes: note,
    nextAction: z.string().max(500),
    nextActionAt: isoInstant.nullable(),
    callbackAt: isoInstant.nullable(),
    /** The rep marked the call 有効会話 (drafts saved before this existed have no value: false). */
    conversation: z.boolean().optional(),
    /** Minutes typed by the rep for a call not timed in Koma; null or absent: unknown. */
    durationMin: z.number().int().min(0).max(1440).nullable().optional(),
    /** Objection cards the rep marked as raised in this call (absent in older drafts: none). */
    objections: z.array(z.string().min(1).max(60)).max(30).optional(),
    /** The talk set version the script and cards on screen came from. */
    talkVersion: z.number().int().min(0).nullable().optional(),
    /** The id Koma gave the call when S dialled it (the phone system got it, e.g. Dialpad's customData); logged as the call's id. */
    callId: z.uuid().optional(),
  })
  .strict();
export type CallDraft = z.infer<typeof callDraftSchema>;

/** What the phone system recorded of a call (MiiTel, Zoom Phone…), attached to it. */
export const phoneCallDetailSchema = z.object({ source: z.enum(['salesforce', 'miitel', 'zoom']), durationSec: z.number().int().nullable(), recordingUrl: z.string().nullable(), summary: z.string() });

export const timelineItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), at: z.string(), id: z.string(), leadId: z.string(), leadName: z.string(), outcome: callOutcomeSchema, notes: z.string(), durationSec: z.number().nullable(), nextAction: z.string().nullable(), conversation: z.boolean().optional(), objections: z.array(raisedObjectionSchema).optional(), phone: phoneCallDetailSchema.optional() }),
  z.object({ kind: z.literal('behaviour'), at: z.string(), id: z.string(), leadId: z.string(), leadName: z.string(), event: z.string() }),
  z.object({ kind: z.literal('hearing'), at: z.string(), id: z.string(), leadId: z.string(), leadName: z.string(), version: z.number() }),
  z.object({ kind: z.literal('handoff'), at: z.string(), id: z.string(), leadId: z.string(), leadName: z.string(), state: z.string() }),
  z.object({ kind: z.literal('exit'), at: z.string(), id: z.string(), leadId: z.string(), leadName: z.string(), exit: z.string(), reason: z.string().nullable() }),
  /** A follow-up mail opened in the rep's mail client (shared/contract/followup.ts); dueAt: the callback it set. */
  z.object({ kind: z.literal('followup'), at: z.string(), id: z.string(), leadId: z.string(), leadName: z.string(), followup: followupKindSchema, subject: z.string(), dueAt: z.string().nullable() }),
]);
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const leadDetailSchema = z.object({
  lead: z.object({
    id: z.string(),
    fullName: z.string(),
    /** The name's reading (フリガナ), shown as ruby above it. */
    nameReading: z.string().nullable(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    source: leadSourceSchema,
  /** The file's words for a source Koma does not know (source is then 'other'), shown as "other: …". */
    sourceDetail: z.string().nullable(),
    stage: customerStageSchema,
    status: leadStatusSchema,
    attempts: z.number().int(),
    lastContactAt: z.string().nullable(),
    nextCallAt: z.string().nullable(),
    recycleReason: z.string().nullable(),
    recycleUntil: z.string().nullable(),
    excludeReason: z.string().nullable(),
    doNotCall: z.boolean(),
    timeZone: z.string(),
    createdAt: z.string(),
    /** Free text about this person (the CSV's 説明 / 備考 / Description column lands here). */
    notes: z.string().optional(),
  }),
  score: z.object({ attribute: z.number(), behaviour: z.number(), total: z.number(), breakdown: z.array(scorePartSchema) }),
  queue: z.object({ bucket: z.number().int(), reason: queueReasonSchema, withinCallingHours: z.boolean(), age: leadAgeSchema }),
  company: z.object({
    id: z.string(),
    name: z.string(),
    nameReading: z.string().nullable(),
    corporateNumber: z.string().nullable(),
    website: z.string().nullable(),
    industry: z.string().nullable(),
    employees: z.number().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    prepNotes: z.string(),
    prepNotesSavedAt: z.string(),
    prepChecklist: prepChecklistSchema,
  }),
  colleagues: z.array(z.object({ id: z.string(), fullName: z.string(), title: z.string().nullable(), status: leadStatusSchema })),
  timeline: z.array(timelineItemSchema),
  draft: callDraftSchema.nullable(),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recycle'), reason: recycleReasonSchema, until: isoInstant }).strict(),
  z.object({ kind: z.literal('exclude'), reason: excludeReasonSchema }).strict(),
]);

/**
 * What a call is made of, whether logged on its own (`calls.log`) or taken along by a decision made
 * while the call form still held it (skip, recycle, exclude, handoff): the open call is never lost.
 * A call not timed in Koma (startedAt equal to endedAt, and no durationSec) has an unknown duration.
 */
const callFields = {
  startedAt: isoInstant,
  endedAt: isoInstant,
  outcome: callOutcomeSchema,
  notes: note.default(''),
  nextAction: z.string().max(500).default(''),
  nextActionAt: isoInstant.nullable().default(null),
  callbackAt: isoInstant.nullable().default(null),
  /** A duration known from elsewhere (the phone system, the rep), for a call not timed in Koma. */
  durationSec: z.number().int().min(0).max(86_400).nullable().default(null),
  /** The rep marked the call 有効会話 (a real conversation), whatever its length. */
  conversation: z.boolean().default(false),
  /** Objection cards raised in the call (切り返し), by id in the talk set version below. */
  objections: z
    .array(z.string().min(1).max(60))
    .max(30)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, { message: 'an objection is listed twice' }),
  /** The talk set version the rep had on screen (0: the built-in set); null: none shown. */
  talkVersion: z.number().int().min(0).nullable().default(null),
  /** The id given to the call when S dialled it (handed to the phone system); absent: the backend makes one. */
  callId: z.uuid().nullable().default(null),
};

/** Outcomes where nobody was on the line: such a call cannot be a conversation. */
export const noConversationOutcomes = ['no_answer', 'voicemail', 'busy', 'wrong_number'] as const;

function checkedCall<T extends z.ZodType<{ startedAt: string; endedAt: string; outcome: string; callbackAt: string | null; conversation: boolean }>>(schema: T) {
  return schema
    .refine((c) => Date.parse(c.endedAt) >= Date.parse(c.startedAt), { message: 'the call cannot end before it started', path: ['endedAt'] })
    .refine((c) => c.outcome !== 'callback_requested' || c.callbackAt !== null, { message: 'a callback needs a date and time', path: ['callbackAt'] })
    .refine((c) => !c.conversation || !(noConversationOutcomes as readonly string[]).includes(c.outcome), {
      message: 'a call nobody answered cannot be marked as a conversation',
      path: ['conversation'],
    });
}

export const pendingCallSchema = checkedCall(z.object(callFields).strict());
export type PendingCallInput = z.input<typeof pendingCallSchema>;

export const logCallInput = checkedCall(
  z
    .object({
      leadId: id,
      ...callFields,
      decision: decisionSchema.nullable().default(null),
    })
    .strict(),
);

export const skipReasons = ['not_now', 'needs_research', 'outside_hours', 'other'] as const;

/** The list's size comes with each page of the list; the next lead is only the next lead, so it stays an index probe. */
export const queueNextOutput = z.object({ leadId: z.string().nullable() });


export const callFlowCommands = {
  leadId: z.object({ leadId: id }).strict(),
  saveDraft: z.object({ leadId: id, draft: callDraftSchema }).strict(),
  savePrepNotes: z.object({ companyId: id, notes: note }).strict(),
  saveLeadNotes: z.object({ leadId: id, notes: note }).strict(),
  setChecklist: z.object({ companyId: id, item: z.enum(prepChecklistItems), checked: z.boolean() }).strict(),
  skip: z.object({ leadId: id, reason: z.enum(skipReasons), note: z.string().max(500).default(''), call: pendingCallSchema.nullable().default(null) }).strict(),
  recycle: z.object({ leadId: id, reason: recycleReasonSchema, until: isoInstant, note: z.string().max(500).default(''), call: pendingCallSchema.nullable().default(null) }).strict(),
  exclude: z.object({ leadId: id, reason: excludeReasonSchema, note: z.string().max(500).default(''), call: pendingCallSchema.nullable().default(null) }).strict(),
  setDoNotCall: z.object({ leadId: id, doNotCall: z.boolean() }).strict(),
  /** Readings as the rep corrects them; an empty one is cleared. */
  setReadings: z
    .object({ leadId: id, nameReading: z.string().trim().max(200), companyReading: z.string().trim().max(200) })
    .strict(),
  next: z.object({ excludeLeadId: id.nullable().default(null), source: leadSourceSchema.nullable().default(null) }).strict(),
};
