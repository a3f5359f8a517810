import type { TFunction } from 'i18next';

/**
 * The call list's columns in reading order: who (company, person, title), why the lead is here,
 * then how hot and how old. Rows show them on two lines (see callList.css): company over person and
 * title, so the name that identifies a lead is never cut to make room for the others.
 */
export const callListColumns = ['company', 'person', 'title', 'reason', 'source', 'status', 'score', 'age', 'hours'] as const;
export type CallListColumn = (typeof callListColumns)[number];

/** One two-line row's height in px, with room for the readings (ruby) over company and person: the virtualizer's estimate and the rendered height must agree. */
export const callListRowHeight = 58;

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
