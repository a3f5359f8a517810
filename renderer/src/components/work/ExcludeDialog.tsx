import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { excludeReasons, type ExcludeReason } from '../../../../shared/contract/calls';
import { useWorkStore } from '../../stores/StoresContext';
import { Modal, ModalCancelButton } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { PendingCallNote, usePendingCall } from './PendingCallNote';

/** Exclude without a call; the reason is mandatory. */
export function ExcludeDialog() {
  const { t } = useTranslation();
  const ids = { reason: useId(), note: useId() };
  const [reason, setReason] = useState<ExcludeReason | null>(null);
  const [note, setNote] = useState('');
  const exclude = useWorkStore((state) => state.exclude);
  const closeDialog = useWorkStore((state) => state.closeDialog);
  const acting = useWorkStore((state) => state.acting);
  const leadId = useWorkStore((state) => state.detail?.lead.id ?? null);
  const pending = usePendingCall(leadId);
  const problem = useWorkStore((state) => state.actionProblem);
  return (
    <Modal title={t('work.dialog.excludeTitle')} closeLabel={t('work.dialog.close')} onClose={closeDialog}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason) void exclude(reason, note);
        }}
      >
        <label htmlFor={ids.reason}>{t('work.decision.excludeReason')}</label>
        <select id={ids.reason} required value={reason ?? ''} onChange={(event) => setReason((event.target.value || null) as ExcludeReason | null)}>
          <option value="" disabled>
            {t('work.decision.choose')}
          </option>
          {excludeReasons.map((value) => (
            <option key={value} value={value}>
              {t(`work.excludeReason.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.note}>{t('work.dialog.note')}</label>
        <input id={ids.note} type="text" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        <p className="hint">{t('work.dialog.excludeHint')}</p>
        <PendingCallNote leadId={leadId} />
        {problem && <ProblemAlert problem={problem} />}
        <div className="dialog-actions">
          <ModalCancelButton>{t('work.dialog.cancel')}</ModalCancelButton>
          <button type="submit" className="primary danger" disabled={acting || !reason || pending === 'needs_outcome'}>
            {t('work.dialog.excludeConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
