import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportStore } from '../../stores/StoresContext';

export function ImportFileStep() {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const chooseFile = useImportStore((state) => state.chooseFile);
  return (
    <div className="file-step">
      <label htmlFor={inputId}>{t('importDialog.fileLabel')}</label>
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={hintId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void chooseFile(file);
        }}
      />
      <p id={hintId} className="hint">
        {t('importDialog.fileHint')}
      </p>
    </div>
  );
}
