import { useState } from 'react';
import type { Cell } from './gridModel';

export interface GridSelection {
  /** Where the selection started (the other corner of the rectangle). */
  anchor: Cell;
  /** The cell with the keyboard focus. */
  focus: Cell;
  /** Moves the focus to `cell`; without `extend` the selection collapses onto it. */
  select(cell: Cell, extend: boolean): void;
}

const within = (cell: Cell, cols: number, rows: number): Cell => ({
  col: Math.max(0, Math.min(cell.col, cols - 1)),
  row: Math.max(0, Math.min(cell.row, rows - 1)),
});

/** The grid's focus and rectangular selection, kept inside the grid when its shape changes (other working hours). */
export function useGridSelection(cols: number, rows: number): GridSelection {
  const [anchor, setAnchor] = useState<Cell>({ col: 0, row: 0 });
  const [focus, setFocus] = useState<Cell>({ col: 0, row: 0 });
  return {
    anchor: within(anchor, cols, rows),
    focus: within(focus, cols, rows),
    select(cell, extend) {
      setFocus(cell);
      if (!extend) setAnchor(cell);
    },
  };
}
