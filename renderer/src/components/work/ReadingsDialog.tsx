import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';

/** The person's and the company's readings, corrected by hand. Submitting is a form submit, so an IME's Enter never saves early. */
export function ReadingsDialog() {
  const { t } = useTranslation();
  const detail = useWorkStore((state) => state.detail);
  const setReadings = useWorkStore((state) => state.setReadings);
  const closeDialog = useWorkStore((state) => state.closeDialog);
  const acting = useWorkStore((state) => state.acting);
  const problem = useWorkStore((state) => state.actionProblem);
  const [nameReading, setNameReading] = useState(detail?.lead.nameReading ?? '');
  const [companyReading, setCompanyReading] = useState(detail?.company.nameReading ?? '');
  const nameId = useId();
  const companyId = useId();
  if (!detail) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void setReadings(nameReading, companyReading);
  };
  return (
    <Modal title={t('readings.title')} closeLabel={t('work.dialog.close')} onClose={closeDialog}>
      <form onSubmit={submit}>
        <div className="form-field">
          <label htmlFor={nameId}>{t('readings.name', { name: detail.lead.fullName })}</label>
          <input id={nameId} type="text" maxLength={200} value={nameReading} onChange={(event) => setNameReading(event.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor={companyId}>{t('readings.company', { name: detail.company.name })}</label>
          <input id={companyId} type="text" maxLength={200} value={companyReading} onChange={(event) => setCompanyReading(event.target.value)} />
        </div>
        <p className="hint">{t('readings.hint')}</p>
        {problem && <ProblemAlert problem={problem} />}
        <div className="dialog-actions">
          <button type="button" onClick={closeDialog}>
            {t('work.dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={acting}>
            {t('readings.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
