import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { CallListRow as Row } from '../../../../shared/contract/leads';
import type { DateFormat } from '../work/useDateFormat';
import { callListColumns, callListRowHeight } from './columns';
import { CompanyName } from './CompanyName';
import { overdueText, queueReasonText } from './queueReason';
import { Reading } from '../common/Reading';
import { sourceText } from '../../lib/importedValues';

/**
 * What every row words its cells with, made once by the grid: a row scrolled into view subscribes
 * to nothing and builds nothing of its own (the list mounts dozens of rows a frame while scrolling).
 */
export interface RowWording {
  t: TFunction;
  format: DateFormat;
  now: () => Date;
}

interface CallListRowProps {
  wording: RowWording;
  /** Zero-based position in the whole list (not in the page). */
  index: number;
  /** undefined while its page is on the way: a placeholder row keeps the scroll height honest. */
  row: Row | undefined;
  top: number;
  /** The row keyboard focus lands on in the list (roving tabindex). */
  active: boolean;
  /** The lead open in the workspace. */
  current: boolean;
  onOpen: (leadId: string, index: number) => void;
  onFocusRow: (index: number) => void;
}

/** One virtualised row, positioned absolutely inside the scroll area; click or Enter opens its lead. */
export const CallListRow = memo(function CallListRow({ wording, index, row, top, active, current, onOpen, onFocusRow }: CallListRowProps) {
  const { t, format, now } = wording;
  // Row 1 is the header row, so data rows start at 2.
  const rowIndex = index + 2;
  const style = { transform: `translateY(${top}px)`, height: callListRowHeight };
  if (!row) {
    return (
      <div role="row" aria-rowindex={rowIndex} aria-busy="true" className="grid-row placeholder" style={style} data-index={index} tabIndex={active ? 0 : -1}>
        {callListColumns.map((column, i) => (
          <div role="cell" key={column} className={`cell cell-${column}`}>
            {i === 0 && <span className="visually-hidden">{t('callList.loadingRow')}</span>}
            <span className="skeleton" aria-hidden="true" />
          </div>
        ))}
      </div>
    );
  }
  const reason = queueReasonText(t, row.reason, { source: row.source, now: now(), format });
  const overdue = overdueText(t, row.reason, now());
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-current={current ? 'true' : undefined}
      className={`grid-row${current ? ' is-current' : ''}`}
      style={style}
      data-index={index}
      tabIndex={active ? 0 : -1}
      onClick={() => onOpen(row.id, index)}
      onFocus={() => onFocusRow(index)}
    >
      <div role="cell" className="cell cell-company" title={row.companyName}>
        <CompanyName name={row.companyName} reading={row.companyReading} />
      </div>
      <div role="cell" className="cell cell-person" title={row.fullName}>
        <Reading text={row.fullName} reading={row.nameReading} />
      </div>
      <div role="cell" className="cell cell-title" title={row.title ?? undefined}>
        {row.title ?? ''}
      </div>
      <div role="cell" className={`cell cell-reason reason-${row.reason.code}${overdue ? ' is-overdue' : ''}`} title={overdue ? t('callListRows.reasonWithOverdue', { reason, overdue }) : reason}>
        {overdue && row.reason.code === 'callback_due' ? (
          <>
            <span className="overdue">{overdue}</span> <span className="reason-time">{format.when(row.reason.at)}</span>
          </>
        ) : (
          reason
        )}
      </div>
      <div role="cell" className="cell cell-source" title={row.sourceDetail ?? undefined}>
        {sourceText(t, row.source, row.sourceDetail)}
      </div>
      <div role="cell" className="cell cell-status">
        <span className={`badge status-${row.status}`}>{t(`status.${row.status}`)}</span>
      </div>
      <div role="cell" className="cell cell-score">
        {row.score}
      </div>
      <div role="cell" className="cell cell-age">
        <span className={`age age-${row.age.level}`} title={t(`work.age.${row.age.level}`, { days: row.age.days })}>
          {t('callListRows.ageDays', { count: row.age.days })}
        </span>
      </div>
      <div role="cell" className="cell cell-hours">
        {!row.withinCallingHours && (
          <span className="badge off-hours" title={t('work.outsideHoursLong')}>
            {t('work.outsideHours')}
          </span>
        )}
      </div>
    </div>
  );
});
