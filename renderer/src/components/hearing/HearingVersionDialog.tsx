import { useTranslation } from 'react-i18next';
import { useHearingStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { readOnlyEdit } from './formTypes';
import { HearingForm } from './HearingForm';
import { QualificationChecklist } from './QualificationChecklist';

const noErrors = {};

/** A past hearing version, exactly as it was heard, read only. */
export function HearingVersionDialog() {
  const { t } = useTranslation();
  const old = useHearingStore((state) => state.oldVersion);
  const close = useHearingStore((state) => state.closeVersion);
  if (!old || old.version === null) return null;
  return (
    <Modal title={t('hearing.history.viewTitle', { version: old.version })} closeLabel={t('hearing.history.close')} onClose={close}>
      <p className="hint">{t('hearing.history.readOnlyNote')}</p>
      <div className="hearing-readonly">
        <QualificationChecklist qualification={old.qualification} criteria={old.criteria} />
        <HearingForm hearing={old.hearing} criteria={old.criteria} edit={readOnlyEdit} errors={noErrors} readOnly />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('hearing.history.close')}
        </button>
      </div>
    </Modal>
  );
}
