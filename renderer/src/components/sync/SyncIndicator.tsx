import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavStore, useStores, useSyncStore } from '../../stores/StoresContext';
import { iconOf, indicatorState } from './indicatorState';
import { SyncIcon } from './SyncIcon';
import { useIndicatorText } from './useIndicatorText';
import { useSyncFormat } from './useSyncFormat';
import './sync.css';

/**
 * Always in the header: whether Koma can reach the CRM, what is still waiting, when it last got
 * through, and a way to what needs the rep. Mounting it starts the status polling.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const stores = useStores();
  const status = useSyncStore((s) => s.status);
  const problem = useSyncStore((s) => s.statusProblem);
  const show = useNavStore((s) => s.show);
  const format = useSyncFormat();
  const stateText = useIndicatorText();
  useEffect(() => stores.sync.getState().startPolling(), [stores]);

  const state = indicatorState(status, problem);
  const stateShown = stateText(state, status);
  const pendingShown = status ? t('sync.indicator.pending', { count: status.pending }) : null;
  const attention = status?.attention ?? 0;
  const conflicts = status?.conflicts ?? 0;
  const lastShown =
    status && status.connector !== 'none'
      ? status.lastSuccessAt
        ? t('sync.indicator.lastSuccess', { time: format.when(status.lastSuccessAt) })
        : t('sync.indicator.neverSynced')
      : null;
  const label = [
    stateShown,
    pendingShown,
    attention > 0 ? t('sync.indicator.attention', { count: attention }) : null,
    conflicts > 0 ? t('sync.indicator.conflicts', { count: conflicts }) : null,
    lastShown,
  ].filter((part) => part !== null);

  return (
    <div className={`sync-indicator sync-${state}`}>
      <span role="status" className="sync-status" aria-label={t('sync.indicator.label', { parts: label.join(t('sync.indicator.separator')) })}>
        <SyncIcon kind={iconOf[state]} />
        <span className="sync-state-text">{stateShown}</span>
        {pendingShown && <span className={status && status.pending > 0 ? 'sync-pending has-pending' : 'sync-pending'}>{pendingShown}</span>}
        {lastShown && <span className="sync-last">{lastShown}</span>}
      </span>
      {attention > 0 && (
        <button type="button" className="sync-attention" title={t('sync.indicator.openScreen')} onClick={() => show('sync')}>
          {t('sync.indicator.attention', { count: attention })}
        </button>
      )}
      {conflicts > 0 && (
        <button type="button" className="sync-attention" title={t('sync.indicator.openScreen')} onClick={() => show('sync')}>
          {t('sync.indicator.conflicts', { count: conflicts })}
        </button>
      )}
    </div>
  );
}
