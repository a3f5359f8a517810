import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallListRow as Row } from '../../../../shared/contract/leads';
import { callListColumns, callListRowHeight } from './columns';

interface CallListRowProps {
  /** Zero-based position in the whole list (not in the page). */
  index: number;
  /** undefined while its page is on the way: a placeholder row keeps the scroll height honest. */
  row: Row | undefined;
  top: number;
}

/** One virtualised row, positioned absolutely inside the scroll area. */
export const CallListRow = memo(function CallListRow({ index, row, top }: CallListRowProps) {
  const { t } = useTranslation();
  // Row 1 is the header row, so data rows start at 2.
  const rowIndex = index + 2;
  const style = { transform: `translateY(${top}px)`, height: callListRowHeight };
  if (!row) {
    return (
      <div role="row" aria-rowindex={rowIndex} aria-busy="true" className="grid-row placeholder" style={style}>
        {callListColumns.map((column, i) => (
          <div role="cell" key={column} className={`cell cell-${column}`}>
            {i === 0 && <span className="visually-hidden">{t('callList.loadingRow')}</span>}
            <span className="skeleton" aria-hidden="true" />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div role="row" aria-rowindex={rowIndex} className="grid-row" style={style}>
      <div role="cell" className="cell cell-company" title={row.companyName}>
        {row.companyName}
      </div>
      <div role="cell" className="cell cell-person">
        {row.fullName}
      </div>
      <div role="cell" className="cell cell-title">
        {row.title ?? ''}
      </div>
      <div role="cell" className="cell cell-source">
        {t(`source.${row.source}`)}
      </div>
      <div role="cell" className="cell cell-status">
        <span className={`badge status-${row.status}`}>{t(`status.${row.status}`)}</span>
      </div>
      <div role="cell" className="cell cell-score">
        {row.score}
      </div>
    </div>
  );
});
