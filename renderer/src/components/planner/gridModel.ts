import type { SlotView, WeekView } from '../../../../shared/contract/planner';

/** A position in the planner grid: column = working day, row = slot of the day. */
export interface Cell {
  col: number;
  row: number;
}

export interface DayColumn {
  date: string;
  weekday: number;
  /** By slot index within the day. */
  slots: SlotView[];
}

/** The week's slots as day columns, in the order the backend gives them (day by day, slot by slot). */
export function columnsOf(week: WeekView): DayColumn[] {
  const columns: DayColumn[] = [];
  for (const slot of week.slots) {
    let column = columns.at(-1);
    if (!column || column.date !== slot.date) {
      column = { date: slot.date, weekday: slot.weekday, slots: [] };
      columns.push(column);
    }
    column.slots[slot.index] = slot;
  }
  return columns;
}

export function rowCountOf(columns: readonly DayColumn[]): number {
  return Math.max(0, ...columns.map((c) => c.slots.length));
}

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), Math.max(max - 1, 0));

/** Where an arrow, Home or End key moves from `cell`; null for any other key. */
export function moveCell(cell: Cell, key: string, cols: number, rows: number): Cell | null {
  switch (key) {
    case 'ArrowUp':
      return { col: cell.col, row: clamp(cell.row - 1, rows) };
    case 'ArrowDown':
      return { col: cell.col, row: clamp(cell.row + 1, rows) };
    case 'ArrowLeft':
      return { col: clamp(cell.col - 1, cols), row: cell.row };
    case 'ArrowRight':
      return { col: clamp(cell.col + 1, cols), row: cell.row };
    case 'Home':
      return { col: cell.col, row: 0 };
    case 'End':
      return { col: cell.col, row: clamp(rows - 1, rows) };
    default:
      return null;
  }
}

/** Whether `cell` lies in the rectangle spanned by `a` and `b`. */
export function isBetween(cell: Cell, a: Cell, b: Cell): boolean {
  return (
    cell.col >= Math.min(a.col, b.col) && cell.col <= Math.max(a.col, b.col) && cell.row >= Math.min(a.row, b.row) && cell.row <= Math.max(a.row, b.row)
  );
}

/** The slots in the rectangle spanned by `a` and `b`, day by day, earliest first. */
export function slotsBetween(columns: readonly DayColumn[], a: Cell, b: Cell): SlotView[] {
  const out: SlotView[] = [];
  for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) {
    for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
      const slot = columns[col]?.slots[row];
      if (slot) out.push(slot);
    }
  }
  return out;
}

