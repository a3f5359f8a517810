import { z } from 'zod';
import { callOutcomes, recycleReasons } from './calls';
import { leadSources } from './leads';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');
const minutes = z.number().int().min(0).max(60 * 24 * 366);

/**
 * The team's rules for today's call list. Stored in settings, editable, with the defaults below:
 * Japanese business hours, a speed-to-lead window per source, and cooldowns per outcome.
 */
export const queueRulesSchema = z
  .object({
    callingHours: z.object({
      start: hhmm,
      end: hhmm,
      /** 0 = Sunday … 6 = Saturday */
      days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    }),
    defaultTimeZone: z.string().min(1).max(64),
    maxAttempts: z.number().int().min(1).max(100),
    dailyCapPerLead: z.number().int().min(1).max(20),
    /** Minutes until a lead may be called again after an outcome that did not reach the person. */
    cooldownMinutes: z.record(z.enum(callOutcomes), minutes),
    /** First call within this many minutes of the lead arriving; null: the source has no window. */
    speedToLeadMinutes: z.record(z.enum(leadSources), minutes.nullable()),
    hotScore: z.number().int().min(0).max(1000),
    /** Untouched for this many days: the row shows its age as a warning; twice as long, as an alarm. */
    staleDays: z.number().int().min(1).max(365),
    recycleDays: z.record(z.enum(recycleReasons), z.number().int().min(1).max(3650)),
    /** A skipped lead leaves today's list for this long. */
    skipMinutes: minutes,
    /** A recycled lead whose behaviour score reaches this comes back before its date. */
    recycleReturnBehaviourScore: z.number().int().min(0).max(1000),
  })
  .strict();
export type QueueRules = z.infer<typeof queueRulesSchema>;

export const defaultQueueRules: QueueRules = {
  callingHours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] },
  defaultTimeZone: 'Asia/Tokyo',
  maxAttempts: 6,
  dailyCapPerLead: 2,
  cooldownMinutes: {
    connected: 24 * 60,
    no_answer: 120,
    voicemail: 24 * 60,
    busy: 30,
    gatekeeper: 24 * 60,
    wrong_number: 0,
    callback_requested: 0,
    not_interested: 0,
  },
  speedToLeadMinutes: {
    web_inquiry: 60,
    content_download: 24 * 60,
    seminar: 48 * 60,
    exhibition: 72 * 60,
    referral: 24 * 60,
    outbound_list: null,
    other: null,
  },
  hotScore: 70,
  staleDays: 14,
  recycleDays: { not_reached: 30, timing: 90, no_budget: 180, no_need: 180, other: 90 },
  skipMinutes: 60,
  recycleReturnBehaviourScore: 30,
};
