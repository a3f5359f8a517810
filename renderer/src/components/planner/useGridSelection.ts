import { useState } from 'react';
import { nearestOpenColumn, type Cell } from './gridModel';

export interface GridSelection {
  /** Where the selection started (the other corner of the rectangle). */
  anchor: Cell;
  /** The cell with the keyboard focus. */
  focus: Cell;
  /** Moves the focus to `cell`; without `extend` the selection collapses onto it. */
  select(cell: Cell, extend: boolean): void;
}

const within = (cell: Cell, cols: number, rows: number, isClosed: (col: number) => boolean): Cell => ({
  col: nearestOpenColumn(Math.max(0, Math.min(cell.col, cols - 1)), cols, isClosed),
  row: Math.max(0, Math.min(cell.row, rows - 1)),
});

/**
 * The grid's focus and rectangular selection, kept inside the grid when its shape changes (other
 * working hours) and off closed days (a holiday has no slot to focus).
 */
export function useGridSelection(cols: number, rows: number, isClosed: (col: number) => boolean = () => false): GridSelection {
  const [anchor, setAnchor] = useState<Cell>({ col: 0, row: 0 });
  const [focus, setFocus] = useState<Cell>({ col: 0, row: 0 });
  return {
    anchor: within(anchor, cols, rows, isClosed),
    focus: within(focus, cols, rows, isClosed),
    select(cell, extend) {
      setFocus(cell);
      if (!extend) setAnchor(cell);
    },
  };
}
