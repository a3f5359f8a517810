import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncSettingsStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { CrmConnectionForm } from '../sync/connection/CrmConnectionForm';
import '../sync/sync.css';

/** Settings: where Koma sends the rep's work (Salesforce or a signed webhook), and the Salesforce sign-in. */
export function CrmConnectionSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const view = useSyncSettingsStore((s) => s.view);
  const status = useSyncSettingsStore((s) => s.status);
  const problem = useSyncSettingsStore((s) => s.problem);
  const load = useSyncSettingsStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section sync-settings" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sync.settings.heading')}</h3>
      <p className="hint">{t('sync.settings.hint')}</p>
      <p role="status" className="status-line">
        {status === 'saved' ? t('sync.settings.saved') : ''}
      </p>
      {view ? <CrmConnectionForm key={JSON.stringify(view)} view={view} /> : problem ? <ProblemAlert problem={problem} /> : <p className="hint">{t('app.loading')}</p>}
    </section>
  );
}
