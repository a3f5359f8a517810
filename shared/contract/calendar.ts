import { z } from 'zod';

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day, MM-DD');
const localDate = z.iso.date();
const name = z.string().trim().min(1).max(40);

/**
 * The days the company is closed, besides the week's days off: Japan's national holidays (祝日,
 * 振替休日, 国民の休日, from @holiday-jp/holiday_jp), ranges closed every year (年末年始, お盆; a range
 * whose end comes before its start runs over the new year) and one-off company closures.
 */
export const businessCalendarSchema = z
  .object({
    nationalHolidays: z.boolean(),
    yearlyClosures: z.array(z.object({ name, from: monthDay, to: monthDay }).strict()).max(20),
    closures: z
      .array(
        z
          .object({ name, from: localDate, to: localDate })
          .strict()
          .refine((c) => c.to >= c.from, { message: 'the closure must end on or after its first day', path: ['to'] }),
      )
      .max(200),
  })
  .strict();
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

/** Most Japanese B2B companies close 12/29–1/3 and around 8/13–8/16. */
export const defaultBusinessCalendar: BusinessCalendar = {
  nationalHolidays: true,
  yearlyClosures: [
    { name: '年末年始', from: '12-29', to: '01-03' },
    { name: 'お盆', from: '08-13', to: '08-16' },
  ],
  closures: [],
};

/** Why a day is closed: a national holiday (its names), a company closure (its name), or a day off. */
export const closedReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('holiday'), name: z.string(), nameEn: z.string() }),
  z.object({ kind: z.literal('closure'), name: z.string() }),
  z.object({ kind: z.literal('day_off') }),
]);
export type ClosedReason = z.infer<typeof closedReasonSchema>;

/** A time the rules chose that fell when no one can be called, and where it went instead. */
export const scheduleMoveSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The closed day it fell on, or outside calling hours on an open day. */
  reason: z.union([closedReasonSchema, z.object({ kind: z.literal('outside_hours') })]),
});
export type ScheduleMove = z.infer<typeof scheduleMoveSchema>;

export const calendarCommands = {
  getOutput: z.object({
    calendar: businessCalendarSchema,
    /** The closed working days of the next twelve months, so the rep can check the settings. */
    upcoming: z.array(z.object({ date: z.string(), reason: closedReasonSchema })),
    /** The last year the holiday table covers. */
    holidaysUntil: z.number().int(),
  }),
  saveInput: z.object({ calendar: businessCalendarSchema }).strict(),
  saveOutput: z.object({ requeued: z.number().int() }),
};
