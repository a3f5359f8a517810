import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { bantItems } from '../../../../shared/contract/hearing';
import { useFormats } from '../hearing/useFormats';
import type { PackageContent } from './previewPackage';
import { bantLines } from './summaryLines';
import { displayPhone } from '../../../../shared/domain/phoneDisplay';

const orDash = (parts: readonly (string | number | null | undefined)[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').join(' / ') || '—';

/** Everything field sales receives: company, contact, the hearing with its confirmations, prep notes, calls, score. */
export function PackagePreview({ content }: { content: PackageContent }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const headingId = useId();
  const lines = bantLines(t, content.hearing, formats);
  const { company, contact, score } = content;
  return (
    <section className="package" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('handoffs.package.heading')}</h3>
      <dl className="package-facts">
        <div>
          <dt>{t('handoffs.package.company')}</dt>
          <dd>
            <strong>{company.name}</strong>
            <span className="muted"> {orDash([company.industry, company.employees === null ? null : t('handoffs.package.employees', { count: company.employees }), company.phone, company.website])}</span>
          </dd>
        </div>
        <div>
          <dt>{t('handoffs.package.contact')}</dt>
          <dd>
            <strong>{contact.name}</strong>
            <span className="muted"> {orDash([contact.department, contact.title, contact.phone === null ? null : displayPhone(contact.phone), contact.email])}</span>
          </dd>
        </div>
        <div>
          <dt>{t('handoffs.package.score')}</dt>
          <dd>{t('handoffs.package.scoreLine', { total: score.total, attribute: score.attribute, behaviour: score.behaviour })}</dd>
        </div>
      </dl>
      <table className="data-table package-bant">
        <caption>{t('handoffs.package.hearing')}</caption>
        <tbody>
          {bantItems.map((item) => (
            <tr key={item}>
              <th scope="row">{t(`hearing.sections.${item}`)}</th>
              <td>
                <span className={`badge ${content.hearing[item].confirmed ? 'is-confirmed' : 'is-unconfirmed'}`}>
                  {content.hearing[item].confirmed ? t('handoffs.package.confirmed') : t('handoffs.package.notConfirmed')}
                </span>
              </td>
              <td className="wrap">{lines[item]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="package-block">
        <h4>{t('handoffs.package.prepNotes')}</h4>
        {content.prepNotes.trim() ? <p className="prewrap">{content.prepNotes}</p> : <p className="muted">{t('handoffs.package.noPrepNotes')}</p>}
      </div>
      <div className="package-block">
        <h4>{t('handoffs.package.calls')}</h4>
        {content.calls.length === 0 ? (
          <p className="muted">{t('handoffs.package.noCalls')}</p>
        ) : (
          <ul className="package-calls">
            {content.calls.map((call) => (
              <li key={call.at}>
                <span className="call-when">{formats.dateTime(call.at)}</span>
                {/* The call flow's own words for outcomes. */}
                <span className="badge">{t(`work.outcome.${call.outcome}`)}</span>
                {call.durationSec !== null && call.durationSec > 0 && (
                  <span className="muted">{t('handoffs.package.minutes', { count: Math.max(1, Math.round(call.durationSec / 60)) })}</span>
                )}
                {call.notes && <span className="call-notes">{call.notes}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
