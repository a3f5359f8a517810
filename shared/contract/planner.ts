import { z } from 'zod';
import { leadSources } from './leads';
import { closedReasonSchema } from './calendar';
import { slotKindSchema, slotTargetSchema, workWeekSchema } from './slots';

const localDate = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });

export const slotViewSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  date: z.string(),
  weekday: z.number().int(),
  index: z.number().int(),
  kind: slotKindSchema.nullable(),
  target: slotTargetSchema.nullable(),
  /** A handoff's appointment that falls in this slot: it shows there without being planned by hand. */
  appointment: z.object({ handoffId: z.string(), leadName: z.string(), companyName: z.string() }).nullable(),
  calls: z.number().int(),
  status: z.enum(['upcoming', 'as_planned', 'below_target', 'empty', 'overrun', 'unplanned', 'free']),
});
export type SlotView = z.infer<typeof slotViewSchema>;

export const weekViewSchema = z.object({
  weekStart: z.string(),
  workWeek: workWeekSchema,
  slots: z.array(slotViewSchema),
  /** Working days the calendar closes this week (a holiday, 年末年始…): shown closed, with no slots. */
  closedDays: z.array(z.object({ date: z.string(), weekday: z.number().int(), reason: closedReasonSchema })).optional(),
  /** The slot under way now, if any, with the seconds left in it. */
  current: z.object({ startsAt: z.string(), secondsLeft: z.number().int() }).nullable(),
  summary: z.object({
    plannedSlots: z.number().int(),
    plannedCallBlocks: z.number().int(),
    plannedDials: z.number().int(),
    callsInCallBlocks: z.number().int(),
    callsOutsideCallBlocks: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
  }),
  templates: z.array(z.string()),
});
export type WeekView = z.infer<typeof weekViewSchema>;

export const plannerCommands = {
  week: z.object({ weekStart: localDate.nullable().default(null) }).strict(),
  assign: z
    .object({
      weekStart: localDate,
      assignments: z.array(z.object({ startsAt: isoInstant, kind: slotKindSchema.nullable(), target: slotTargetSchema.nullable().default(null) }).strict()).min(1).max(200),
    })
    .strict(),
  copyWeek: z.object({ from: localDate, to: localDate }).strict(),
  saveTemplate: z.object({ name: z.string().trim().min(1).max(60), weekStart: localDate }).strict(),
  applyTemplate: z.object({ name: z.string().trim().min(1).max(60), weekStart: localDate }).strict(),
  saveWorkWeek: z.object({ workWeek: workWeekSchema }).strict(),
};

const rateSchema = z.number().min(0).max(1);

export const kpiSettingsSchema = z
  .object({
    monthlyOpportunityGoal: z.number().int().min(0).max(10_000),
    conversationSeconds: z.number().int().min(0).max(3600),
    targets: z.object({ connect: rateSchema, conversation: rateSchema, opportunity: rateSchema }).strict(),
  })
  .strict();
export type KpiSettings = z.infer<typeof kpiSettingsSchema>;

export const defaultKpiSettings: KpiSettings = {
  monthlyOpportunityGoal: 10,
  conversationSeconds: 60,
  targets: { connect: 0.3, conversation: 0.6, opportunity: 0.15 },
};

const figuresSchema = z.object({
  dials: z.number().int(),
  connects: z.number().int(),
  connectRate: z.number().nullable(),
  conversations: z.number().int(),
  appointmentsBooked: z.number().int(),
  appointmentsHeld: z.number().int(),
  opportunities: z.number().int(),
  leadsWorked: z.number().int(),
  qualificationRate: z.number().nullable(),
  recycles: z.record(z.string(), z.number().int()),
  exclusions: z.record(z.string(), z.number().int()),
});
export type KpiFiguresView = z.infer<typeof figuresSchema>;

export const kpiReportInput = z
  .object({ from: isoInstant, to: isoInstant })
  .strict()
  .refine((r) => Date.parse(r.to) > Date.parse(r.from), { message: 'the range must end after it starts', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, { message: 'a range is at most 400 days', path: ['to'] });

export const kpiReportSchema = z.object({
  total: figuresSchema,
  bySource: z.partialRecord(z.enum(leadSources), figuresSchema),
  /** Week by week across the range (weeks start on Monday), for the trend chart. */
  trend: z.array(z.object({ weekStart: z.string(), dials: z.number().int(), connects: z.number().int(), opportunities: z.number().int() })),
});
export type KpiReport = z.infer<typeof kpiReportSchema>;

const stage = z.enum(['connect', 'conversation', 'opportunity']);
export const goalPlanSchema = z.object({
  month: z.string(),
  goal: z.number().int(),
  /** The saved setting, so a form that edits the goal keeps it. */
  conversationSeconds: z.number().int(),
  achieved: z.number().int(),
  status: z.enum(['met', 'reachable', 'short', 'not_enough_data']),
  remaining: z.number().int(),
  rates: z.object({ connect: z.number().nullable(), conversation: z.number().nullable(), opportunity: z.number().nullable() }),
  targets: z.object({ connect: z.number(), conversation: z.number(), opportunity: z.number() }),
  dialsPerSlot: z.number().nullable(),
  conversationsNeeded: z.number().int().nullable(),
  connectsNeeded: z.number().int().nullable(),
  dialsNeeded: z.number().int().nullable(),
  callSlotsNeeded: z.number().int().nullable(),
  callSlotsPlanned: z.number().int(),
  bottleneck: stage.nullable(),
  /** Stages worked back at the team's target rate because the rep's own is not measured yet. */
  assumed: z.array(stage).default([]),
});
export type GoalPlanView = z.infer<typeof goalPlanSchema>;
