import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffDialogStore, useHandoffStore } from '../../stores/StoresContext';
import { useFormats } from '../hearing/useFormats';
import { FieldAnswer } from './FieldAnswer';
import { HandoffStateBadge } from './HandoffStateBadge';
import { PackagePreview } from './PackagePreview';

/** The selected handoff: what was agreed, where it stands, what was sent, and what can be done with it. */
export function HandoffDetail() {
  const { t } = useTranslation();
  const formats = useFormats();
  const headingId = useId();
  const selectedId = useHandoffStore((state) => state.selectedId);
  const handoff = useHandoffStore((state) => state.selected);
  const queue = useHandoffStore((state) => state.queue);
  const downloadIcs = useHandoffStore((state) => state.downloadIcs);
  const openEdit = useHandoffDialogStore((state) => state.openEdit);
  if (!selectedId) return <p className="handoff-detail placeholder-text">{t('handoffs.detail.placeholder')}</p>;
  if (!handoff) return <p className="handoff-detail loading">{t('handoffs.loading')}</p>;
  const none = t('handoffs.detail.none');
  const appointment = handoff.appointmentAt
    ? `${formats.date(handoff.appointmentAt)} ${formats.time(handoff.appointmentAt)}${handoff.appointmentEnd ? `–${formats.time(handoff.appointmentEnd)}` : ''}`
    : none;
  const facts: [string, ReactNode][] = [
    [t('handoffs.detail.fieldRep'), handoff.fieldRep?.name ?? none],
    [t('handoffs.detail.appointment'), appointment],
    [t('handoffs.detail.place'), handoff.place ?? none],
    [t('handoffs.detail.meetingUrl'), handoff.meetingUrl ?? none],
    [t('handoffs.columns.state'), <HandoffStateBadge key="state" handoff={handoff} />],
    [t('handoffs.columns.fieldState'), <FieldAnswer key="field" handoff={handoff} />],
    [t('handoffs.detail.createdAt'), formats.dateTime(handoff.createdAt)],
    [t('handoffs.detail.syncedAt'), handoff.syncedAt ? formats.dateTime(handoff.syncedAt) : t('handoffs.detail.notSynced')],
  ];
  if (handoff.corrections > 0) facts.push([t('handoffs.columns.corrections'), t('handoffs.detail.corrections', { count: handoff.corrections })]);
  if (handoff.overrideReason) facts.push([t('handoffs.detail.overrideReason'), handoff.overrideReason]);
  return (
    <section className="handoff-detail" aria-labelledby={headingId}>
      <div className="detail-header">
        <h3 id={headingId}>
          {handoff.companyName}
          <span className="muted"> {handoff.leadName}</span>
        </h3>
        <div className="detail-actions">
          <button type="button" onClick={() => void openEdit(handoff.id)}>
            {t('handoffs.detail.edit')}
          </button>
          {handoff.state === 'draft' && (
            <button type="button" className="primary" onClick={() => void queue(handoff.id)}>
              {t('handoffs.detail.queue')}
            </button>
          )}
          {handoff.appointmentAt && (
            <button type="button" onClick={() => void downloadIcs(handoff.id)}>
              {t('handoffs.detail.ics')}
            </button>
          )}
        </div>
      </div>
      <dl className="detail-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="detail-summary">
        <h4>{t('handoffs.detail.summary')}</h4>
        <p className="prewrap">{handoff.summary}</p>
      </div>
      <PackagePreview content={handoff.package} />
    </section>
  );
}
