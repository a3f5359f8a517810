import { z } from 'zod';

export const leadStatuses = ['new', 'working', 'callback', 'recycled', 'excluded', 'qualified'] as const;
export const leadStatusSchema = z.enum(leadStatuses);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

export const leadSources = ['web_inquiry', 'seminar', 'exhibition', 'content_download', 'outbound_list', 'referral', 'other'] as const;
export const leadSourceSchema = z.enum(leadSources);
export type LeadSource = z.infer<typeof leadSourceSchema>;

export const customerStages = ['awareness', 'lead_captured', 'nurturing', 'hot_lead', 'appointment', 'opportunity'] as const;
export const customerStageSchema = z.enum(customerStages);

/** Why a lead is where it is in today's list (see shared/domain/queue/classify.ts). */
export const queueReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('callback_due'), at: z.string() }),
  z.object({ code: z.literal('speed_to_lead'), deadline: z.string() }),
  z.object({ code: z.literal('hot'), score: z.number() }),
  z.object({ code: z.literal('recycle_due'), at: z.string() }),
  z.object({ code: z.literal('recycle_score'), behaviourScore: z.number() }),
  z.object({ code: z.literal('new') }),
  z.object({ code: z.literal('retry'), attempts: z.number() }),
  z.object({ code: z.literal('follow_up') }),
  z.object({ code: z.literal('do_not_call') }),
  z.object({ code: z.literal('closed'), status: z.enum(['excluded', 'qualified']) }),
  z.object({ code: z.literal('waiting'), until: z.string() }),
  z.object({ code: z.literal('recycled_until'), until: z.string() }),
]);
export type QueueReasonView = z.infer<typeof queueReasonSchema>;

export const leadAgeSchema = z.object({ days: z.number().int().min(0), level: z.enum(['fresh', 'stale', 'old']) });

/** One row of the call list as the renderer shows it, in queue order, with why it is there. */
export const callListRowSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  companyReading: z.string().nullable(),
  fullName: z.string(),
  nameReading: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: leadSourceSchema,
  /** The file's words for a source Koma does not know (source is then 'other'), shown as "other: …". */
  sourceDetail: z.string().nullable(),
  status: leadStatusSchema,
  score: z.number().int(),
  reason: queueReasonSchema,
  age: leadAgeSchema,
  withinCallingHours: z.boolean(),
});
export type CallListRow = z.infer<typeof callListRowSchema>;

export const searchCountCap = 1000;

/** A lead's place in queue order: the keyset the list pages by (see docs/architecture.md "The call queue"). */
export const queueKeySchema = z.object({ bucket: z.number().int(), sort: z.number(), id: z.string().min(1).max(100) }).strict();
export type QueueKey = z.infer<typeof queueKeySchema>;

/**
 * Where a page starts, by key rather than by position, so reading row 80,000 costs what reading row
 * 0 does: right after a key (scrolling down), from a key inclusive (the same page again), right
 * before a key (scrolling up), or the last rows of the list (End).
 */
export const callListCursorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('after'), key: queueKeySchema }).strict(),
  z.object({ kind: z.literal('from'), key: queueKeySchema }).strict(),
  z.object({ kind: z.literal('before'), key: queueKeySchema }).strict(),
  z.object({ kind: z.literal('last') }).strict(),
]);
export type CallListCursor = z.infer<typeof callListCursorSchema>;

export const callListInput = z.object({
  search: z.string().trim().max(200).default(''),
  /** A call block planned for one lead source narrows the list to it while it runs. */
  source: leadSourceSchema.nullable().default(null),
  /** The position of the page's first row. Without a cursor it is sought through the queue index (a jump). */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  cursor: callListCursorSchema.optional(),
  /** Pages fetched while scrolling skip the count: the list's size came with the first page. */
  count: z.boolean().default(true),
});

export const callListOutput = z.object({
  /** Absent when the page was asked for without a count. */
  total: z.number().int().min(0).optional(),
  /** With a search term the count stops at searchCountCap ("1,000+"): counting every match would scan the whole table on each keystroke. */
  totalCapped: z.boolean().optional(),
  offset: z.number().int().min(0),
  rows: z.array(callListRowSchema),
  /** The queue keys of the first and last row, for the neighbouring pages' cursors; null on an empty page. */
  firstKey: queueKeySchema.nullable().optional(),
  lastKey: queueKeySchema.nullable().optional(),
});

/** Search across every lead, whatever its status (the call list holds only the callable ones). */
export const leadSearchInput = z
  .object({
    search: z.string().trim().max(200).default(''),
    status: leadStatusSchema.nullable().default(null),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const leadSearchOutput = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      /** フリガナ, as in the call list: the rep searched by it, so the answer shows it. */
      nameReading: z.string().nullable(),
      title: z.string().nullable(),
      phone: z.string().nullable(),
      status: leadStatusSchema,
      companyName: z.string(),
      companyReading: z.string().nullable(),
      lastContactAt: z.string().nullable(),
    }),
  ),
});
export type LeadSearchRow = z.infer<typeof leadSearchOutput>['rows'][number];
