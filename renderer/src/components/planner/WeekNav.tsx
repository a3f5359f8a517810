import { useTranslation } from 'react-i18next';
import type { WeekView } from '../../../../shared/contract/planner';
import { usePlannerStore } from '../../stores/StoresContext';
import type { SlotFormat } from './useSlotFormat';

/** Previous / this / next week, and which week is on screen. */
export function WeekNav({ week, format }: { week: WeekView; format: SlotFormat }) {
  const { t } = useTranslation();
  const load = usePlannerStore((s) => s.load);
  const showRelative = usePlannerStore((s) => s.showRelative);
  const isThisWeek = usePlannerStore((s) => s.thisWeekStart === week.weekStart);
  const lastDay = week.slots.at(-1)?.date ?? week.weekStart;
  return (
    <div className="week-nav" role="group" aria-label={t('planner.weekNavLabel')}>
      <button type="button" aria-label={t('planner.previousWeek')} title={t('planner.previousWeek')} onClick={() => void showRelative(-1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <button type="button" aria-pressed={isThisWeek} onClick={() => void load(null)}>
        {t('planner.thisWeek')}
      </button>
      <button type="button" aria-label={t('planner.nextWeek')} title={t('planner.nextWeek')} onClick={() => void showRelative(1)}>
        <span aria-hidden="true">›</span>
      </button>
      <span className="week-range">{t('planner.weekRange', { from: format.date(week.weekStart), to: format.shortDate(lastDay) })}</span>
    </div>
  );
}
