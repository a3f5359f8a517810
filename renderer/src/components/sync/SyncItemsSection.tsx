import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../../stores/StoresContext';
import { crmMessageText } from './crmMessageText';
import { kindLabel } from './syncLabels';
import { subjectText } from './subjectText';
import { useSyncFormat } from './useSyncFormat';

/**
 * One of the outbox's two lists: what the CRM refused (with its message, retry and edit) or what
 * is still on its way (with its attempts and next try). At most a few hundred rows: a plain table.
 */
export function SyncItemsSection({ state }: { state: 'attention' | 'pending' }) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useSyncFormat();
  const list = useSyncStore((s) => s[state]);
  // Items that could not reach the CRM wait for the network probe, not a time of their own.
  const probeAt = useSyncStore((s) => s.status?.nextAttemptAt ?? null);
  // With no CRM connected nothing is sent at all: no "next attempt" to promise.
  const noCrm = useSyncStore((s) => s.status?.connector === 'none');
  const busy = useSyncStore((s) => s.busy);
  const retry = useSyncStore((s) => s.retry);
  const startEdit = useSyncStore((s) => s.startEdit);
  const attention = state === 'attention';
  return (
    <section className={`sync-list sync-list-${state}`} aria-labelledby={headingId}>
      <div className="sync-list-head">
        <h3 id={headingId}>
          {t(attention ? 'sync.screen.attentionHeading' : 'sync.screen.pendingHeading')}
          {list && <span className={list.total > 0 ? 'sync-count has-items' : 'sync-count'}>{list.total}</span>}
        </h3>
        <p className="hint">{t(attention ? 'sync.screen.attentionHint' : 'sync.screen.pendingHint')}</p>
      </div>
      {list === null ? (
        <p className="hint">{t('sync.screen.loading')}</p>
      ) : list.items.length === 0 ? (
        <p className="sync-empty">{t(attention ? 'sync.screen.noAttention' : 'sync.screen.noPending')}</p>
      ) : (
        <>
          <div className="table-scroll sync-table-scroll" tabIndex={0}>
            <table className="data-table sync-table" aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('sync.screen.columns.kind')}</th>
                  <th scope="col">{t('sync.screen.columns.summary')}</th>
                  <th scope="col" className="numeric">
                    {t('sync.screen.columns.attempts')}
                  </th>
                  <th scope="col">{t(attention ? 'sync.screen.columns.message' : 'sync.screen.columns.lastError')}</th>
                  <th scope="col">{t(attention ? 'sync.screen.columns.createdAt' : 'sync.screen.columns.nextAttempt')}</th>
                  {attention && (
                    <th scope="col">
                      <span className="visually-hidden">{t('sync.screen.columns.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => {
                  const summary = subjectText(t, item, format.when);
                  return (
                  <tr key={item.id}>
                    <td>
                      <span className="badge">{kindLabel(t, item)}</span>
                    </td>
                    <td className="sync-summary">{summary}</td>
                    <td className="numeric">{item.attempts}</td>
                    <td className="sync-message">{item.lastError ? crmMessageText(t, item.lastError) : '—'}</td>
                    <td>
                      {attention
                        ? format.when(item.createdAt)
                        : noCrm
                          ? t('loop.sync.waitingForCrm')
                          : (item.nextAttemptAt ?? probeAt)
                            ? format.when((item.nextAttemptAt ?? probeAt)!)
                            : t('sync.screen.soon')}
                    </td>
                    {attention && (
                      <td className="sync-row-actions">
                        <button type="button" disabled={busy} aria-label={t('sync.screen.retryItem', { summary })} onClick={() => void retry([item.id])}>
                          {t('sync.screen.retry')}
                        </button>
                        {item.editable.length > 0 && (
                          <button type="button" disabled={busy} aria-label={t('sync.screen.editItem', { summary })} onClick={() => startEdit(item)}>
                            {t('sync.screen.edit')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {list.total > list.items.length && <p className="hint">{t('sync.screen.shown', { shown: list.items.length, total: list.total })}</p>}
        </>
      )}
    </section>
  );
}
