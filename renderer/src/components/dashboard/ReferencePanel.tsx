import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultBusinessCalendar } from '../../../../shared/contract/calendar';
import type { KpiFiguresView } from '../../../../shared/contract/planner';
import type { ReferenceMetric } from '../../../../shared/contract/reference';
import { defaultWorkWeek } from '../../../../shared/contract/slots';
import { countOpenDays } from '../../../../shared/domain/calendar/closedDays';
import { compareWithReference } from '../../../../shared/domain/kpi/reference';
import { localDate } from '../../../../shared/domain/queue/localTime';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import type { DateRange } from '../../stores/dashboardStore';
import { useCalendarStore, usePlannerStore, useReferenceStore, useStores, useWorkStore } from '../../stores/StoresContext';
import { usePercent } from './usePercent';

/**
 * Reference values (参考値) beside the rep's own figures for the range: each with its definition and
 * where it comes from, headed as reference — not a target, and not coloured as one.
 */
export function ReferencePanel({ figures, range }: { figures: KpiFiguresView; range: DateRange }) {
  const { t } = useTranslation();
  const stores = useStores();
  const headingId = useId();
  const percent = usePercent();
  const n = useNumberFormat();
  const values = useReferenceStore((s) => s.values);
  const defaults = useReferenceStore((s) => s.defaults);
  const calendar = useCalendarStore((s) => s.view?.calendar ?? defaultBusinessCalendar);
  const workWeek = usePlannerStore((s) => s.week?.workWeek ?? defaultWorkWeek);
  const now = useWorkStore((s) => s.now);
  useEffect(() => {
    void stores.reference.getState().load();
    void stores.calendar.getState().load();
  }, [stores]);
  if (!values) return null;

  // Days still to come have no dials yet: count working days up to today only.
  const today = localDate(now(), workWeek.timeZone);
  const last = range.toDate < today ? range.toDate : today;
  const workingDays = last < range.fromDate ? 0 : countOpenDays(range.fromDate, last, calendar, workWeek.days);
  const rows = compareWithReference(figures, workingDays, values);
  const show = (metric: ReferenceMetric, value: number) => (metric === 'dialsPerDay' ? t('reference.dialsValue', { value: n(Math.round(value * 10) / 10) }) : percent(value));
  const custom = defaults !== null && JSON.stringify(values) !== JSON.stringify(defaults);
  return (
    <section className="dashboard-card reference-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('reference.heading')}</h3>
      <p className="hint">{t('reference.hint')}</p>
      <table className="data-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('reference.metric')}</th>
            <th scope="col" className="numeric">
              {t('reference.own')}
            </th>
            <th scope="col" className="numeric">
              {t('reference.band')}
            </th>
            <th scope="col">{t('reference.definition')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.metric}>
              <th scope="row">{t(`reference.metrics.${row.metric}`)}</th>
              <td className="numeric">
                {row.own === null ? t('reference.notMeasured') : show(row.metric, row.own)}
                {row.standing && <span className="reference-standing">{t(`reference.standing.${row.standing}`)}</span>}
              </td>
              <td className="numeric">{t('reference.bandText', { low: show(row.metric, row.low), high: show(row.metric, row.high) })}</td>
              <td className="reference-definition">{t(`reference.definitions.${row.metric}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint reference-source">{custom ? t('reference.sourceCustom') : t('reference.source')}</p>
    </section>
  );
}
