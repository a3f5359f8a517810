import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQualificationCriteriaStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { QualificationCriteriaForm } from '../hearing/QualificationCriteriaForm';

/** Settings: what a lead must meet before it is handed off to field sales. */
export function QualificationSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const criteria = useQualificationCriteriaStore((state) => state.criteria);
  const status = useQualificationCriteriaStore((state) => state.status);
  const problem = useQualificationCriteriaStore((state) => state.problem);
  const load = useQualificationCriteriaStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('hearing.criteriaSettings.heading')}</h3>
      <p className="hint">{t('hearing.criteriaSettings.hint')}</p>
      {problem && <ProblemAlert problem={problem} />}
      <p role="status" className="status-line">
        {status === 'saved' ? t('hearing.criteriaSettings.saved') : ''}
      </p>
      {criteria && <QualificationCriteriaForm criteria={criteria} />}
    </section>
  );
}
