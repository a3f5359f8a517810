import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { leadStatuses } from '../../../../shared/contract/leads';
import { isComposing } from '../../lib/keys';
import { useLeadSearchStore, useWorkStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { CompanyName } from '../callList/CompanyName';
import { ProblemAlert } from '../common/ProblemAlert';
import { Reading } from '../common/Reading';

/**
 * F: find any lead — recycled, excluded, handed off or in today's list — by name, company, phone or
 * email, filtered by status. Opening one shows its page in the workspace: header with its status,
 * history, notes, and the actions that apply to it (restore, log a call, edit its notes).
 */
export function LeadSearchDialog() {
  const { t } = useTranslation();
  const searchId = useId();
  const statusId = useId();
  const resultsId = useId();
  const search = useLeadSearchStore((s) => s.search);
  const status = useLeadSearchStore((s) => s.status);
  const rows = useLeadSearchStore((s) => s.rows);
  const problem = useLeadSearchStore((s) => s.problem);
  const setSearch = useLeadSearchStore((s) => s.setSearch);
  const setStatus = useLeadSearchStore((s) => s.setStatus);
  const run = useLeadSearchStore((s) => s.run);
  const close = useLeadSearchStore((s) => s.close);
  const open = useWorkStore((s) => s.open);
  const choose = (leadId: string) => {
    close();
    void open(leadId);
  };
  return (
    <Modal title={t('loop.search.heading')} closeLabel={t('work.dialog.close')} onClose={close}>
      <div className="dialog-form lead-search">
        <label htmlFor={searchId}>{t('loop.search.label')}</label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          value={search}
          aria-controls={resultsId}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !isComposing(event) && rows?.[0]) {
              event.preventDefault();
              choose(rows[0].id);
            }
          }}
        />
        <label htmlFor={statusId}>{t('loop.search.status')}</label>
        <select id={statusId} value={status ?? ''} onChange={(event) => setStatus(event.target.value === '' ? null : (event.target.value as (typeof leadStatuses)[number]))}>
          <option value="">{t('loop.search.anyStatus')}</option>
          {leadStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
        {problem && <ProblemAlert problem={problem} onRetry={() => void run()} />}
        <p role="status" className="hint">
          {rows ? (rows.length === 0 ? t('loop.search.none') : t('loop.search.results', { count: rows.length })) : ''}
        </p>
        {rows && rows.length > 0 && (
          <ul id={resultsId} className="lead-search-results" aria-label={t('loop.search.heading')}>
            {rows.map((row) => (
              <li key={row.id}>
                <button type="button" onClick={() => choose(row.id)}>
                  <span className="lead-search-name">
                    <Reading text={row.fullName} reading={row.nameReading} />
                  </span>{' '}
                  <span className="muted">
                    <CompanyName name={row.companyName} reading={row.companyReading} />
                  </span>{' '}
                  <span className={`badge status-${row.status}`}>{t(`status.${row.status}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
