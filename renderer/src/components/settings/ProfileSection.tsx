import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfileStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { FormField } from '../hearing/FormField';

/** Settings: the rep's own name, kept as the author of each hearing version. */
export function ProfileSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const profile = useProfileStore((state) => state.profile);
  const status = useProfileStore((state) => state.status);
  const problem = useProfileStore((state) => state.problem);
  const load = useProfileStore((state) => state.load);
  const save = useProfileStore((state) => state.save);
  const [repName, setRepName] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const shown = repName ?? profile?.repName ?? '';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save({ ...profile, repName: shown.trim() });
  };
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('hearing.profileSettings.heading')}</h3>
      <p className="hint">{t('hearing.profileSettings.hint')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <p role="status" className="status-line">
        {status === 'saved' ? t('hearing.profileSettings.saved') : ''}
      </p>
      <form className="inline-form" onSubmit={onSubmit}>
        <FormField label={t('hearing.profileSettings.repName')}>
          {(control) => <input {...control} type="text" maxLength={100} autoComplete="name" value={shown} disabled={!profile} onChange={(event) => setRepName(event.target.value)} />}
        </FormField>
        <button type="submit" className="primary" disabled={!profile || status === 'saving'}>
          {t('hearing.profileSettings.save')}
        </button>
      </form>
    </section>
  );
}
