import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { KpiFiguresView } from '../../../../shared/contract/planner';
import { rate } from '../../../../shared/domain/kpi/figures';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { axisWidthFor, chartColours, chartInitialSize, chartTick } from './chartTheme';
import { RateValue } from './RateValue';

const stages = ['dials', 'connects', 'conversations', 'opportunities'] as const;

/** Dials → connects → conversations → opportunities as bars, with the same numbers in a table for screen readers. */
export function FunnelChart({ figures }: { figures: KpiFiguresView }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const headingId = useId();
  const data = stages.map((stage) => ({ stage, name: t(`dashboard.figures.${stage}`), value: figures[stage] }));
  return (
    <section className="dashboard-card chart-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('dashboard.funnel.heading')}</h3>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={chartInitialSize.height} initialDimension={chartInitialSize}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={chartColours.grid} />
            <XAxis type="number" allowDecimals={false} tick={chartTick} stroke={chartColours.grid} />
            <YAxis type="category" dataKey="name" width={axisWidthFor(data.map((d) => d.name))} tick={chartTick} stroke={chartColours.grid} />
            <Bar dataKey="value" isAnimationActive={false} barSize={22}>
              {data.map((d) => (
                <Cell key={d.stage} fill={chartColours[d.stage]} />
              ))}
              <LabelList dataKey="value" position="right" formatter={(v) => n(Number(v))} style={chartTick} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>{t('dashboard.funnel.summary', { dials: n(figures.dials), connects: n(figures.connects), conversations: n(figures.conversations), opportunities: n(figures.opportunities) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.funnel.stage')}</th>
            <th scope="col">{t('dashboard.funnel.count')}</th>
            <th scope="col">{t('dashboard.funnel.fromPrevious')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={d.stage}>
              <th scope="row">{d.name}</th>
              <td>{n(d.value)}</td>
              <td>{i === 0 ? '' : <RateValue rate={rate(d.value, data[i - 1]!.value)} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
