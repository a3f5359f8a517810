import type { BusinessCalendar } from '../../contract/calendar';
import type { LeadSource, LeadStatus } from '../../contract/leads';
import type { QueueRules } from '../../contract/queueRules';
import { addOpenMinutes } from '../calendar/openTime';
import { openRulesFor } from './callingHours';

/** What the queue needs to know of a lead: its row, no joins. */
export interface QueueLead {
  status: LeadStatus;
  source: LeadSource;
  score: number;
  behaviourScore: number;
  attempts: number;
  doNotCall: boolean;
  createdAt: string;
  nextCallAt: string | null;
  recycleUntil: string | null;
  /** The lead's own zone: its speed-to-lead window counts its business hours. */
  timeZone: string;
}

/** Buckets in the order the rep works them; 0 is "not on today's list". */
export const queueBuckets = { none: 0, callback: 1, speedToLead: 2, hot: 3, recycled: 4, rest: 5 } as const;
export type QueueBucket = (typeof queueBuckets)[keyof typeof queueBuckets];

export type QueueReason =
  | { code: 'callback_due'; at: string }
  | { code: 'speed_to_lead'; deadline: string }
  | { code: 'hot'; score: number }
  | { code: 'recycle_due'; at: string }
  | { code: 'recycle_score'; behaviourScore: number }
  | { code: 'new' }
  | { code: 'retry'; attempts: number }
  | { code: 'follow_up' }
  | { code: 'do_not_call' }
  | { code: 'closed'; status: 'excluded' | 'qualified' }
  | { code: 'waiting'; until: string }
  | { code: 'recycled_until'; until: string };

export interface QueueEntry {
  bucket: QueueBucket;
  /** Ascending within a bucket. */
  sortKey: number;
  reason: QueueReason;
  /** When this classification next changes by the clock alone; null if only a write can change it. */
  changesAt: string | null;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * Where a lead stands in today's list, and why. The one definition of the queue order: the store
 * keeps its result on the lead (re-evaluated on every write and when `changesAt` passes), so the
 * next-lead query is an index walk and never re-implements these rules in SQL.
 */
export function classifyLead(lead: QueueLead, rules: QueueRules, now: Date, calendar: BusinessCalendar): QueueEntry {
  const t = now.getTime();
  if (lead.doNotCall) return { bucket: 0, sortKey: 0, reason: { code: 'do_not_call' }, changesAt: null };
  if (lead.status === 'excluded' || lead.status === 'qualified') {
    return { bucket: 0, sortKey: 0, reason: { code: 'closed', status: lead.status }, changesAt: null };
  }

  if (lead.status === 'recycled') {
    if (lead.recycleUntil !== null && ms(lead.recycleUntil) <= t) {
      return { bucket: 4, sortKey: ms(lead.recycleUntil), reason: { code: 'recycle_due', at: lead.recycleUntil }, changesAt: null };
    }
    if (lead.behaviourScore >= rules.recycleReturnBehaviourScore) {
      return { bucket: 4, sortKey: t, reason: { code: 'recycle_score', behaviourScore: lead.behaviourScore }, changesAt: null };
    }
    const until = lead.recycleUntil ?? now.toISOString();
    return { bucket: 0, sortKey: 0, reason: { code: 'recycled_until', until }, changesAt: lead.recycleUntil };
  }

  if (lead.nextCallAt !== null && ms(lead.nextCallAt) > t) {
    return { bucket: 0, sortKey: 0, reason: { code: 'waiting', until: lead.nextCallAt }, changesAt: lead.nextCallAt };
  }

  if (lead.status === 'callback' && lead.nextCallAt !== null) {
    return { bucket: 1, sortKey: ms(lead.nextCallAt), reason: { code: 'callback_due', at: lead.nextCallAt }, changesAt: null };
  }

  const window = rules.speedToLeadMinutes[lead.source];
  if (lead.status === 'new' && lead.attempts === 0 && window !== null && window !== undefined) {
    // Business hours: an inquiry on Friday evening is still "within the hour" on Monday morning.
    const deadline = addOpenMinutes(new Date(lead.createdAt), window, openRulesFor(lead.timeZone, rules, calendar)).getTime();
    if (deadline > t) {
      const iso = new Date(deadline).toISOString();
      return { bucket: 2, sortKey: deadline, reason: { code: 'speed_to_lead', deadline: iso }, changesAt: iso };
    }
  }

  if (lead.score >= rules.hotScore) {
    return { bucket: 3, sortKey: -lead.score, reason: { code: 'hot', score: lead.score }, changesAt: null };
  }

  const reason: QueueReason =
    lead.status === 'new' && lead.attempts === 0 ? { code: 'new' } : lead.attempts > 0 ? { code: 'retry', attempts: lead.attempts } : { code: 'follow_up' };
  return { bucket: 5, sortKey: -lead.score, reason, changesAt: null };
}

/** Days since the lead was last touched (or arrived), and how loudly to show it. */
export function leadAge(lastTouchedAt: string, rules: QueueRules, now: Date): { days: number; level: 'fresh' | 'stale' | 'old' } {
  const days = Math.max(0, Math.floor((now.getTime() - ms(lastTouchedAt)) / 86_400_000));
  const level = days >= rules.staleDays * 2 ? 'old' : days >= rules.staleDays ? 'stale' : 'fresh';
  return { days, level };
}
