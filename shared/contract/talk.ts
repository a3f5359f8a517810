import { z } from 'zod';
import { leadSourceSchema } from './leads';

/**
 * Talk scripts (トークスクリプト) and objection cards (切り返し): a team's whole set is one document,
 * saved as a new version each time (docs/talk.md). A call records the version it was made with.
 */

/** Every text a rep reads in a call, in both of Koma's languages (either may be empty, not both). */
export const localizedSchema = z
  .object({ ja: z.string().max(4000), en: z.string().max(4000) })
  .strict()
  // `params.problem` names the problem for the editor, which says it in the rep's language.
  .refine((t) => t.ja.trim() !== '' || t.en.trim() !== '', { message: 'write it in Japanese or English', params: { problem: 'emptyText' } });
export type Localized = z.infer<typeof localizedSchema>;

/** The lead's situation a script is for: never called, called before, or back from recycling. */
export const callStages = ['first_call', 'follow_up', 'recycled'] as const;
export const callStageSchema = z.enum(callStages);
export type CallStage = z.infer<typeof callStageSchema>;

/** The BANT item a script step hears; the step links to that section of the hearing. */
export const bantItems = ['budget', 'authority', 'need', 'timeline'] as const;

/** An id the team can read in an export and the store can join on: letters, digits, - and _. */
const cardOrScriptId = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _');

export const scriptStepSchema = z
  .object({
    heading: localizedSchema,
    /** The words to say; {{company}}, {{person}}… are merged from the lead (shared/domain/talk/merge.ts). */
    body: localizedSchema,
    bant: z.enum(bantItems).nullable().default(null),
  })
  .strict();
export type ScriptStep = z.infer<typeof scriptStepSchema>;

export const talkScriptSchema = z
  .object({
    id: cardOrScriptId,
    name: localizedSchema,
    /** Lead sources it is for; empty: any source. */
    sources: z.array(leadSourceSchema).max(20).default([]),
    /** Call stages it is for; empty: any stage. */
    stages: z.array(callStageSchema).max(3).default([]),
    steps: z.array(scriptStepSchema).min(1).max(40),
  })
  .strict();
export type TalkScript = z.infer<typeof talkScriptSchema>;

export const objectionCardSchema = z
  .object({
    id: cardOrScriptId,
    /** What the prospect says: 「今は忙しい」. */
    title: localizedSchema,
    /** Suggested answers, best first. */
    answers: z.array(localizedSchema).min(1).max(10),
  })
  .strict();
export type ObjectionCard = z.infer<typeof objectionCardSchema>;

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}

export const talkSetSchema = z
  .object({
    scripts: z.array(talkScriptSchema).min(1).max(100),
    cards: z.array(objectionCardSchema).min(1).max(100),
  })
  .strict()
  .refine((s) => uniqueIds(s.scripts), { message: 'two scripts have the same id', path: ['scripts'], params: { problem: 'sameId' } })
  .refine((s) => uniqueIds(s.cards), { message: 'two objection cards have the same id', path: ['cards'], params: { problem: 'sameId' } });
export type TalkSet = z.infer<typeof talkSetSchema>;

/** The file a team shares: the set with a header saying what it is. */
export const talkFileFormat = 'koma-talk-set';
export const talkFileSchema = z
  .object({
    format: z.literal(talkFileFormat),
    formatVersion: z.literal(1),
    exportedAt: z.string().max(40).optional(),
    set: talkSetSchema,
  })
  .strict();
export type TalkFile = z.infer<typeof talkFileSchema>;

/** The set in use; version 0 is the built-in default set (nothing saved yet). */
export const talkSetViewSchema = z.object({ version: z.number().int().min(0), savedAt: z.string().nullable(), origin: z.enum(['default', 'edited', 'imported']), set: talkSetSchema });
export type TalkSetView = z.infer<typeof talkSetViewSchema>;

/** What a script merges from the lead; null: not known for this lead (shown as a placeholder). */
export const mergeFieldNames = ['company', 'person', 'title', 'department', 'seminar', 'lastDownload', 'rep'] as const;
export type MergeFieldName = (typeof mergeFieldNames)[number];
export const mergeValuesSchema = z.object(Object.fromEntries(mergeFieldNames.map((n) => [n, z.string().nullable()])) as Record<MergeFieldName, z.ZodNullable<z.ZodString>>);
export type MergeValues = z.infer<typeof mergeValuesSchema>;

export const talkForLeadSchema = z.object({
  version: z.number().int().min(0),
  stage: callStageSchema,
  /** The script picked for the lead's source and stage (shared/domain/talk/pick.ts). */
  script: talkScriptSchema,
  cards: z.array(objectionCardSchema),
  values: mergeValuesSchema,
});
export type TalkForLead = z.infer<typeof talkForLeadSchema>;

/** An objection raised in a call, as the timeline shows it. */
export const raisedObjectionSchema = z.object({ cardId: z.string(), title: localizedSchema });

export const objectionReportRowSchema = z.object({
  cardId: z.string(),
  title: localizedSchema,
  /** Calls in the range in which it was raised. */
  raised: z.number().int(),
  /** Of those, calls where the rep reached the person. */
  connects: z.number().int(),
  /** Of those connects, the leads that went on to an appointment (a handoff with a meeting). */
  appointments: z.number().int(),
  /** appointments / connects; null with no connects. */
  appointmentRate: z.number().nullable(),
});
export type ObjectionReportRow = z.infer<typeof objectionReportRowSchema>;

const isoInstant = z.iso.datetime({ offset: true });
/** Export file text: a set is a few hundred kB at most. */
const fileText = z.string().min(1).max(900_000);

export const talkCommands = {
  'talk.get': { input: z.object({}).strict(), output: talkSetViewSchema },
  'talk.forLead': { input: z.object({ leadId: z.string().min(1).max(100) }).strict(), output: talkForLeadSchema },
  'talk.save': { input: z.object({ set: talkSetSchema, basedOn: z.number().int().min(0) }).strict(), output: talkSetViewSchema },
  'talk.export': { input: z.object({}).strict(), output: z.object({ fileName: z.string(), content: z.string() }) },
  'talk.import': { input: z.object({ content: fileText }).strict(), output: talkSetViewSchema },
  'kpi.objections': { input: z.object({ from: isoInstant, to: isoInstant }).strict(), output: z.object({ rows: z.array(objectionReportRowSchema) }) },
} as const;
