import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWorkWeek } from '../../../../shared/contract/slots';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { instantsFor } from '../../stores/dashboardStore';
import { useDashboardStore, usePlannerStore, useStores, useTalkStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { RateValue } from '../dashboard/RateValue';
import { useLocalized } from './useLocalized';

/**
 * The dashboard's objections for its range, most raised first, with the connect → appointment rate
 * after each: which answers the team should work on.
 */
export function ObjectionTable() {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const localized = useLocalized();
  const headingId = useId();
  const stores = useStores();
  const range = useDashboardStore((s) => s.range);
  const timeZone = usePlannerStore((s) => s.week?.workWeek.timeZone ?? defaultWorkWeek.timeZone);
  const rows = useTalkStore((s) => s.report);
  const problem = useTalkStore((s) => s.reportProblem);
  useEffect(() => {
    if (range) void stores.talk.getState().loadReport(instantsFor(range, timeZone));
  }, [stores, range, timeZone]);
  return (
    <section className="dashboard-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('talk.report.heading')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      {rows && rows.length === 0 && <p className="hint">{t('talk.report.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('talk.report.objection')}</th>
              <th scope="col" className="numeric">
                {t('talk.report.raised')}
              </th>
              <th scope="col" className="numeric">
                {t('talk.report.connects')}
              </th>
              <th scope="col" className="numeric">
                {t('talk.report.appointmentRate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.cardId}>
                <th scope="row">{localized(row.title)}</th>
                <td className="numeric">{n(row.raised)}</td>
                <td className="numeric">{n(row.connects)}</td>
                <td className="numeric">
                  <RateValue rate={row.appointmentRate} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
