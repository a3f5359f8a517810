import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffDialogStore } from '../../stores/StoresContext';
import { HandoffStateBadge } from './HandoffStateBadge';

/** The handoff is made (or saved): its state, and the appointment as an .ics file to send. */
export function HandoffDone() {
  const { t } = useTranslation();
  const done = useHandoffDialogStore((state) => state.done);
  const icsSaved = useHandoffDialogStore((state) => state.icsSaved);
  const downloadIcs = useHandoffDialogStore((state) => state.downloadIcs);
  const close = useHandoffDialogStore((state) => state.close);
  const actionsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The form that held focus is gone: the next thing to do is the download (or closing).
    actionsRef.current?.querySelector('button')?.focus();
  }, []);
  if (!done) return null;
  const { handoff } = done;
  const heading = done.kind === 'updated' ? t('handoffs.dialog.updated') : done.kind === 'draft' ? t('handoffs.dialog.draftSaved') : t('handoffs.dialog.created');
  return (
    <div className="handoff-done">
      <h3>{heading}</h3>
      {done.kind === 'created' && <p>{t('handoffs.dialog.createdBody', { company: handoff.companyName, rep: handoff.fieldRep?.name ?? '' })}</p>}
      <p>
        <HandoffStateBadge handoff={handoff} />
      </p>
      <p role="status" className="status-line">
        {icsSaved ? t('handoffs.dialog.icsSaved', { fileName: icsSaved }) : ''}
      </p>
      <div ref={actionsRef} className="dialog-actions">
        {handoff.appointmentAt && (
          <button type="button" onClick={() => void downloadIcs()}>
            {t('handoffs.dialog.downloadIcs')}
          </button>
        )}
        <button type="button" className="primary" onClick={close}>
          {t('handoffs.dialog.close')}
        </button>
      </div>
    </div>
  );
}
