import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavStore, useSyncStore } from '../../stores/StoresContext';
import { iconOf, indicatorState } from './indicatorState';
import { SyncIcon } from './SyncIcon';
import { useIndicatorText } from './useIndicatorText';
import { useSyncFormat } from './useSyncFormat';

/** Where Koma sends to, whether it can, when it last got through and when it tries next. */
export function SyncOverview() {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useSyncFormat();
  const stateText = useIndicatorText();
  const status = useSyncStore((s) => s.status);
  const problem = useSyncStore((s) => s.statusProblem);
  const show = useNavStore((s) => s.show);
  const state = indicatorState(status, problem);
  return (
    <section className={`sync-card sync-overview sync-${state}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="sync-overview-state">
        <SyncIcon kind={iconOf[state]} />
        {stateText(state, status)}
      </h3>
      {status && (
        <>
          <p>{t(`sync.screen.connector.${status.connector}`)}</p>
          <dl className="sync-facts">
            <div>
              <dt>{t('sync.screen.lastSuccess')}</dt>
              <dd>{status.lastSuccessAt ? format.dateTime(status.lastSuccessAt) : t('sync.screen.never')}</dd>
            </div>
            {status.pending > 0 && (
              <div>
                <dt>{t('sync.screen.nextAttempt')}</dt>
                <dd>{status.connector === 'none' ? t('loop.sync.waitingForCrm') : status.nextAttemptAt ? format.when(status.nextAttemptAt) : t('sync.screen.soon')}</dd>
              </div>
            )}
          </dl>
          {status.lastError && (
            <p className="sync-last-error">
              <span className="sync-crm-message-label">{t('sync.screen.lastError')}</span> {status.lastError}
            </p>
          )}
        </>
      )}
      <button type="button" className="sync-link" onClick={() => show('settings')}>
        {t('sync.screen.openSettings')}
      </button>
    </section>
  );
}
