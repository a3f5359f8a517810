import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncNotice } from '../../stores/syncStore';
import { useStores, useSyncStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { ApiUsage } from './ApiUsage';
import { ConflictList } from './ConflictList';
import { EditPayloadDialog } from './EditPayloadDialog';
import { SyncItemsSection } from './SyncItemsSection';
import { SyncOverview } from './SyncOverview';
import './sync.css';

/** The sync screen: what waits for the CRM, what the CRM refused, conflicts from pulls, and the API budget. */
export function SyncView() {
  const { t } = useTranslation();
  const titleId = useId();
  const stores = useStores();
  const status = useSyncStore((s) => s.status);
  const busy = useSyncStore((s) => s.busy);
  const problem = useSyncStore((s) => s.problem);
  const notice = useSyncStore((s) => s.notice);
  const syncNow = useSyncStore((s) => s.syncNow);
  const retry = useSyncStore((s) => s.retry);
  useEffect(() => stores.sync.getState().watch(), [stores]);

  const noticeText = (n: SyncNotice): string => {
    switch (n.kind) {
      case 'retried':
        return t('sync.screen.retried', { count: n.count });
      case 'syncStarted':
        return t('sync.screen.syncStarted');
      case 'edited':
        return t('sync.screen.edited');
      case 'resolved':
        return t(n.keep === 'local' ? 'sync.screen.resolvedLocal' : 'sync.screen.resolvedCrm');
    }
  };

  return (
    <section className="sync-view" aria-labelledby={titleId}>
      <div className="toolbar">
        <h2 id={titleId}>{t('sync.screen.title')}</h2>
        <p role="status" className="status-line sync-notice">
          {notice ? noticeText(notice) : ''}
        </p>
        <div className="sync-toolbar-actions">
          <button type="button" onClick={() => void stores.phoneCalls.getState().show()}>
            {t('phoneCalls.open')}
          </button>
          <button type="button" disabled={busy || !status || status.attention === 0} onClick={() => void retry('all')}>
            {t('sync.screen.retryAll')}
          </button>
          <button type="button" className="primary" disabled={busy || !status || status.connector === 'none'} onClick={() => void syncNow()}>
            {t('sync.screen.syncNow')}
          </button>
        </div>
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <div className="sync-cards">
        <SyncOverview />
        <ApiUsage />
      </div>
      <ConflictList />
      <SyncItemsSection state="attention" />
      <SyncItemsSection state="pending" />
      <EditPayloadDialog />
    </section>
  );
}
