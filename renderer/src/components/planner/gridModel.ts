import type { ClosedReason } from '../../../../shared/contract/calendar';
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
  /** A working day the calendar closes (a holiday, 年末年始…): shown closed, with no slots. */
  closed?: ClosedReason;
}

/** The week's slots as day columns, day by day, with the closed working days in their place. */
export function columnsOf(week: WeekView): DayColumn[] {
  const closed: DayColumn[] = (week.closedDays ?? []).map((day) => ({ date: day.date, weekday: day.weekday, slots: [], closed: day.reason }));
  return [...openColumnsOf(week), ...closed].sort((a, b) => a.date.localeCompare(b.date));
}

/** The slots as day columns, in the order the backend gives them (day by day, slot by slot). */
function openColumnsOf(week: WeekView): DayColumn[] {
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
  // A week closed every working day still has one row, where each closed day says why.
  const atLeast = columns.some((c) => c.closed) ? 1 : 0;
  return Math.max(atLeast, ...columns.map((c) => c.slots.length));
}

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), Math.max(max - 1, 0));

/** The nearest column from `col` in `step`'s direction that is not closed; `col` itself if none. */
function openColumn(col: number, step: -1 | 1, cols: number, isClosed: (col: number) => boolean): number {
  for (let c = col + step; c >= 0 && c < cols; c += step) if (!isClosed(c)) return c;
  return col;
}

/** `col` if it is open, else the nearest open column after it, else before it (a closed Monday holds no focus). */
export function nearestOpenColumn(col: number, cols: number, isClosed: (col: number) => boolean): number {
  if (!isClosed(col)) return col;
  const right = openColumn(col, 1, cols, isClosed);
  return right !== col ? right : openColumn(col, -1, cols, isClosed);
}

/** Where an arrow, Home or End key moves from `cell` (over closed days); null for any other key. */
export function moveCell(cell: Cell, key: string, cols: number, rows: number, isClosed: (col: number) => boolean = () => false): Cell | null {
  switch (key) {
    case 'ArrowUp':
      return { col: cell.col, row: clamp(cell.row - 1, rows) };
    case 'ArrowDown':
      return { col: cell.col, row: clamp(cell.row + 1, rows) };
    case 'ArrowLeft':
      return { col: openColumn(cell.col, -1, cols, isClosed), row: cell.row };
    case 'ArrowRight':
      return { col: openColumn(cell.col, 1, cols, isClosed), row: cell.row };
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

