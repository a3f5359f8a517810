import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldRepsStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { FieldRepsForm } from '../handoffs/FieldRepsForm';

/** Settings: the field reps handoffs go to. */
export function FieldRepsSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const { reps, loaded, version, status, problem, load } = useFieldRepsStore((state) => state);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('handoffs.repSettings.heading')}</h3>
      <p className="hint">{t('handoffs.repSettings.hint')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <p role="status" className="status-line">
        {status === 'saved' ? t('handoffs.repSettings.saved') : ''}
      </p>
      {/* A fresh form after each load or save, so new rows pick up the ids the backend gave them. */}
      {loaded && <FieldRepsForm key={version} reps={reps} />}
    </section>
  );
}
