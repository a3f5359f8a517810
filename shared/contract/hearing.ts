import { z } from 'zod';

export const budgetStatuses = ['unknown', 'none', 'planned', 'approved'] as const;
export const contactRoles = ['decision_maker', 'influencer', 'user', 'gatekeeper', 'unknown'] as const;
export const urgencies = ['unknown', 'low', 'medium', 'high'] as const;
export const currencies = ['JPY', 'USD', 'EUR', 'CNY', 'KRW', 'SGD'] as const;
export const bantItems = ['budget', 'authority', 'need', 'timeline'] as const;
export type BantItem = (typeof bantItems)[number];

const text = (max: number) => z.string().max(max).default('');

/**
 * The BANT hearing: structured so it can be counted and synced, free text where people need it.
 * Each item carries its own confirmed flag; the rep confirms what the prospect actually said.
 */
export const hearingSchema = z
  .object({
    budget: z
      .object({
        status: z.enum(budgetStatuses).default('unknown'),
        /** Whole units of the currency (yen have no minor unit). */
        amount: z.number().int('amount must be a whole number').min(0, 'amount cannot be negative').max(1e13).nullable().default(null),
        currency: z.enum(currencies).default('JPY'),
        fiscalTiming: text(200),
        notes: text(5000),
        confirmed: z.boolean().default(false),
      })
      .strict(),
    authority: z
      .object({
        contactRole: z.enum(contactRoles).default('unknown'),
        decisionMakerName: text(200),
        decisionMakerTitle: text(200),
        approvalProcess: text(2000),
        signer: text(200),
        notes: text(5000),
        confirmed: z.boolean().default(false),
      })
      .strict(),
    need: z
      .object({
        pains: z.array(z.string().min(1).max(100)).max(50).default([]),
        painNotes: text(5000),
        requirements: text(5000),
        currentTool: text(200),
        competitors: z.array(z.string().min(1).max(100)).max(20).default([]),
        confirmed: z.boolean().default(false),
      })
      .strict(),
    timeline: z
      .object({
        targetDate: z.iso.date().nullable().default(null),
        targetQuarter: z
          .string()
          .regex(/^\d{4}-Q[1-4]$/, 'quarter must look like 2026-Q3')
          .nullable()
          .default(null),
        drivingEvent: text(500),
        urgency: z.enum(urgencies).default('unknown'),
        notes: text(5000),
        confirmed: z.boolean().default(false),
      })
      .strict(),
    /** Answers to the team's custom required fields, by field key. */
    custom: z.record(z.string().min(1).max(50), z.string().max(2000)).default({}),
  })
  .strict();
export type Hearing = z.infer<typeof hearingSchema>;
export type HearingInput = z.input<typeof hearingSchema>;

export const emptyHearing: Hearing = hearingSchema.parse({ budget: {}, authority: {}, need: {}, timeline: {} });

/** The team's qualification criteria, as data: which BANT items, a score floor, a budget floor, custom fields. */
export const qualificationCriteriaSchema = z
  .object({
    requireConfirmed: z.object({ budget: z.boolean(), authority: z.boolean(), need: z.boolean(), timeline: z.boolean() }).strict(),
    minScore: z.number().int().min(0).max(1000).nullable(),
    budgetFloor: z.object({ amount: z.number().int().min(0), currency: z.enum(currencies) }).strict().nullable(),
    customFields: z.array(z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/), label: z.string().min(1).max(100), required: z.boolean() }).strict()).max(20),
    /** The pains a rep picks from; free text covers the rest. */
    painOptions: z.array(z.string().min(1).max(100)).max(50),
  })
  .strict();
export type QualificationCriteria = z.infer<typeof qualificationCriteriaSchema>;

export const defaultQualificationCriteria: QualificationCriteria = {
  requireConfirmed: { budget: true, authority: true, need: true, timeline: true },
  minScore: null,
  budgetFloor: null,
  customFields: [],
  painOptions: ['業務効率化', 'コスト削減', '属人化の解消', '売上拡大', 'データ活用', 'セキュリティ強化', 'システム老朽化'],
};

export const criterionCodes = ['budget_confirmed', 'authority_confirmed', 'need_confirmed', 'timeline_confirmed', 'min_score', 'budget_floor', 'custom_field'] as const;
export const criterionCheckSchema = z.object({
  code: z.enum(criterionCodes),
  holds: z.boolean(),
  /** For custom_field, the field's key; for floors, the required figure. */
  detail: z.string().nullable(),
});
export type CriterionCheck = z.infer<typeof criterionCheckSchema>;
export const qualificationSchema = z.object({ qualified: z.boolean(), checks: z.array(criterionCheckSchema) });
export type Qualification = z.infer<typeof qualificationSchema>;
