import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/contract/imports';
import { translateRowReason } from '../../lib/rowReason';

/** Rows that were imported but hold something the rep should check (e.g. a character Shift_JIS could not carry). */
export function ImportWarnings({ warnings }: { warnings: ImportResult['warnings'] }) {
  const { t } = useTranslation();
  return (
    <section className="import-warnings" aria-labelledby="import-warnings-heading">
      <h4 id="import-warnings-heading">{t('importDialog.warningsHeading')}</h4>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.row}:${warning.column}`}>
            {t('importDialog.warningCell', { row: warning.row, column: warning.column })}: {translateRowReason(t, warning.message)}
          </li>
        ))}
      </ul>
    </section>
  );
}
