import { useTranslation } from 'react-i18next';
import type { KpiFiguresView } from '../../../../shared/contract/planner';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { KpiTile } from './KpiTile';
import { RateValue } from './RateValue';

/** The range's headline figures, left to right in funnel order. */
export function KpiTiles({ figures }: { figures: KpiFiguresView }) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  return (
    <div className="kpi-tiles" role="group" aria-label={t('dashboard.tilesLabel')}>
      <KpiTile label={t('dashboard.figures.dials')} value={n(figures.dials)} />
      <KpiTile label={t('dashboard.figures.connects')} value={n(figures.connects)} />
      <KpiTile label={t('dashboard.figures.connectRate')} value={<RateValue rate={figures.connectRate} />} />
      <KpiTile label={t('dashboard.figures.conversations')} value={n(figures.conversations)} />
      <KpiTile label={t('dashboard.figures.appointmentsBooked')} value={n(figures.appointmentsBooked)} />
      <KpiTile label={t('dashboard.figures.appointmentsHeld')} value={n(figures.appointmentsHeld)} />
      <KpiTile label={t('dashboard.figures.opportunities')} value={n(figures.opportunities)} />
      <KpiTile
        label={t('dashboard.figures.qualificationRate')}
        value={<RateValue rate={figures.qualificationRate} />}
        detail={t('dashboard.qualificationRateOf', { leads: n(figures.leadsWorked) })}
      />
    </div>
  );
}
