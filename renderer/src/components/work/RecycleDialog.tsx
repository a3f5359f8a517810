import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recycleReasons, type RecycleReason } from '../../../../shared/contract/calls';
import { fromDateInput, toDateInput } from '../../lib/localTime';
import { useRulesStore, useWorkStore } from '../../stores/StoresContext';
import { Modal, ModalCancelButton } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { PendingCallNote, usePendingCall } from './PendingCallNote';
import { recycleReasonLabel } from './labels';

/** Recycle without a call: a reason and a recontact date, defaulted per reason by the queue rules. */
export function RecycleDialog() {
  const { t } = useTranslation();
  const ids = { reason: useId(), until: useId(), note: useId() };
  const [reason, setReason] = useState<RecycleReason>(recycleReasons[0]);
  // null: the rules' default for the reason; set once the rep edits the date.
  const [edited, setEdited] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const recycle = useWorkStore((state) => state.recycle);
  const recycleDefault = useWorkStore((state) => state.recycleDefault);
  const closeDialog = useWorkStore((state) => state.closeDialog);
  const acting = useWorkStore((state) => state.acting);
  const leadId = useWorkStore((state) => state.detail?.lead.id ?? null);
  const pending = usePendingCall(leadId);
  const problem = useWorkStore((state) => state.actionProblem);
  const rules = useRulesStore((state) => state.queueRules);
  const until = edited ?? (rules ? recycleDefault(reason) : null);
  return (
    <Modal title={t('work.dialog.recycleTitle')} closeLabel={t('work.dialog.close')} onClose={closeDialog}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (until) void recycle(reason, until, note);
        }}
      >
        <label htmlFor={ids.reason}>{t('work.decision.recycleReason')}</label>
        <select
          id={ids.reason}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value as RecycleReason);
            setEdited(null);
          }}
        >
          {recycleReasons.map((value) => (
            <option key={value} value={value}>
              {recycleReasonLabel(t, value, rules)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.until}>{t('work.decision.recycleUntil')}</label>
        <input id={ids.until} type="date" required value={toDateInput(until)} onChange={(event) => setEdited(fromDateInput(event.target.value, until))} />
        <label htmlFor={ids.note}>{t('work.dialog.note')}</label>
        <input id={ids.note} type="text" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        <p className="hint">{t('work.dialog.recycleHint')}</p>
        <PendingCallNote leadId={leadId} />
        {problem && <ProblemAlert problem={problem} />}
        <div className="dialog-actions">
          <ModalCancelButton>{t('work.dialog.cancel')}</ModalCancelButton>
          <button type="submit" className="primary" disabled={acting || !until || pending === 'needs_outcome'}>
            {t('work.dialog.recycleConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
