import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { telHref } from '../../lib/links';
import { overdueText, queueReasonText } from '../callList/queueReason';
import { useWorkStore } from '../../stores/StoresContext';
import { Reading } from '../common/Reading';
import { LeadActions } from './LeadActions';
import { ScoreBreakdown } from './ScoreBreakdown';
import { exitReasonLabel } from './labels';
import { useDateFormat } from './useDateFormat';
import { displayPhone } from '../../../../shared/domain/phoneDisplay';
import { sourceText } from '../../lib/importedValues';

/** Who the lead is, how to reach them, where they stand and why they are up now. */
export function LeadHeader({ detail }: { detail: LeadDetail }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const now = useWorkStore((state) => state.now);
  const openDialog = useWorkStore((state) => state.openDialog);
  const nameId = useId();
  const nameRef = useRef<HTMLHeadingElement>(null);
  const arrival = useWorkStore((state) => state.arrival);
  // The loop moved on by itself: the keyboard lands on the new lead's name (no scroll of the shell).
  useEffect(() => {
    if (arrival > 0) nameRef.current?.focus({ preventScroll: true });
  }, [arrival]);
  const { lead, company, queue, score } = detail;
  const href = telHref(lead.phone);
  const overdue = overdueText(t, queue.reason, now());
  const role = [lead.department, lead.title].filter(Boolean).join(' ');
  return (
    <div className="lead-header" role="group" aria-labelledby={nameId}>
      <div className="lead-identity">
        <h2 id={nameId} ref={nameRef} tabIndex={-1} className="lead-name">
          <Reading text={lead.fullName} reading={lead.nameReading} />
        </h2>
        {role && <span className="lead-role">{role}</span>}
        <span className="lead-company">
          <Reading text={company.name} reading={company.nameReading} />
        </span>
        <button type="button" className="link-button" onClick={() => openDialog('readings')}>
          {t('readings.edit')}
        </button>
      </div>
      <dl className="lead-facts">
        <div>
          <dt>{t('work.header.phone')}</dt>
          <dd>
            {href ? (
              <a href={href} className="phone-link">
                {displayPhone(lead.phone!)}
              </a>
            ) : (
              (lead.phone ? displayPhone(lead.phone) : t('work.header.noPhone'))
            )}
          </dd>
        </div>
        <div>
          <dt>{t('work.header.status')}</dt>
          <dd className="lead-status">
            <span className={`badge status-${lead.status}`}>{t(`status.${lead.status}`)}</span>
            {lead.doNotCall && <span className="badge do-not-call">{t('work.header.doNotCall')}</span>}
            {lead.status === 'recycled' && lead.recycleUntil && (
              <span className="hint">
                {t('work.header.recycledUntil', { date: format.date(lead.recycleUntil), reason: exitReasonLabel(t, lead.recycleReason ?? '') })}
              </span>
            )}
            {lead.status === 'excluded' && lead.excludeReason && (
              <span className="hint">{t('work.header.excludedFor', { reason: exitReasonLabel(t, lead.excludeReason) })}</span>
            )}
            {lead.attempts > 0 && <span className="hint">{t('work.header.attempts', { n: lead.attempts })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('work.header.reason')}</dt>
          <dd className={`reason-${queue.reason.code}`}>
            {queueReasonText(t, queue.reason, { source: lead.source, now: now(), format })}
            {overdue && <span className="overdue">{overdue}</span>}
            {!queue.withinCallingHours && (
              <span className="badge off-hours" title={t('work.outsideHoursLong')}>
                {t('work.outsideHours')}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('work.header.age')}</dt>
          <dd>
            <span className={`age age-${queue.age.level}`} title={t(`work.age.${queue.age.level}`, { days: queue.age.days })}>
              {t('work.age.days', { count: queue.age.days })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('work.header.source')}</dt>
          <dd>{sourceText(t, lead.source, lead.sourceDetail)}</dd>
        </div>
      </dl>
      <ScoreBreakdown score={score} />
      <LeadActions lead={lead} />
    </div>
  );
}
