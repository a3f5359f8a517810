import type { CallPayload } from './payloads';

/**
 * A call's text as the CRM keeps it: the rep's notes, then the objections raised (切り返し), each by
 * its card's Japanese title (the English one when the team wrote none), so field sales and the
 * manager read in the CRM what the dashboard counts.
 */
export function callText(p: Pick<CallPayload, 'notes' | 'objections'>): string {
  const raised = (p.objections ?? []).map((o) => o.title.ja.trim() || o.title.en.trim());
  if (raised.length === 0) return p.notes;
  return `${p.notes}${p.notes.trim() ? '\n\n' : ''}切り返し: ${raised.join('、')}`;
}
