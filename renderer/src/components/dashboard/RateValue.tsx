import { useTranslation } from 'react-i18next';
import { usePercent } from './usePercent';

/** A rate, or "—" with "not enough data" when there was nothing to divide by. */
export function RateValue({ rate }: { rate: number | null }) {
  const { t } = useTranslation();
  const percent = usePercent();
  if (rate !== null) return <>{percent(rate)}</>;
  return (
    <>
      <span aria-hidden="true">{t('dashboard.noData')}</span> <span className="not-enough-data">{t('dashboard.notEnoughData')}</span>
    </>
  );
}
