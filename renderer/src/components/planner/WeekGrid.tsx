import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { slotKinds, type SlotKind } from '../../../../shared/contract/slots';
import { usePlannerStore } from '../../stores/StoresContext';
import { isBetween, moveCell, type Cell, type DayColumn } from './gridModel';
import { SlotCell } from './SlotCell';
import type { GridSelection } from './useGridSelection';
import type { SlotFormat } from './useSlotFormat';
import { isComposing } from '../../lib/keys';
import { closedReasonText } from '../calendar/reasonText';
import '../calendar/calendar.css';

interface WeekGridProps {
  label: string;
  describedBy: string;
  columns: readonly DayColumn[];
  rows: number;
  selection: GridSelection;
  format: SlotFormat;
  onKind(kind: SlotKind | null): void;
  onEditTarget(): void;
}

const cellKey = (cell: Cell) => `${cell.col}:${cell.row}`;

/**
 * The week as a grid, days across and slots down. One cell holds the focus (roving tabindex):
 * arrows move it, Shift extends the selection, 1–6 set the kind, Delete clears, T edits the target.
 * The mouse does the same with click, shift-click and drag.
 */
export function WeekGrid({ label, describedBy, columns, rows, selection, format, onKind, onEditTarget }: WeekGridProps) {
  const { t, i18n } = useTranslation();
  const running = usePlannerStore((s) => s.running);
  const gridRef = useRef<HTMLTableElement>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const dragging = useRef(false);
  const { anchor, focus, select } = selection;

  // Keyboard moves carry the DOM focus along; a grid the rep is not in keeps its hands off the focus.
  useEffect(() => {
    const target = cells.current.get(cellKey(focus));
    if (target && gridRef.current?.contains(document.activeElement) && document.activeElement !== target) target.focus();
  }, [focus]);

  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isComposing(event)) return;
    const moved = moveCell(focus, event.key, columns.length, rows, (col) => columns[col]?.closed !== undefined);
    if (moved) {
      event.preventDefault();
      select(moved, event.shiftKey);
      return;
    }
    const kind = /^[1-6]$/.test(event.key) ? slotKinds[Number(event.key) - 1] : undefined;
    if (kind) {
      event.preventDefault();
      onKind(kind);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onKind(null);
    } else if (event.key === 't' || event.key === 'T') {
      event.preventDefault();
      onEditTarget();
    } else if (event.key === 'Escape') {
      select(focus, false);
    }
  };

  const onPointerSelect = (cell: Cell, event: MouseEvent) => {
    if (event.button !== 0) return;
    dragging.current = true;
    select(cell, event.shiftKey);
  };
  const onPointerExtend = (cell: Cell) => {
    if (dragging.current) select(cell, true);
  };

  const times = columns.find((column) => !column.closed)?.slots ?? [];
  return (
    <div className="week-grid-scroll">
      <table ref={gridRef} role="grid" aria-label={label} aria-describedby={describedBy} aria-multiselectable="true" className="week-grid" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th scope="col" className="time-col">
              {t('planner.timeColumn')}
            </th>
            {columns.map((column) => (
              <th key={column.date} scope="col" className={column.closed ? 'closed-day' : running?.slot.date === column.date ? 'today' : undefined}>
                {format.day(column.date)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              <th scope="row" className="time-col">
                {times[row] ? format.time(times[row].startsAt) : ''}
              </th>
              {columns.map((column, col) => {
                const slot = column.slots[row];
                const cell = { col, row };
                // A closed day is one cell down the whole column, saying why: no slot to plan there.
                if (column.closed) {
                  return row === 0 ? (
                    <td key={col} role="gridcell" rowSpan={rows} aria-readonly="true" className="closed-day">
                      {t('calendar.closedDay', { reason: closedReasonText(t, column.closed, i18n.resolvedLanguage ?? i18n.language) })}
                    </td>
                  ) : null;
                }
                if (!slot) return <td key={col} role="gridcell" />;
                return (
                  <SlotCell
                    key={col}
                    slot={slot}
                    cell={cell}
                    focused={focus.col === col && focus.row === row}
                    selected={isBetween(cell, anchor, focus)}
                    secondsLeft={running?.slot.startsAt === slot.startsAt ? running.secondsLeft : null}
                    format={format}
                    cellRef={(element) => {
                      if (element) cells.current.set(cellKey(cell), element);
                      else cells.current.delete(cellKey(cell));
                    }}
                    onPointerSelect={onPointerSelect}
                    onPointerExtend={onPointerExtend}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
