import { useTranslation } from 'react-i18next';
import { useImportStore } from '../../stores/StoresContext';
import { ColumnMappingForm } from './ColumnMappingForm';
import { PreviewTable } from './PreviewTable';

export function ImportPreviewStep() {
  const { t } = useTranslation();
  const preview = useImportStore((state) => state.preview);
  const fileName = useImportStore((state) => state.file?.fileName ?? '');
  const chooseAnotherFile = useImportStore((state) => state.chooseAnotherFile);
  const start = useImportStore((state) => state.start);
  if (!preview) return null;
  return (
    <div className="preview-step">
      <p className="file-name">{fileName}</p>
      <dl className="facts">
        <div>
          <dt>{t('importDialog.encoding')}</dt>
          <dd>{t(`encoding.${preview.encoding}`)}</dd>
        </div>
        <div>
          <dt>{t('importDialog.rowCount')}</dt>
          <dd>{t('importDialog.rows', { count: preview.rowCount })}</dd>
        </div>
      </dl>
      <PreviewTable headers={preview.headers} rows={preview.sampleRows} />
      <ColumnMappingForm headers={preview.headers} />
      <div className="dialog-actions">
        <button type="button" onClick={chooseAnotherFile}>
          {t('importDialog.chooseAnother')}
        </button>
        <button type="button" className="primary" onClick={() => void start()}>
          {t('importDialog.start')}
        </button>
      </div>
    </div>
  );
}
