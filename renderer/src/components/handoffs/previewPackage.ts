import type { LeadDetail } from '../../../../shared/contract/callFlow';
import type { HandoffPackage, HearingView } from '../../../../shared/contract/handoff';

/** What the package view shows; the backend freezes the same fields when the handoff is made. */
export type PackageContent = Omit<HandoffPackage, 'assembledAt' | 'hearingVersion'>;

/** The package as it would be sent now, from the lead's detail and its latest hearing. */
export function previewPackage(detail: LeadDetail, hearing: HearingView): PackageContent {
  const { company, lead } = detail;
  return {
    company: { name: company.name, website: company.website, industry: company.industry, employees: company.employees, address: company.address, phone: company.phone },
    contact: { name: lead.fullName, title: lead.title, department: lead.department, phone: lead.phone, email: lead.email },
    hearing: hearing.hearing,
    qualification: hearing.qualification,
    prepNotes: company.prepNotes,
    calls: detail.timeline.flatMap((item) =>
      item.kind === 'call' && item.leadId === lead.id ? [{ at: item.at, outcome: item.outcome, notes: item.notes, durationSec: item.durationSec }] : [],
    ),
    score: detail.score,
  };
}
