import { useTranslation } from 'react-i18next';
import type { InvalidRow } from '../../../../shared/contract/imports';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { translateRowReason } from '../../lib/rowReason';

/** Enough rows to see what went wrong; the saved report has all of them. */
export const invalidRowsShown = 200;

/** The first invalid rows; `total` counts them all (the status answer carries the first ones only). */
export function InvalidRowsTable({ rows, total = rows.length }: { rows: readonly InvalidRow[]; total?: number }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const shown = rows.slice(0, invalidRowsShown);
  return (
    <div className="invalid-rows">
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table">
          <caption>{t('importDialog.invalidHeading')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('importDialog.rowNumber')}
              </th>
              <th scope="col">{t('importDialog.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.row}>
                <td className="numeric">{formatNumber(row.row)}</td>
                <td>{row.reasons.map((reason) => translateRowReason(t, reason)).join(t('textJoin.separator'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > shown.length && (
        <p className="hint">{t('importDialog.invalidCapped', { shown: shown.length, total })}</p>
      )}
    </div>
  );
}
