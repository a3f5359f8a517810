/** The call list's columns, in display order; their headers are callList.columns.* keys. */
export const callListColumns = ['company', 'person', 'title', 'source', 'status', 'score'] as const;
export type CallListColumn = (typeof callListColumns)[number];

/** One row's height in px: the virtualizer's estimate and the rendered height must agree. */
export const callListRowHeight = 32;
