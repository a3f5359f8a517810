import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { useDuplicatesStore, useImportStore } from '../../stores/StoresContext';
import { translateRowReason } from '../../lib/rowReason';
import { InvalidRowsTable } from './InvalidRowsTable';
import { ImportWarnings } from './ImportWarnings';

export function ImportSummary() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const result = useImportStore((state) => state.result);
  const saveReport = useImportStore((state) => state.saveReport);
  const closeDialog = useImportStore((state) => state.closeDialog);
  const showDuplicates = useDuplicatesStore((state) => state.show);
  if (!result) return null;
  // Every data row is one of these four: the sum is the file's data rows, shown so the rep sees none was lost.
  const counts = [
    { label: t('importDialog.totalRows'), value: result.totalRows },
    { label: t('importDialog.inserted'), value: result.inserted },
    { label: t('importDialog.updated'), value: result.updated },
    { label: t('importDialog.invalid'), value: result.invalidCount },
    { label: t('importDialog.skipped'), value: result.skipped },
  ];
  return (
    <div className="import-summary">
      <h3>{t('importDialog.doneHeading')}</h3>
      <p className="file-name">{result.fileName}</p>
      <dl className="facts">
        {counts.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {result.possibleDuplicates > 0 && <p role="status">{t('importDialog.possibleDuplicates', { count: result.possibleDuplicates })}</p>}
      {result.warnings.length > 0 && <ImportWarnings warnings={result.warnings} />}
      {result.invalid.length > 0 && <InvalidRowsTable rows={result.invalid} total={result.invalidCount} />}
      <div className="dialog-actions">
        {result.possibleDuplicates > 0 && (
          <button
            type="button"
            onClick={() => {
              closeDialog();
              void showDuplicates();
            }}
          >
            {t('duplicates.review')}
          </button>
        )}
        {result.invalidCount > 0 && (
          <button
            type="button"
            onClick={() =>
              void saveReport({
                row: t('report.row'),
                reasons: t('report.reasons'),
                column: (number) => t('report.column', { number }),
                reason: (reason) => translateRowReason(t, reason),
                separator: t('textJoin.separator'),
                fileSuffix: t('importDialog.reportFileSuffix'),
              })
            }
          >
            {t('importDialog.saveReport')}
          </button>
        )}
        <button type="button" className="primary" onClick={closeDialog}>
          {t('importDialog.finish')}
        </button>
      </div>
    </div>
  );
}
