import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportStore } from '../../stores/StoresContext';

/** A first run with no leads: two ways to get some. */
export function EmptyState() {
  const { t } = useTranslation();
  const titleId = useId();
  const startSample = useImportStore((state) => state.startSample);
  const openDialog = useImportStore((state) => state.openDialog);
  return (
    <section className="empty-state" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void startSample()}>
          {t('empty.loadSample')}
        </button>
        <button type="button" onClick={openDialog}>
          {t('empty.importCsv')}
        </button>
      </div>
    </section>
  );
}
