import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Qualification, QualificationCriteria } from '../../../../shared/contract/hearing';
import { criterionLabel } from './criterionLabel';
import { useFormats } from './useFormats';

interface QualificationChecklistProps {
  qualification: Qualification;
  criteria: QualificationCriteria;
}

/** Which of the team's criteria hold and which are missing, and whether the lead is qualified. */
export function QualificationChecklist({ qualification, criteria }: QualificationChecklistProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const headingId = useId();
  const missing = qualification.checks.filter((check) => !check.holds).length;
  return (
    <section className={`qualification${qualification.qualified ? ' is-qualified' : ''}`} aria-labelledby={headingId}>
      <h4 id={headingId}>{t('hearing.qualification.heading')}</h4>
      <p className="qualification-status" aria-live="polite">
        {qualification.qualified ? t('hearing.qualification.qualified') : t('hearing.qualification.notYet', { count: missing })}
      </p>
      {qualification.checks.length === 0 ? (
        <p className="hint">{t('hearing.qualification.none')}</p>
      ) : (
        <ul className="criteria-list" aria-label={t('hearing.qualification.listLabel')}>
          {qualification.checks.map((check, i) => (
            <li key={`${check.code}-${check.detail ?? i}`} className={check.holds ? 'is-met' : 'is-missing'}>
              <span className="criterion-mark" aria-hidden="true">
                {check.holds ? '✓' : '✗'}
              </span>
              <span className="criterion-label">{criterionLabel(t, check, criteria, formats.number)}</span>
              <span className="visually-hidden">: </span>
              <span className="criterion-state">{check.holds ? t('hearing.qualification.met') : t('hearing.qualification.missing')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
