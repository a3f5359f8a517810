import { useTranslation } from 'react-i18next';
import { useTalkStore, useWorkStore } from '../../stores/StoresContext';
import { ScriptPanel } from '../talk/ScriptPanel';
import { ProblemAlert } from '../common/ProblemAlert';
import { ScheduleMovedNotice } from '../calendar/ScheduleMovedNotice';
import { CallPanel } from './CallPanel';
import { CompanyPrep } from './CompanyPrep';
import { LeadHeader } from './LeadHeader';
import { NoLead } from './NoLead';
import { leadSidePanels } from './sidePanels';

/** The lead being worked: who, why now, the prep beside the call log, and the panels other features add. */
export function LeadPane() {
  const { t } = useTranslation();
  const detail = useWorkStore((state) => state.detail);
  const opening = useWorkStore((state) => state.openingId !== null);
  const problem = useWorkStore((state) => state.problem);
  const notice = useWorkStore((state) => state.notice);
  const arrived = useWorkStore((state) => state.arrival > 0);
  const scriptOpen = useTalkStore((state) => state.scriptOpen);
  return (
    <section className="lead-pane" aria-label={t('work.leadRegion')} aria-busy={opening}>
      {problem && <ProblemAlert problem={problem} />}
      <p role="status" className="work-notice">
        {opening ? t('work.opening') : notice === 'queue_empty' ? t('work.queueEmpty') : notice === 'logged_queue_empty' ? t('work.loggedQueueEmpty') : ''}
      </p>
      <ScheduleMovedNotice />
      {/* Read out after N, save and next, or a skip: which lead the keyboard is on now. */}
      <p role="status" aria-live="polite" className="visually-hidden">
        {!opening && arrived && detail ? t('loop.announce.opened', { name: detail.lead.fullName, company: detail.company.name }) : ''}
      </p>
      {detail ? (
        <>
          <LeadHeader detail={detail} />
          {/* Keyed by lead: nothing typed for one lead can leak into the next one's fields. */}
          <div className="lead-body" key={detail.lead.id}>
            {/* G: the talk script takes the prep column's place, beside the call log. */}
            {scriptOpen ? <ScriptPanel leadId={detail.lead.id} /> : <CompanyPrep detail={detail} />}
            <div className="call-column">
              <CallPanel detail={detail} />
              {leadSidePanels.map(({ id, Component }) => (
                <Component key={id} leadId={detail.lead.id} />
              ))}
            </div>
          </div>
        </>
      ) : (
        !opening && <NoLead />
      )}
    </section>
  );
}
