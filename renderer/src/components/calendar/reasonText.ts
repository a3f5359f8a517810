import type { TFunction } from 'i18next';
import type { ScheduleMove } from '../../../../shared/contract/calendar';

/** Why a day or a time is closed, in the rep's language: 成人の日 / Coming of Age Day, 年末年始, a day off. */
export function closedReasonText(t: TFunction, reason: ScheduleMove['reason'], language: string): string {
  switch (reason.kind) {
    case 'holiday':
      return t('calendar.reason.holiday', { name: language.startsWith('ja') ? reason.name : reason.nameEn });
    case 'closure':
      return t('calendar.reason.closure', { name: reason.name });
    default:
      return t(`calendar.reason.${reason.kind}`);
  }
}
