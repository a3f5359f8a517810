import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared/contract/sync';
import { useSyncStore } from '../../stores/StoresContext';

/** Leads the CRM changed while Koma still had changes of its own to send: both versions, and the rep's choice. */
export function ConflictList() {
  const { t } = useTranslation();
  const headingId = useId();
  const conflicts = useSyncStore((s) => s.conflicts);
  if (!conflicts || conflicts.length === 0) return null;
  return (
    <section className="sync-conflicts" aria-labelledby={headingId}>
      <div className="sync-list-head">
        <h3 id={headingId}>
          {t('sync.conflicts.heading')}
          <span className="sync-count">{conflicts.length}</span>
        </h3>
        <p className="hint">{t('sync.conflicts.hint')}</p>
      </div>
      <div className="sync-conflict-grid">
        {conflicts.map((conflict) => (
          <ConflictCard key={conflict.id} conflict={conflict} />
        ))}
      </div>
    </section>
  );
}

function ConflictCard({ conflict }: { conflict: SyncConflict }) {
  const { t } = useTranslation();
  const headingId = useId();
  const busy = useSyncStore((s) => s.busy);
  const resolve = useSyncStore((s) => s.resolveConflict);
  const shown = (value: string | null) => (value === null || value === '' ? <span className="muted">{t('sync.conflicts.empty')}</span> : value);
  return (
    <section className="sync-conflict" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('sync.conflicts.lead', { lead: conflict.leadName, company: conflict.companyName })}</h4>
      <table className="data-table sync-conflict-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('sync.conflicts.field')}</th>
            <th scope="col">{t('sync.conflicts.local')}</th>
            <th scope="col">{t('sync.conflicts.crm')}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field.field}>
              <th scope="row">
                <code>{field.field}</code>
              </th>
              <td>{shown(field.local)}</td>
              <td>{shown(field.crm)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sync-conflict-actions">
        <button type="button" disabled={busy} onClick={() => void resolve(conflict.id, 'local')}>
          {t('sync.conflicts.keepLocal')}
        </button>
        <button type="button" disabled={busy} onClick={() => void resolve(conflict.id, 'crm')}>
          {t('sync.conflicts.takeCrm')}
        </button>
      </div>
    </section>
  );
}
