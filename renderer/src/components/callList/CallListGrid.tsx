import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { rowAt } from '../../lib/pageCache';
import { useCallListStore } from '../../stores/StoresContext';
import { CallListRow } from './CallListRow';
import { callListColumns, callListRowHeight } from './columns';

/** Rows rendered beyond the visible ones, so a quick flick does not show blank space. */
const overscan = 10;

/** The viewport assumed until the scroll area has a layout (first paint, hidden, or jsdom in tests). */
const unmeasuredViewport: Rect = { width: 1024, height: 640 };

/** Like the library's observer, but a zero-sized measurement (no layout yet) keeps the assumed viewport. */
function observeRectOrAssume(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : unmeasuredViewport));
}

/**
 * The call list as an ARIA table that renders only the rows in view, so 100,000 leads scroll
 * smoothly. Pages of rows are requested from the store as they come into view.
 */
export function CallListGrid({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const total = useCallListStore((state) => state.total) ?? 0;
  const search = useCallListStore((state) => state.search);
  const pages = useCallListStore((state) => state.pages);
  const pageSize = useCallListStore((state) => state.pageSize);
  const generation = useCallListStore((state) => state.generation);
  const ensureRows = useCallListStore((state) => state.ensureRows);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => callListRowHeight,
    overscan,
    initialRect: unmeasuredViewport,
    observeElementRect: observeRectOrAssume,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    ensureRows(first, last);
  }, [ensureRows, first, last, generation]);

  useEffect(() => {
    // A new search starts at its first match, not wherever the previous list was scrolled to.
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [search]);

  return (
    <div role="table" aria-labelledby={labelledBy} aria-rowcount={total + 1} className="grid">
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          {callListColumns.map((column) => (
            <div role="columnheader" key={column} className={`cell cell-${column}`}>
              {t(`callList.columns.${column}`)}
            </div>
          ))}
        </div>
      </div>
      {/* Focusable so the list scrolls from the keyboard. */}
      <div role="rowgroup" ref={scrollRef} className="grid-body" tabIndex={0}>
        <div role="presentation" className="grid-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <CallListRow key={item.key} index={item.index} top={item.start} row={rowAt(pages, search, item.index, pageSize)} />
          ))}
        </div>
      </div>
    </div>
  );
}
