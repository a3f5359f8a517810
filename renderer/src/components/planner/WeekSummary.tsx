import { useTranslation } from 'react-i18next';
import type { WeekView } from '../../../../shared/contract/planner';
import { useNumberFormat } from '../../hooks/useNumberFormat';

const outcomes = ['as_planned', 'below_target', 'empty', 'overrun'] as const;

/** The week at a glance: slots planned, call blocks and their dials against calls made, and how the past slots went. */
export function WeekSummary({ week }: { week: WeekView }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const { summary } = week;
  return (
    <div className="week-summary">
      <p className="summary-line">
        {t('planner.summary', {
          total: n(week.slots.length),
          planned: n(summary.plannedSlots),
          blocks: n(summary.plannedCallBlocks),
          dials: n(summary.plannedDials),
          calls: n(summary.callsInCallBlocks),
        })}
      </p>
      <ul className="actual-chips" aria-label={t('planner.actualLabel')}>
        {outcomes.map((status) => (
          <li key={status} className={`chip status-${status}`}>
            {t(`planner.actual.${status}`, { count: summary.counts[status] ?? 0 })}
          </li>
        ))}
        {summary.callsOutsideCallBlocks > 0 && <li className="chip">{t('planner.actual.outside', { count: summary.callsOutsideCallBlocks })}</li>}
      </ul>
    </div>
  );
}
