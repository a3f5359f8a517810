import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { useBackupStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';

const isSafetyCopy = (name: string) => name.endsWith('-prerestore.sqlite3');

/** The backups Koma keeps, a manual backup, and a restore that asks first. */
export function BackupSection() {
  const { t, i18n } = useTranslation();
  const formatNumber = useNumberFormat();
  const { backups, busy, problem, done, load, create, restore } = useBackupStore((s) => s);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const whenOf = (name: string) => when(backups.find((b) => b.name === name)?.createdAt ?? '');
  return (
    <section className="settings-section" aria-labelledby="backups-heading">
      <h3 id="backups-heading">{t('backups.heading')}</h3>
      <p className="hint">{t('backups.hint')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <p role="status" className="status-line">
        {busy ? t('backups.creating') : done?.kind === 'created' ? t('backups.created', { name: done.name }) : done?.kind === 'restored' ? t('backups.restored', { when: whenOf(done.name), safety: done.safety }) : ''}
      </p>
      <button type="button" onClick={() => void create()} disabled={busy}>
        {t('backups.createNow')}
      </button>
      {backups.length === 0 ? (
        <p>{t('backups.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('backups.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.createdAt')}</th>
              <th scope="col" className="numeric">
                {t('backups.size')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  {when(backup.createdAt)}
                  {isSafetyCopy(backup.name) && <span className="badge"> {t('backups.safetyCopy')}</span>}
                </td>
                <td className="numeric">{formatNumber(Math.ceil(backup.sizeBytes / 1024))} KB</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => setConfirming(backup.name)} aria-label={`${t('backups.restore')} ${when(backup.createdAt)}`}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <Modal title={t('backups.confirmTitle')} closeLabel={t('importDialog.close')} onClose={() => setConfirming(null)}>
          <p>{t('backups.confirmBody', { when: whenOf(confirming) })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(null)}>
              {t('backups.cancel')}
            </button>
            <button
              type="button"
              className="primary danger"
              onClick={() => {
                const name = confirming;
                setConfirming(null);
                void restore(name);
              }}
            >
              {t('backups.confirm')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
