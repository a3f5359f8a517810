import { useTranslation } from 'react-i18next';
import { useWorkStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';

/** Do not call takes the lead off every list and tells the CRM: asked once, plainly. */
export function DoNotCallDialog() {
  const { t } = useTranslation();
  const name = useWorkStore((state) => state.detail?.lead.fullName ?? '');
  const setDoNotCall = useWorkStore((state) => state.setDoNotCall);
  const closeDialog = useWorkStore((state) => state.closeDialog);
  const acting = useWorkStore((state) => state.acting);
  const problem = useWorkStore((state) => state.actionProblem);
  return (
    <Modal title={t('work.dialog.doNotCallTitle')} closeLabel={t('work.dialog.close')} onClose={closeDialog}>
      <p>{t('work.dialog.doNotCallBody', { name })}</p>
      {problem && <ProblemAlert problem={problem} />}
      <div className="dialog-actions">
        <button type="button" onClick={closeDialog}>
          {t('work.dialog.cancel')}
        </button>
        <button type="button" className="primary danger" disabled={acting} onClick={() => void setDoNotCall(true)}>
          {t('work.dialog.doNotCallConfirm')}
        </button>
      </div>
    </Modal>
  );
}
