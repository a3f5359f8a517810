import { useTranslation } from 'react-i18next';
import { prepChecklistItems, type LeadDetail } from '../../../../shared/contract/callFlow';
import { useWorkStore } from '../../stores/StoresContext';

/** The short prep checklist of the company, each tick saved at once. */
export function PrepChecklist({ company }: { company: LeadDetail['company'] }) {
  const { t } = useTranslation();
  const setChecklist = useWorkStore((state) => state.setChecklist);
  const problem = useWorkStore((state) => state.checklistProblem);
  return (
    <fieldset className="prep-checklist">
      <legend>{t('work.prep.checklist')}</legend>
      {prepChecklistItems.map((item) => (
        <label key={item}>
          <input type="checkbox" checked={company.prepChecklist[item]} onChange={(event) => void setChecklist(item, event.target.checked)} />
          {t(`work.prep.checklistItem.${item}`)}
        </label>
      ))}
      {problem && (
        <p role="alert" className="field-error">
          {t('work.prep.checklistFailed')} {t(`problems.${problem.kind}.title`)}
        </p>
      )}
    </fieldset>
  );
}
