import { useTranslation } from 'react-i18next';
import { leadSources } from '../../../../shared/contract/leads';
import type { KpiFiguresView, KpiReport } from '../../../../shared/contract/planner';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { RateValue } from './RateValue';

const counts = ['dials', 'connects', 'conversations', 'appointmentsBooked', 'appointmentsHeld', 'opportunities', 'leadsWorked'] as const;

const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
const active = (f: KpiFiguresView) => counts.some((c) => f[c] > 0) || sum(f.recycles) > 0 || sum(f.exclusions) > 0;

/** Every figure split by lead source: one row per source that saw any activity, and the total. */
export function SourceTable({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const rows = leadSources.flatMap((source) => {
    const figures = report.bySource[source];
    return figures && active(figures) ? [{ source, figures }] : [];
  });
  const row = (label: string, f: KpiFiguresView, header: 'th' | 'td' = 'th') => (
    <>
      {header === 'th' ? <th scope="row">{label}</th> : <td>{label}</td>}
      <td className="numeric">{n(f.dials)}</td>
      <td className="numeric">{n(f.connects)}</td>
      <td className="numeric">
        <RateValue rate={f.connectRate} />
      </td>
      <td className="numeric">{n(f.conversations)}</td>
      <td className="numeric">{n(f.appointmentsBooked)}</td>
      <td className="numeric">{n(f.appointmentsHeld)}</td>
      <td className="numeric">{n(f.opportunities)}</td>
      <td className="numeric">{n(f.leadsWorked)}</td>
      <td className="numeric">
        <RateValue rate={f.qualificationRate} />
      </td>
      <td className="numeric">{n(sum(f.recycles))}</td>
      <td className="numeric">{n(sum(f.exclusions))}</td>
    </>
  );
  return (
    <section className="dashboard-card" aria-labelledby="by-source-heading">
      <h3 id="by-source-heading">{t('dashboard.bySource.heading')}</h3>
      {/* Scrolls sideways in English: focusable and named, so the keyboard can scroll it (axe scrollable-region-focusable). */}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="by-source-heading">
        <table className="data-table kpi-table" aria-labelledby="by-source-heading">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.bySource.source')}</th>
              {(['dials', 'connects', 'connectRate', 'conversations', 'appointmentsBooked', 'appointmentsHeld', 'opportunities', 'leadsWorked', 'qualificationRate'] as const).map((key) => (
                <th key={key} scope="col" className="numeric">
                  {t(`dashboard.figures.${key}`)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('dashboard.bySource.recycles')}
              </th>
              <th scope="col" className="numeric">
                {t('dashboard.bySource.exclusions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ source, figures }) => (
              <tr key={source}>{row(t(`source.${source}`), figures)}</tr>
            ))}
          </tbody>
          <tfoot>
            <tr>{row(t('dashboard.bySource.total'), report.total)}</tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
