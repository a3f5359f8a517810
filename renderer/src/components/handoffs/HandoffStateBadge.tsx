import { useTranslation } from 'react-i18next';
import type { HandoffRow } from '../../../../shared/contract/handoff';

/** Where the handoff is on its way to the CRM; a failure says why. */
export function HandoffStateBadge({ handoff }: { handoff: Pick<HandoffRow, 'state' | 'lastError'> }) {
  const { t } = useTranslation();
  return (
    <span className="handoff-state">
      <span className={`badge handoff-${handoff.state}`}>{t(`handoffs.state.${handoff.state}`)}</span>
      {handoff.state === 'failed' && handoff.lastError && <span className="state-detail">{t('handoffs.failedBecause', { error: handoff.lastError })}</span>}
    </span>
  );
}

