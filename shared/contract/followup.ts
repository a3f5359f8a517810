import { z } from 'zod';
import { scheduleMoveSchema } from './calendar';
import { localizedSchema, mergeFieldNames } from './talk';

/**
 * Follow-up mail after a call (issue 15): templates merged from the lead, opened in the rep's own
 * mail client (mailto: or a saved .eml), recorded on the timeline and sent to the CRM as an email
 * Task (docs/followup.md). Koma sends no mail itself: nothing depends on a mail server.
 */

/** The four follow-ups a rep sends after a call: お礼, 資料送付, 日程調整, アポ確定. */
export const followupKinds = ['thanks', 'materials', 'scheduling', 'appointment'] as const;
export const followupKindSchema = z.enum(followupKinds);
export type FollowupKind = z.infer<typeof followupKindSchema>;

/** The talk scripts' merge fields, plus the appointment and the field rep it is with (アポ確定). */
export const followupFieldNames = [...mergeFieldNames, 'appointment', 'fieldRep'] as const;
export type FollowupFieldName = (typeof followupFieldNames)[number];
export type FollowupValues = Record<FollowupFieldName, string | null>;

export const followupTemplateSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _'),
    kind: followupKindSchema,
    name: localizedSchema,
    subject: localizedSchema,
    /** {{company}}, {{person}}, {{appointment}}, {{fieldRep}}… merged from the lead. */
    body: localizedSchema,
  })
  .strict();
export type FollowupTemplate = z.infer<typeof followupTemplateSchema>;

/** The team's four templates, one per kind (W then 1–4 chooses them in this order). */
export const followupTemplatesSchema = z
  .array(followupTemplateSchema)
  .length(followupKinds.length)
  .refine((list) => list.every((t, i) => t.kind === followupKinds[i]), { message: 'one template per kind, in order: thanks, materials, scheduling, appointment' });


/** How the mail reached the rep's mail client. */
export const followupChannels = ['mailto', 'eml'] as const;

/** Everything the dialog needs for one lead, in one read. */
export const followupContextSchema = z.object({
  templates: z.array(followupTemplateSchema),
  /** The merge values; appointment is the ISO instant of the lead's next booked meeting. */
  values: z.object(Object.fromEntries(followupFieldNames.map((n) => [n, z.string().nullable()])) as Record<FollowupFieldName, z.ZodNullable<z.ZodString>>),
  email: z.string().nullable(),
  timeZone: z.string(),
  /** The lead's latest call, which the follow-up answers. */
  callId: z.string().nullable(),
});
export type FollowupContext = z.infer<typeof followupContextSchema>;

const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(100);

export const followupRecordInput = z
  .object({
    leadId: id,
    callId: id.nullable().default(null),
    templateId: id,
    kind: followupKindSchema,
    /** An addr-spec or nothing (the rep types it in the mail client). */
    to: z.email().max(254).nullable().default(null),
    /** RFC 5322 §2.1.1: a line is at most 998 characters; a subject is one line. */
    subject: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .refine((s) => !/[\r\n]/.test(s), 'a subject is one line'),
    body: z.string().max(20_000),
    channel: z.enum(followupChannels),
    /** When to call again about it: placed in the queue on the lead's next open time. */
    dueAt: isoInstant.nullable().default(null),
  })
  .strict();

export const followupCommands = {
  'followup.context': { input: z.object({ leadId: id }).strict(), output: followupContextSchema },
  'followup.record': {
    input: followupRecordInput,
    output: z.object({ id: z.string(), callbackAt: z.string().nullable(), moved: scheduleMoveSchema.nullable() }),
  },
  /** The team's templates (Settings), and Koma's, to go back to. */
  'followup.templates.get': { input: z.object({}).strict(), output: z.object({ templates: followupTemplatesSchema, defaults: followupTemplatesSchema }) },
  'followup.templates.save': {
    input: z.object({ templates: followupTemplatesSchema }).strict(),
    output: z.object({ templates: followupTemplatesSchema, defaults: followupTemplatesSchema }),
  },
} as const;
