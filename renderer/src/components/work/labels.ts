import type { TFunction } from 'i18next';
import { skipReasons } from '../../../../shared/contract/callFlow';
import { callOutcomes, excludeReasons, recycleReasons, type RecycleReason } from '../../../../shared/contract/calls';
import type { QueueRules } from '../../../../shared/contract/queueRules';

const daysPerMonth = 30;

/** A recycle reason; "timing" names the months its default date is out, as the rules set it. */
export function recycleReasonLabel(t: TFunction, reason: RecycleReason, rules: QueueRules | null): string {
  if (reason !== 'timing') return t(`work.recycleReason.${reason}`);
  if (!rules) return t('work.recycleReason.timing');
  return t('work.recycleReason.timing', { count: Math.max(1, Math.round(rules.recycleDays.timing / daysPerMonth)) });
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * Why a lead left the list, as recorded: a recycle or exclude reason, an outcome, a skip reason or
 * a do-not-call change. A reason this version does not know is shown as recorded.
 */
export function exitReasonLabel(t: TFunction, reason: string): string {
  if (isOneOf(recycleReasons, reason)) return recycleReasonLabel(t, reason, null);
  if (isOneOf(excludeReasons, reason)) return t(`work.excludeReason.${reason}`);
  if (isOneOf(callOutcomes, reason)) return t(`work.outcome.${reason}`);
  if (isOneOf(skipReasons, reason)) return t(`work.skipReason.${reason}`);
  if (isOneOf(['do_not_call', 'do_not_call_lifted', 'recycled', 'excluded'] as const, reason)) return t(`work.timeline.exitReason.${reason}`);
  return reason;
}
