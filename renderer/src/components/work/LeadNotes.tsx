import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { useLeadNotesStore } from '../../stores/StoresContext';
import { useDateFormat } from './useDateFormat';

/** Free-text notes on this person, read before the call; saved as the rep types, on blur and on leaving. */
export function LeadNotes({ lead }: { lead: LeadDetail['lead'] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const id = useId();
  const hintId = useId();
  const show = useLeadNotesStore((state) => state.show);
  const notes = useLeadNotesStore((state) => (state.leadId === lead.id ? state : null));
  const edit = useLeadNotesStore((state) => state.edit);
  const saveNow = useLeadNotesStore((state) => state.saveNow);
  useEffect(() => {
    show(lead.id, lead.notes ?? '');
    return () => void saveNow();
  }, [show, saveNow, lead.id, lead.notes]);
  if (!notes) return null;
  const status = notes.saving ? t('loop.leadNotes.saving') : notes.savedAt ? t('loop.leadNotes.saved', { time: format.time(notes.savedAt) }) : '';
  return (
    <div className="prep-notes lead-notes">
      <div className="field-head">
        <label htmlFor={id}>{t('loop.leadNotes.label')}</label>
        <span role="status" className="save-status">
          {status}
        </span>
      </div>
      <textarea id={id} rows={3} value={notes.text} aria-describedby={hintId} onChange={(event) => edit(event.target.value)} onBlur={() => void saveNow()} />
      <p id={hintId} className="hint">
        {t('loop.leadNotes.hint')}
      </p>
      {notes.problem && (
        <div role="alert" className="alert">
          <p className="alert-title">{t(`problems.${notes.problem.kind}.title`)}</p>
          <button type="button" onClick={() => void saveNow()}>
            {t('loop.connection.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
