import type { TFunction } from 'i18next';
import { memo, useDeferredValue, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../../shared/contract/callFlow';
import { exitKinds } from '../../../../shared/contract/calls';
import { handoffStates } from '../../../../shared/contract/handoff';
import { behaviourKinds } from '../../../../shared/contract/scoringRules';
import { externalWebsite } from '../../lib/links';
import { exitReasonLabel } from './labels';
import { useDateFormat } from './useDateFormat';
import { useLocalized } from '../talk/useLocalized';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function headline(t: TFunction, item: TimelineItem): string {
  switch (item.kind) {
    case 'call':
      return t('work.timeline.call', { outcome: t(`work.outcome.${item.outcome}`) });
    case 'behaviour':
      return t('work.timeline.behaviour', { event: isOneOf(behaviourKinds, item.event) ? t(`work.behaviourKind.${item.event}`) : item.event });
    case 'hearing':
      return t('work.timeline.hearing', { version: item.version });
    case 'handoff':
      return t('work.timeline.handoff', { state: isOneOf(handoffStates, item.state) ? t(`work.timeline.handoffState.${item.state}`) : item.state });
    case 'exit': {
      const exit = isOneOf([...exitKinds, 'restored'] as const, item.exit) ? t(`work.timeline.exitKind.${item.exit}`) : item.exit;
      return item.reason ? t('work.timeline.exitWithReason', { exit, reason: exitReasonLabel(t, item.reason) }) : t('work.timeline.exit', { exit });
    }
    case 'followup':
      return t('followup.timeline', { kind: t(`followup.kind.${item.followup}`), subject: item.subject });
  }
}

/** What the timeline shows while a new lead's entries are still being drawn (see Timeline). */
const notYetDrawn: readonly TimelineItem[] = [];

/**
 * Everything that happened with the company's leads, newest first: one entry per call (outcome,
 * duration, notes), behaviour, hearings, handoffs, and decisions as entries of their own.
 * Memoised: the pane re-renders on every checklist tick and decision, the timeline only when a new one arrives.
 * Its up to 200 entries sit below the prep and are drawn just after the lead itself (a deferred
 * render React can interrupt), so N and save-and-next show the lead without waiting for them.
 */
export const Timeline = memo(function Timeline({ timeline: latest, currentLeadId }: { timeline: readonly TimelineItem[]; currentLeadId: string }) {
  const timeline = useDeferredValue(latest, notYetDrawn);
  const drawing = timeline === notYetDrawn && latest.length > 0;
  const { t } = useTranslation();
  const format = useDateFormat();
  const localized = useLocalized();
  const headingId = useId();
  return (
    <section className="timeline" aria-labelledby={headingId} aria-busy={drawing}>
      <h4 id={headingId}>{t('work.timeline.heading')}</h4>
      {drawing ? null : timeline.length === 0 ? (
        <p className="hint">{t('work.timeline.empty')}</p>
      ) : (
        <ol>
          {timeline.map((item) => (
            <li key={`${item.kind}-${item.id}`} className={`timeline-item timeline-${item.kind}`}>
              <div className="timeline-head">
                <time dateTime={item.at}>{format.dateTime(item.at)}</time>
                <span className="timeline-what">{headline(t, item)}</span>
                {item.kind === 'call' && (
                  <span className="hint">
                    {item.durationSec === null
                      ? t('loop.history.unknownDuration')
                      : t('work.timeline.duration', { minutes: Math.floor(item.durationSec / 60), seconds: item.durationSec % 60 })}
                  </span>
                )}
                {item.kind === 'call' && item.conversation && <span className="badge conversation">{t('loop.history.conversation')}</span>}
                {item.leadId !== currentLeadId && <span className="timeline-who">{item.leadName}</span>}
              </div>
              {item.kind === 'call' && item.objections && item.objections.length > 0 && (
                <p className="timeline-objections">{t('talk.timeline', { list: item.objections.map((o) => localized(o.title)).join(t('loop.listSeparator')) })}</p>
              )}
              {item.kind === 'call' && item.phone && (
                <p className="timeline-phone">
                  <span>
                    {item.phone.durationSec === null
                      ? `${t(`phoneCalls.source.${item.phone.source}`)} ${t('phoneCalls.unknownDuration')}`
                      : t('phoneCallTimeline.duration', { source: t(`phoneCalls.source.${item.phone.source}`), minutes: Math.floor(item.phone.durationSec / 60), seconds: item.phone.durationSec % 60 })}
                  </span>
                  {externalWebsite(item.phone.recordingUrl) && (
                    <>
                      {' '}
                      <a href={externalWebsite(item.phone.recordingUrl)!} target="_blank" rel="noreferrer noopener">
                        {t('phoneCallTimeline.recording')}
                      </a>
                    </>
                  )}
                </p>
              )}
              {item.kind === 'call' && item.phone?.summary && <p className="timeline-notes timeline-phone-summary">{item.phone.summary}</p>}
              {item.kind === 'call' && item.notes && <p className="timeline-notes">{item.notes}</p>}
              {item.kind === 'call' && item.nextAction && <p className="hint">{t('work.timeline.nextAction', { action: item.nextAction })}</p>}
              {item.kind === 'followup' && item.dueAt && <p className="hint">{t('followup.timelineDue', { at: format.dateTime(item.dueAt) })}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
