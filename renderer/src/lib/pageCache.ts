import type { CallListCursor, CallListRow, QueueKey } from '../../../shared/contract/leads';

export type PageCache = Readonly<Record<string, readonly CallListRow[]>>;

/** Each cached page's first and last queue key: the cursors its neighbours are read from. */
export type PageBounds = Readonly<Record<string, { first: QueueKey | null; last: QueueKey | null }>>;

/** A page is identified by the search it answered and its first row, so pages of two searches never mix. */
export function pageKey(search: string, offset: number): string {
  return `${offset}\u0000${search}`;
}

export function pageOffset(index: number, pageSize: number): number {
  return Math.floor(index / pageSize) * pageSize;
}

/** Offsets of the pages covering rows first..last (inclusive), clipped to the total. */
export function pageOffsetsFor(first: number, last: number, total: number, pageSize: number): number[] {
  if (total <= 0 || last < first) return [];
  const from = pageOffset(Math.max(0, first), pageSize);
  const to = pageOffset(Math.min(last, total - 1), pageSize);
  const offsets: number[] = [];
  for (let offset = from; offset <= to; offset += pageSize) offsets.push(offset);
  return offsets;
}

/** The row at an index, or undefined while its page has not arrived. */
export function rowAt(pages: PageCache, search: string, index: number, pageSize: number): CallListRow | undefined {
  const offset = pageOffset(index, pageSize);
  return pages[pageKey(search, offset)]?.[index - offset];
}

/**
 * How to read the page at `offset` by key instead of by position: right after the page above it,
 * right before the page below it, or as the list's last rows. Undefined for the first page (no
 * cursor needed) and for a jump with no neighbour known (the backend then seeks the position).
 */
export function cursorFor(bounds: PageBounds, search: string, offset: number, pageSize: number, total: number): CallListCursor | undefined {
  if (offset === 0) return undefined;
  const above = bounds[pageKey(search, offset - pageSize)]?.last;
  if (above) return { kind: 'after', key: above };
  const below = bounds[pageKey(search, offset + pageSize)]?.first;
  if (below) return { kind: 'before', key: below };
  if (offset + pageSize >= total) return { kind: 'last' };
  return undefined;
}

/**
 * Keeps at most `max` pages of one search, dropping those farthest from the rows on screen, so a
 * rep who scrolls through 100,000 leads holds a few hundred rows, not all of them.
 */
export function capPages<T>(pages: Readonly<Record<string, T>>, search: string, visibleOffset: number, pageSize: number, max: number): Record<string, T> {
  const entries = Object.entries(pages);
  if (entries.length <= max) return { ...pages };
  const distance = (key: string) => {
    const [offset, keySearch] = key.split('\u0000') as [string, string];
    return keySearch === search ? Math.abs(Number(offset) - visibleOffset) / pageSize : Number.POSITIVE_INFINITY;
  };
  entries.sort(([a], [b]) => distance(a) - distance(b));
  return Object.fromEntries(entries.slice(0, max));
}
