import type { HandoffView } from '../../../../shared/contract/handoff';
import { toSafeCsv } from '../../../../shared/domain/csvCells';

const header = [
  'handoff_id', 'state', 'field_state', 'created_at', 'company', 'contact', 'title', 'phone', 'email', 'field_rep',
  'appointment_at', 'appointment_end', 'place', 'meeting_url', 'summary',
  'budget_confirmed', 'budget_status', 'budget_amount', 'budget_currency', 'authority_confirmed', 'decision_maker', 'approval_process',
  'need_confirmed', 'pains', 'requirements', 'timeline_confirmed', 'target_date', 'target_quarter', 'urgency',
  'qualified', 'override_reason', 'score', 'corrections', 'company_reading', 'contact_reading',
];

const yes = (b: boolean) => (b ? 'yes' : 'no');

/** One row per handoff, BANT flattened, for teams with no CRM connection. */
export function handoffsCsv(views: readonly HandoffView[], stamp: string) {
  const rows = views.map((v) => {
    const { hearing: h, contact, company, qualification, score } = v.package;
    return [
      v.id, v.state, v.fieldState ?? '', v.createdAt, v.companyName, contact.name, contact.title ?? '', contact.phone ?? '', contact.email ?? '', v.fieldRep?.name ?? '',
      v.appointmentAt ?? '', v.appointmentEnd ?? '', v.place ?? '', v.meetingUrl ?? '', v.summary,
      yes(h.budget.confirmed), h.budget.status, h.budget.amount === null ? '' : String(h.budget.amount), h.budget.currency,
      yes(h.authority.confirmed), [h.authority.decisionMakerName, h.authority.decisionMakerTitle].filter(Boolean).join(' / '), h.authority.approvalProcess,
      yes(h.need.confirmed), h.need.pains.join('; '), h.need.requirements, yes(h.timeline.confirmed), h.timeline.targetDate ?? '', h.timeline.targetQuarter ?? '', h.timeline.urgency,
      yes(qualification.qualified), v.overrideReason ?? '', String(score.total), String(v.corrections), company.reading ?? '', contact.reading ?? '',
    ];
  });
  return { fileName: `koma-handoffs-${stamp}.csv`, mimeType: 'text/csv;charset=utf-8', content: toSafeCsv([header, ...rows]) };
}

/** The full handoffs with their packages: the format other tools can read back. */
export function handoffsJson(views: readonly HandoffView[], stamp: string) {
  return { fileName: `koma-handoffs-${stamp}.json`, mimeType: 'application/json', content: `${JSON.stringify({ exportedBy: 'Koma', handoffs: views }, null, 2)}\n` };
}
