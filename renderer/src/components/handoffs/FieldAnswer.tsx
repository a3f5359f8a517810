import { useTranslation } from 'react-i18next';
import type { HandoffRow } from '../../../../shared/contract/handoff';

/** Field sales' answer once the sync has pulled it: accepted, meeting held, or rejected with a reason. */
export function FieldAnswer({ handoff }: { handoff: Pick<HandoffRow, 'fieldState' | 'fieldReason'> }) {
  const { t } = useTranslation();
  if (!handoff.fieldState) return <span className="muted">{t('handoffs.noAnswer')}</span>;
  return (
    <span className="handoff-state">
      <span className={`badge field-${handoff.fieldState}`}>{t(`handoffs.fieldState.${handoff.fieldState}`)}</span>
      {handoff.fieldState === 'rejected' && handoff.fieldReason && <span className="state-detail">{t('handoffs.rejectedBecause', { reason: handoff.fieldReason })}</span>}
    </span>
  );
}
