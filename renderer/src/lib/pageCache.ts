import type { CallListRow } from '../../../shared/contract/leads';

export type PageCache = Readonly<Record<string, readonly CallListRow[]>>;

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
