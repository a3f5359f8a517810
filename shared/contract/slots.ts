import { z } from 'zod';
import { leadSourceSchema } from './leads';

export const slotKinds = ['call_block', 'prep', 'follow_up', 'appointment', 'admin', 'break'] as const;
export const slotKindSchema = z.enum(slotKinds);
export type SlotKind = z.infer<typeof slotKindSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):(00|30)$/, 'slots start on the hour or half hour (HH:00 or HH:30)');

/** The rep's working week: 09:00–17:00 Monday to Friday gives 16 slots a day, 80 a week. */
export const workWeekSchema = z
  .object({
    start: hhmm,
    end: hhmm,
    /** 0 = Sunday … 6 = Saturday */
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    timeZone: z.string().min(1).max(64),
  })
  .strict()
  .refine((w) => w.end > w.start, { message: 'the working day must end after it starts', path: ['end'] });
export type WorkWeek = z.infer<typeof workWeekSchema>;

export const defaultWorkWeek: WorkWeek = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5], timeZone: 'Asia/Tokyo' };

export const slotTargetSchema = z
  .object({
    dials: z.number().int().min(1).max(200).nullable().default(null),
    /** A call block can narrow the call list to one lead source while it runs. */
    source: leadSourceSchema.nullable().default(null),
  })
  .strict();
export type SlotTarget = z.infer<typeof slotTargetSchema>;
