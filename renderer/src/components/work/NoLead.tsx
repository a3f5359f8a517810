import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkStore } from '../../stores/StoresContext';

/** Before the first lead: how to start the loop. */
export function NoLead() {
  const { t } = useTranslation();
  const titleId = useId();
  const next = useWorkStore((state) => state.next);
  const openDialog = useWorkStore((state) => state.openDialog);
  return (
    <section className="no-lead" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('work.empty.title')}</h2>
      <p>{t('work.empty.body')}</p>
      <div className="actions">
        <button type="button" className="primary" aria-keyshortcuts="N" onClick={() => void next()}>
          {t('work.empty.next')} <kbd aria-hidden="true">N</kbd>
        </button>
        <button type="button" aria-keyshortcuts="?" onClick={() => openDialog('help')}>
          {t('work.help.open')} <kbd aria-hidden="true">?</kbd>
        </button>
      </div>
    </section>
  );
}
