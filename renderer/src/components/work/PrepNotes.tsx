import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkStore } from '../../stores/StoresContext';
import { useDateFormat } from './useDateFormat';

/**
 * The company's prep notes. Saved as the rep types (debounced), on leaving the box, on switching
 * leads and when the page goes away; a failed save says so and keeps the text for another try.
 */
export function PrepNotes() {
  const { t } = useTranslation();
  const format = useDateFormat();
  const id = useId();
  const hintId = useId();
  const prep = useWorkStore((state) => state.prep);
  const editPrepNotes = useWorkStore((state) => state.editPrepNotes);
  const savePrepNow = useWorkStore((state) => state.savePrepNow);
  if (!prep) return null;
  const status = prep.saving ? t('work.prep.notesSaving') : prep.savedAt ? t('work.prep.notesSaved', { time: format.time(prep.savedAt) }) : '';
  return (
    <div className="prep-notes">
      <div className="field-head">
        <label htmlFor={id}>
          {t('work.prep.notes')} <kbd aria-hidden="true">P</kbd>
        </label>
        <span role="status" className="save-status">
          {status}
        </span>
      </div>
      <textarea
        id={id}
        rows={5}
        value={prep.text}
        aria-describedby={hintId}
        aria-keyshortcuts="P"
        data-shortcut-target="prepNotes"
        onChange={(event) => editPrepNotes(event.target.value)}
        onBlur={() => void savePrepNow()}
      />
      <p id={hintId} className="hint">
        {t('work.prep.notesHint')}
      </p>
      {prep.problem && (
        <div role="alert" className="alert">
          <p className="alert-title">{t('work.prep.notesFailed')}</p>
          <p>{t(`problems.${prep.problem.kind}.title`)}</p>
          <button type="button" onClick={() => void savePrepNow()}>
            {t('work.prep.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
