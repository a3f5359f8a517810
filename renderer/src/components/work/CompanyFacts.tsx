import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { externalWebsite, telHref } from '../../lib/links';
import { displayPhone } from '../../../../shared/domain/phoneDisplay';
import { industryText } from '../../lib/importedValues';

/**
 * The company at a glance. The website is a link only for http(s): Electron's main process opens
 * such a new-window link in the system browser; anything else is shown as text and never opened.
 */
export function CompanyFacts({ company }: { company: LeadDetail['company'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const website = externalWebsite(company.website);
  const phone = telHref(company.phone);
  const unknown = t('work.prep.unknown');
  return (
    <section className="company-facts" aria-labelledby={headingId}>
      <h3 id={headingId}>{company.name}</h3>
      <dl className="facts-grid">
        <dt>{t('work.prep.website')}</dt>
        <dd>
          {website ? (
            <a href={website} target="_blank" rel="noopener noreferrer">
              {company.website}
            </a>
          ) : (
            (company.website ?? unknown)
          )}
        </dd>
        <dt>{t('work.prep.industry')}</dt>
        <dd>{company.industry === null ? unknown : industryText(t, company.industry)}</dd>
        <dt>{t('work.prep.employees')}</dt>
        <dd>{company.employees === null ? unknown : t('work.prep.employeesValue', { value: company.employees })}</dd>
        <dt>{t('work.prep.address')}</dt>
        <dd>{company.address ?? unknown}</dd>
        <dt>{t('work.prep.phone')}</dt>
        <dd>{phone ? <a href={phone}>{displayPhone(company.phone!)}</a> : company.phone ? displayPhone(company.phone) : unknown}</dd>
      </dl>
    </section>
  );
}
