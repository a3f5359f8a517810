import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { skipReasons } from '../../../../shared/contract/callFlow';
import { useRulesStore, useWorkStore } from '../../stores/StoresContext';
import type { SkipReason } from '../../stores/workStore';
import { Modal, ModalCancelButton } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { PendingCallNote, usePendingCall } from './PendingCallNote';

/** K: leave this lead for now, saying why; the workspace moves on to the next lead. */
export function SkipDialog() {
  const { t } = useTranslation();
  const noteId = useId();
  const [reason, setReason] = useState<SkipReason>(skipReasons[0]);
  const [note, setNote] = useState('');
  const skip = useWorkStore((state) => state.skip);
  const closeDialog = useWorkStore((state) => state.closeDialog);
  const acting = useWorkStore((state) => state.acting);
  const leadId = useWorkStore((state) => state.detail?.lead.id ?? null);
  const pending = usePendingCall(leadId);
  const problem = useWorkStore((state) => state.actionProblem);
  const skipMinutes = useRulesStore((state) => state.queueRules?.skipMinutes ?? null);
  return (
    <Modal title={t('work.dialog.skipTitle')} closeLabel={t('work.dialog.close')} onClose={closeDialog}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void skip(reason, note);
        }}
      >
        <fieldset>
          <legend>{t('work.dialog.skipReason')}</legend>
          {skipReasons.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="skip-reason" checked={reason === value} onChange={() => setReason(value)} />
              {t(`work.skipReason.${value}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={noteId}>{t('work.dialog.note')}</label>
        <input id={noteId} type="text" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        {skipMinutes !== null && <p className="hint">{t('work.dialog.skipHint', { minutes: skipMinutes })}</p>}
        <PendingCallNote leadId={leadId} />
        {problem && <ProblemAlert problem={problem} />}
        <div className="dialog-actions">
          <ModalCancelButton>{t('work.dialog.cancel')}</ModalCancelButton>
          <button type="submit" className="primary" disabled={acting || pending === 'needs_outcome'}>
            {t('work.dialog.skipConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
