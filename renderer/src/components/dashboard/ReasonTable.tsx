import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { excludeReasons, recycleReasons } from '../../../../shared/contract/calls';
import { useNumberFormat } from '../../hooks/useNumberFormat';

interface ReasonTableProps {
  kind: 'recycle' | 'exclude';
  counts: Record<string, number>;
}

const isRecycleReason = (r: string): r is (typeof recycleReasons)[number] => (recycleReasons as readonly string[]).includes(r);
const isExcludeReason = (r: string): r is (typeof excludeReasons)[number] => (excludeReasons as readonly string[]).includes(r);

/** Recycles or exclusions in the range, by reason, most frequent first. */
export function ReasonTable({ kind, counts }: ReasonTableProps) {
  const { t } = useTranslation();
  const n = useNumberFormat();
  const headingId = useId();
  const rows = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  // A reason Koma does not know (typed in a CRM, say) is shown as it was stored.
  const label = (reason: string) => {
    if (kind === 'recycle') return isRecycleReason(reason) ? t(`dashboard.reasons.recycle.${reason}`) : reason;
    return isExcludeReason(reason) ? t(`dashboard.reasons.exclude.${reason}`) : reason;
  };
  return (
    <section className="dashboard-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(kind === 'recycle' ? 'dashboard.reasons.recyclesHeading' : 'dashboard.reasons.exclusionsHeading')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('dashboard.reasons.none')}</p>
      ) : (
        <table className="data-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.reasons.reason')}</th>
              <th scope="col" className="numeric">
                {t('dashboard.reasons.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([reason, count]) => (
              <tr key={reason}>
                <th scope="row">{label(reason)}</th>
                <td className="numeric">{n(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
