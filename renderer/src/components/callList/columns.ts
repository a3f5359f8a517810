import type { TFunction } from 'i18next';

/** The call list's columns, in display order: why the lead is here first, then who, then how old. */
export const callListColumns = ['reason', 'company', 'person', 'title', 'source', 'status', 'score', 'age', 'hours'] as const;
export type CallListColumn = (typeof callListColumns)[number];

/** One row's height in px: the virtualizer's estimate and the rendered height must agree. */
export const callListRowHeight = 32;

export function columnLabel(t: TFunction, column: CallListColumn): string {
  switch (column) {
    case 'reason':
    case 'age':
    case 'hours':
      return t(`work.columns.${column}`);
    default:
      return t(`callList.columns.${column}`);
  }
}
