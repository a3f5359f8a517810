import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { KpiReport } from '../../../../shared/contract/planner';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { useSlotFormat } from '../planner/useSlotFormat';
import { chartColours, chartInitialSize, chartTick } from './chartTheme';

/** Dials and connects per week as bars, opportunities as a line on their own axis; the numbers again in a table for screen readers. */
export function TrendChart({ trend, timeZone }: { trend: KpiReport['trend']; timeZone: string }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const format = useSlotFormat(timeZone);
  const headingId = useId();
  const data = trend.map((w) => ({ ...w, label: format.day(w.weekStart) }));
  const names = { dials: t('dashboard.figures.dials'), connects: t('dashboard.figures.connects'), opportunities: t('dashboard.figures.opportunities') };
  return (
    <section className="dashboard-card chart-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('dashboard.trend.heading')}</h3>
      {trend.length === 0 ? (
        <p className="hint">{t('dashboard.trend.empty')}</p>
      ) : (
        <>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={chartInitialSize.height} initialDimension={chartInitialSize}>
              <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid vertical={false} stroke={chartColours.grid} />
                <XAxis dataKey="label" tick={chartTick} stroke={chartColours.grid} />
                <YAxis yAxisId="calls" allowDecimals={false} width={40} tick={chartTick} stroke={chartColours.grid} />
                <YAxis yAxisId="opportunities" orientation="right" allowDecimals={false} width={32} tick={chartTick} stroke={chartColours.grid} />
                <Bar yAxisId="calls" dataKey="dials" name={names.dials} fill={chartColours.dials} isAnimationActive={false} maxBarSize={28} />
                <Bar yAxisId="calls" dataKey="connects" name={names.connects} fill={chartColours.connects} isAnimationActive={false} maxBarSize={28} />
                <Line
                  yAxisId="opportunities"
                  dataKey="opportunities"
                  name={names.opportunities}
                  stroke={chartColours.opportunities}
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
                {/* Series in the order drawn, in body text colour: the light bar colour is too pale for words. */}
                <Legend iconSize={10} itemSorter={null} wrapperStyle={chartTick} formatter={(value: string) => <span className="chart-legend-text">{value}</span>} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <table className="visually-hidden">
            <caption>{t('dashboard.trend.summary', { weeks: trend.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.trend.week')}</th>
                <th scope="col">{names.dials}</th>
                <th scope="col">{names.connects}</th>
                <th scope="col">{names.opportunities}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{format.date(w.weekStart)}</th>
                  <td>{n(w.dials)}</td>
                  <td>{n(w.connects)}</td>
                  <td>{n(w.opportunities)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
