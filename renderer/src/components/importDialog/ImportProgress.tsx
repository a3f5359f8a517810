import { useTranslation } from 'react-i18next';
import { useImportStore } from '../../stores/StoresContext';

/** The running job: its phase and, once the row count is known, rows done out of total. */
export function ImportProgress() {
  const { t } = useTranslation();
  const job = useImportStore((state) => state.job);
  const phase = job?.phase ?? 'decoding';
  const total = job?.total ?? 0;
  const processed = Math.min(job?.processed ?? 0, total);
  const known = total > 0;
  const text = t('importDialog.progress', { processed, total });
  return (
    <div className="import-progress">
      <p>{t(`importDialog.phase.${phase}`)}</p>
      <div
        role="progressbar"
        aria-label={t('importDialog.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? processed : undefined}
        aria-valuetext={known ? text : undefined}
        className={known ? 'progress' : 'progress indeterminate'}
      >
        <div className="progress-fill" style={known ? { transform: `scaleX(${processed / total})` } : undefined} />
      </div>
      {known && <p className="progress-text">{text}</p>}
      <p className="hint">{t('importDialog.backgroundHint')}</p>
    </div>
  );
}
