import type { TFunction } from 'i18next';
import type { LeadSource, QueueReasonView } from '../../../../shared/contract/leads';
import { callbackLateness } from '../../../../shared/domain/queue/overdue';
import type { DateFormat } from '../work/useDateFormat';

/** Below this a speed-to-lead deadline counts down in minutes, above it in hours. */
const minutesShownBelow = 120;

/** The short "why it is here" of a lead in today's list, in the rep's language. */
export function queueReasonText(t: TFunction, reason: QueueReasonView, context: { source: LeadSource; now: Date; format: DateFormat }): string {
  switch (reason.code) {
    case 'callback_due':
      return t('work.reason.callback_due', { time: context.format.when(reason.at) });
    case 'speed_to_lead': {
      const source = t(`source.${context.source}`);
      const minutes = Math.max(0, Math.ceil((Date.parse(reason.deadline) - context.now.getTime()) / 60_000));
      return minutes < minutesShownBelow
        ? t('work.reason.speed_to_lead_minutes', { source, minutes })
        : t('work.reason.speed_to_lead_hours', { source, hours: Math.floor(minutes / 60) });
    }
    case 'hot':
      return t('work.reason.hot', { score: reason.score });
    case 'recycle_due':
      return t('work.reason.recycle_due');
    case 'recycle_score':
      return t('work.reason.recycle_score', { score: reason.behaviourScore });
    case 'new':
      return t('work.reason.new');
    case 'retry':
      // attempts counts the calls already made; the rep is about to make the next one.
      return t('work.reason.retry', { n: reason.attempts + 1 });
    case 'follow_up':
      return t('work.reason.follow_up');
    case 'do_not_call':
      return t('work.reason.do_not_call');
    case 'closed':
      return t(reason.status === 'excluded' ? 'work.reason.closed_excluded' : 'work.reason.closed_qualified');
    case 'waiting':
      return t('work.reason.waiting', { time: context.format.when(reason.until) });
    case 'recycled_until':
      return t('work.reason.recycled_until', { date: context.format.date(reason.until) });
  }
}

/** 「期限切れ 5日」 for a callback past its promised time, null for any other reason or one still due. */
export function overdueText(t: TFunction, reason: QueueReasonView, now: Date): string | null {
  if (reason.code !== 'callback_due') return null;
  const late = callbackLateness(reason.at, now);
  return late ? t(`callListRows.overdue_${late.unit}`, { count: late.count }) : null;
}
