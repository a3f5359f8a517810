import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { rowAt } from '../../lib/pageCache';
import { useCallListStore, useWorkStore } from '../../stores/StoresContext';
import { CallListRow, type RowWording } from './CallListRow';
import { useDateFormat } from '../work/useDateFormat';
import { callListColumns, callListRowHeight, columnLabel } from './columns';
import { isComposing } from '../../lib/keys';

/**
 * Rows rendered beyond the visible ones, so a small scroll shows drawn rows at once. Few: every
 * one is mounted on each frame of a fast scroll, and a row not yet fetched shows a placeholder anyway.
 */
const overscan = 4;

/** The viewport assumed until the scroll area has a layout (first paint, hidden, or jsdom in tests). */
const unmeasuredViewport: Rect = { width: 1024, height: 640 };

/** Like the library's observer, but a zero-sized measurement (no layout yet) keeps the assumed viewport. */
function observeRectOrAssume(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : unmeasuredViewport));
}

/** What the toolbar and the workspace shortcuts may ask of the grid. */
export interface CallListGridHandle {
  /** Moves keyboard focus to the chosen row (the first one at the start). */
  focusRows(): void;
}

/**
 * The call list as an ARIA table that renders only the rows in view, so 100,000 leads scroll
 * smoothly. Pages of rows are requested from the store as they come into view. Arrow keys, Page
 * Up/Down, Home and End move between rows (one tab stop for the whole list); Enter or a click opens
 * the lead in the workspace.
 */
export function CallListGrid({ labelledBy, ref }: { labelledBy: string; ref?: Ref<CallListGridHandle> }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const now = useWorkStore((state) => state.now);
  const wording = useMemo<RowWording>(() => ({ t, format, now }), [t, format, now]);
  const total = useCallListStore((state) => state.total) ?? 0;
  const search = useCallListStore((state) => state.search);
  const pages = useCallListStore((state) => state.pages);
  const pageSize = useCallListStore((state) => state.pageSize);
  const generation = useCallListStore((state) => state.generation);
  const ensureRows = useCallListStore((state) => state.ensureRows);
  const currentId = useWorkStore((state) => state.detail?.lead.id ?? null);
  const open = useWorkStore((state) => state.open);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The chosen row belongs to one search: a new search starts at its first match.
  const [chosen, setChosen] = useState({ search, index: 0 });
  // Set when the keyboard moved to a row that may not be rendered yet: focused once it is.
  const focusWanted = useRef(false);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => callListRowHeight,
    overscan,
    initialRect: unmeasuredViewport,
    observeElementRect: observeRectOrAssume,
    // Rows have one fixed height, so nothing is measured and nothing needs correcting during the
    // scroll: the rows a scroll brings into view are drawn in a task of their own right after it,
    // not inside the scroll's frame (which, with the new rows' layout and paint, made one long task).
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // While the list scrolls, rows are drawn from a deferred copy of the window: React renders a fast
  // scroll's new rows in slices it can interrupt (a key press comes first), never as one long task.
  // Anything else (a new search's answer, a refresh, a key moving the focus) is drawn at once and
  // whole, its rows with its count.
  const deferredItems = useDeferredValue(items);
  const shownItems = virtualizer.isScrolling ? deferredItems.filter((item) => item.index < total) : items;
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const activeIndex = chosen.search === search ? Math.min(chosen.index, Math.max(0, total - 1)) : 0;
  const setActive = useCallback(
    (index: number) => setChosen((prev) => (prev.search === search && prev.index === index ? prev : { search, index })),
    [search],
  );

  useEffect(() => {
    ensureRows(first, last);
  }, [ensureRows, first, last, generation]);

  useEffect(() => {
    // A new search starts at its first match, not wherever the previous list was scrolled to.
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [search]);

  const focusRow = (index: number): boolean => {
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    row?.focus({ preventScroll: true });
    return row !== null && row !== undefined;
  };

  useEffect(() => {
    if (focusWanted.current && focusRow(activeIndex)) focusWanted.current = false;
  });

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // A row outside the rendered window gets focus once the scroll has rendered it.
    focusWanted.current = !focusRow(next);
  };

  useImperativeHandle(ref, () => ({ focusRows: () => moveTo(activeIndex) }));

  const openRow = useCallback(
    (leadId: string, index: number) => {
      setActive(index);
      void open(leadId);
    },
    [open, setActive],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isComposing(event)) return;
    const page = Math.max(1, items.length - 2 * overscan);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      const row = rowAt(pages, search, activeIndex, pageSize);
      if (row) {
        event.preventDefault();
        openRow(row.id, activeIndex);
      }
    }
  };

  return (
    <div role="table" aria-labelledby={labelledBy} aria-rowcount={total + 1} className="grid">
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          {callListColumns.map((column) => (
            <div role="columnheader" key={column} className={`cell cell-${column}`}>
              {columnLabel(t, column)}
            </div>
          ))}
        </div>
      </div>
      {/* Focusable itself only while the chosen row is scrolled out of the rendered window. */}
      <div
        role="rowgroup"
        ref={scrollRef}
        className="grid-body"
        data-shortcut-target="list"
        tabIndex={activeIndex >= first && activeIndex <= last ? -1 : 0}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget) moveTo(activeIndex);
        }}
      >
        <div role="presentation" className="grid-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {shownItems.map((item) => {
            const row = rowAt(pages, search, item.index, pageSize);
            return (
              <CallListRow
                key={item.key}
                wording={wording}
                index={item.index}
                top={item.start}
                row={row}
                active={item.index === activeIndex}
                current={row !== undefined && row.id === currentId}
                onOpen={openRow}
                onFocusRow={setActive}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
