import type { Messages } from '../messages';

/** The call list's two-line rows: the lead column, overdue callbacks and the full-text tooltip. */
export const callListRowsJa = {
  callListRows: {
    overdue_days_one: '期限切れ {{count}}日',
    overdue_days_other: '期限切れ {{count}}日',
    overdue_hours_one: '期限切れ {{count}}時間',
    overdue_hours_other: '期限切れ {{count}}時間',
    reasonWithOverdue: '{{reason}}（{{overdue}}）',
    /** Compact for the list's narrow column; the tooltip says it in full. */
    ageDays_one: '{{count}}日',
    ageDays_other: '{{count}}日',
  },
} as const;

export const callListRowsEn: Messages<typeof callListRowsJa> = {
  callListRows: {
    overdue_days_one: '{{count}} day overdue',
    overdue_days_other: '{{count}} days overdue',
    overdue_hours_one: '{{count}} hour overdue',
    overdue_hours_other: '{{count}} hours overdue',
    reasonWithOverdue: '{{reason}} ({{overdue}})',
    ageDays_one: '{{count}}d',
    ageDays_other: '{{count}}d',
  },
};
