import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import type { IndicatorState } from './indicatorState';
import { useSyncFormat } from './useSyncFormat';

/** The words for a sync state, shared by the header and the sync screen. */
export function useIndicatorText(): (state: IndicatorState, status: SyncStatus | null) => string {
  const { t } = useTranslation();
  const format = useSyncFormat();
  return (state, status) => {
    const paused = status?.paused;
    if (state === 'paused' && paused) {
      // The same pause reads in the words of the CRM that caused it.
      const reason =
        status.connector === 'hubspot' ? t(`hubspotSync.paused.${paused.reason}`) : status.connector === 'kintone' ? t(`kintoneSync.paused.${paused.reason}`) : t(`sync.indicator.paused.${paused.reason}`);
      return `${reason}${paused.until ? t('sync.indicator.resumesAt', { time: format.when(paused.until) }) : ''}`;
    }
    if (state === 'tokenNeeded') return status?.connector === 'kintone' ? t('kintoneSync.tokenNeeded') : t('hubspotSync.tokenNeeded');
    return t(`sync.indicator.${state === 'paused' ? 'online' : state}`);
  };
}
