import { z } from 'zod';
import { pendingCallSchema, scorePartSchema } from './callFlow';
import { callOutcomeSchema } from './calls';
import { hearingSchema, qualificationCriteriaSchema, qualificationSchema } from './hearing';

const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(100);

export const handoffStates = ['draft', 'queued', 'synced', 'failed'] as const;
export const handoffStateSchema = z.enum(handoffStates);
export type HandoffState = z.infer<typeof handoffStateSchema>;

/** Field sales' answer, pulled back from the CRM by the sync. */
export const fieldStates = ['accepted', 'meeting_held', 'rejected'] as const;
export const fieldStateSchema = z.enum(fieldStates);

export const fieldRepSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(100),
  email: z.string().max(200).nullable(),
  crmUserId: z.string().max(100).nullable(),
  active: z.boolean(),
});
export type FieldRep = z.infer<typeof fieldRepSchema>;

export const fieldRepInputSchema = fieldRepSchema.extend({ id: id.nullable() }).strict();

/** Everything field sales needs, assembled when the handoff is made so nothing is lost on the way. */
export const handoffPackageSchema = z.object({
  assembledAt: z.string(),
  // Readings are optional: packages frozen before they existed have none.
  company: z.object({ name: z.string(), reading: z.string().nullable().optional(), website: z.string().nullable(), industry: z.string().nullable(), employees: z.number().nullable(), address: z.string().nullable(), phone: z.string().nullable() }),
  contact: z.object({ name: z.string(), reading: z.string().nullable().optional(), title: z.string().nullable(), department: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  hearing: hearingSchema,
  hearingVersion: z.number().int().nullable(),
  qualification: qualificationSchema,
  prepNotes: z.string(),
  calls: z.array(z.object({ at: z.string(), outcome: callOutcomeSchema, notes: z.string(), durationSec: z.number().nullable() })),
  score: z.object({ attribute: z.number(), behaviour: z.number(), total: z.number(), breakdown: z.array(scorePartSchema) }),
});
export type HandoffPackage = z.infer<typeof handoffPackageSchema>;

export const handoffViewSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  companyName: z.string(),
  fieldRep: fieldRepSchema.nullable(),
  state: handoffStateSchema,
  fieldState: fieldStateSchema.nullable(),
  fieldReason: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  appointmentEnd: z.string().nullable(),
  place: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  summary: z.string(),
  overrideReason: z.string().nullable(),
  lastError: z.string().nullable(),
  corrections: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  syncedAt: z.string().nullable(),
  package: handoffPackageSchema,
});
export type HandoffView = z.infer<typeof handoffViewSchema>;

export const handoffRowSchema = handoffViewSchema.omit({ package: true });
export type HandoffRow = z.infer<typeof handoffRowSchema>;

const meetingUrl = z
  .string()
  .max(2000)
  .refine((u) => /^https:\/\//i.test(u), 'the meeting link must start with https://')
  .nullable();

const handoffFields = {
  fieldRepId: id,
  appointmentAt: isoInstant,
  appointmentEnd: isoInstant,
  place: z.string().max(500).nullable().default(null),
  meetingUrl: meetingUrl.default(null),
  summary: z.string().min(1, 'write a summary for the field rep').max(10_000),
};

const appointmentOrder = (h: { appointmentAt?: string; appointmentEnd?: string }) =>
  !h.appointmentAt || !h.appointmentEnd || Date.parse(h.appointmentEnd) > Date.parse(h.appointmentAt);

export const handoffCreateInput = z
  .object({
    leadId: id,
    ...handoffFields,
    /** Required when the lead does not meet the criteria; recorded with the handoff. */
    overrideReason: z.string().trim().min(1).max(1000).nullable().default(null),
    asDraft: z.boolean().default(false),
    /** The call on the form when the rep hands off: logged first, in the same transaction, and in the package. */
    call: pendingCallSchema.nullable().default(null),
  })
  .strict()
  .refine(appointmentOrder, { message: 'the appointment must end after it starts', path: ['appointmentEnd'] });

export const handoffUpdateInput = z
  .object({
    handoffId: id,
    fieldRepId: handoffFields.fieldRepId.optional(),
    appointmentAt: handoffFields.appointmentAt.optional(),
    appointmentEnd: handoffFields.appointmentEnd.optional(),
    place: z.string().max(500).nullable().optional(),
    meetingUrl: meetingUrl.optional(),
    summary: handoffFields.summary.optional(),
    /** Sends a draft to the sync queue. */
    queue: z.boolean().default(false),
  })
  .strict()
  .refine(appointmentOrder, { message: 'the appointment must end after it starts', path: ['appointmentEnd'] });

export const handoffListInput = z
  .object({
    state: handoffStateSchema.nullable().default(null),
    fieldState: fieldStateSchema.nullable().default(null),
    search: z.string().trim().max(200).default(''),
  })
  .strict();

export const exportFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });

export const hearingVersionSchema = z.object({
  version: z.number().int(),
  callId: z.string().nullable(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sealedAt: z.string().nullable(),
  confirmed: z.object({ budget: z.boolean(), authority: z.boolean(), need: z.boolean(), timeline: z.boolean() }),
});

export const hearingViewSchema = z.object({
  hearing: hearingSchema,
  /** null until the first save. */
  version: z.number().int().nullable(),
  open: z.boolean(),
  qualification: qualificationSchema,
  criteria: qualificationCriteriaSchema,
  history: z.array(hearingVersionSchema),
});
export type HearingView = z.infer<typeof hearingViewSchema>;
