import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { Colleagues } from './Colleagues';
import { CompanyFacts } from './CompanyFacts';
import { PrepChecklist } from './PrepChecklist';
import { LeadNotes } from './LeadNotes';
import { PrepNotes } from './PrepNotes';
import { Timeline } from './Timeline';

/** Everything to read before dialling, beside the call: the company, the notes, the checklist, the people, the history. */
export function CompanyPrep({ detail }: { detail: LeadDetail }) {
  const { t } = useTranslation();
  return (
    <section className="prep-column" aria-label={t('work.prep.heading')}>
      <CompanyFacts company={detail.company} />
      <LeadNotes lead={detail.lead} />
      <PrepNotes />
      <PrepChecklist company={detail.company} />
      <Colleagues colleagues={detail.colleagues} />
      <Timeline timeline={detail.timeline} currentLeadId={detail.lead.id} />
    </section>
  );
}
