import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneCallRow } from '../../../../shared/contract/phoneCalls';
import { externalWebsite } from '../../lib/links';
import { usePhoneCallsStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { useDateFormat } from '../work/useDateFormat';
import './phoneCalls.css';

function useDurationText() {
  const { t } = useTranslation();
  return (seconds: number | null) => (seconds === null ? t('phoneCalls.unknownDuration') : t('phoneCalls.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 }));
}

/** One phone system call: what it recorded, the Koma call it is on, and the rep's corrections. */
function PhoneCallItem({ row }: { row: PhoneCallRow }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const duration = useDurationText();
  const attach = usePhoneCallsStore((s) => s.attach);
  const detach = usePhoneCallsStore((s) => s.detach);
  const dismiss = usePhoneCallsStore((s) => s.dismiss);
  const acting = usePhoneCallsStore((s) => s.acting);
  const busy = acting === row.id;
  const [target, setTarget] = useState(row.candidates[0]?.callId ?? '');
  const selectId = useId();
  const lead = row.lead ? `${row.lead.fullName}（${row.lead.companyName}）` : t('phoneCalls.noLead');
  const recording = externalWebsite(row.recordingUrl);
  const chosen = row.candidates.some((c) => c.callId === target) ? target : (row.candidates[0]?.callId ?? '');
  return (
    <li className={`phone-call phone-call-${row.state}`}>
      <div role="group" aria-label={t('phoneCalls.rowLabel', { time: format.dateTime(row.startedAt), lead })}>
        <p className="phone-call-head">
          <time dateTime={row.startedAt}>{format.dateTime(row.startedAt)}</time>
          <span className="phone-call-lead">{lead}</span>
          <span className="badge">{t(`phoneCalls.source.${row.source}`)}</span>
          <span>{duration(row.durationSec)}</span>
          <span className={`phone-call-state state-${row.state}`}>
            {t(`phoneCalls.state.${row.state}`)}
            {row.matchedBy === 'rep' ? t('phoneCalls.byRep') : ''}
          </span>
        </p>
        {row.call && <p className="hint">{t('phoneCalls.attachedTo', { time: format.dateTime(row.call.startedAt), outcome: t(`work.outcome.${row.call.outcome}`) })}</p>}
        {row.summary && <p className="phone-call-summary">{row.summary}</p>}
        <div className="phone-call-actions">
          {recording && (
            <a href={recording} target="_blank" rel="noreferrer noopener">
              {t('phoneCalls.recording')}
            </a>
          )}
          {row.lead && (
            <>
              <label htmlFor={selectId}>{t('phoneCalls.target')}</label>
              <select id={selectId} value={chosen} disabled={busy || row.candidates.length === 0} onChange={(e) => setTarget(e.target.value)}>
                {row.candidates.length === 0 && <option value="">{t('phoneCalls.noTargets')}</option>}
                {row.candidates.map((c) => (
                  <option key={c.callId} value={c.callId}>
                    {t('phoneCalls.targetOption', { time: format.dateTime(c.startedAt), outcome: t(`work.outcome.${c.outcome}`) })}
                  </option>
                ))}
              </select>
              <button type="button" disabled={busy || chosen === ''} onClick={() => void attach(row.id, chosen)}>
                {t('phoneCalls.attach')}
              </button>
            </>
          )}
          {row.state === 'matched' && (
            <button type="button" disabled={busy} onClick={() => void detach(row.id)}>
              {t('phoneCalls.detach')}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => void dismiss(row.id)}>
            {t('phoneCalls.dismiss')}
          </button>
        </div>
      </div>
    </li>
  );
}

/** What the last import did, every row accounted for, and the unreadable rows with their reasons. */
function ImportOutcome() {
  const { t } = useTranslation();
  const imported = usePhoneCallsStore((s) => s.imported);
  const importing = usePhoneCallsStore((s) => s.importing);
  const refused = usePhoneCallsStore((s) => s.refused);
  return (
    <div className="phone-call-import-outcome">
      <p role="status">
        {importing
          ? t('phoneCalls.importing', { file: importing })
          : imported
            ? t('phoneCalls.imported', {
                vendor: t(`phoneCalls.source.${imported.vendor}`),
                rows: imported.rows,
                matched: imported.matched,
                noLead: imported.unmatchedNoLead,
                noCall: imported.unmatchedNoCall,
                known: imported.alreadyKnown,
                invalid: imported.invalid.length,
                skipped: imported.skipped,
              })
            : ''}
      </p>
      {refused && <p role="alert">{t('phoneCalls.refused')}</p>}
      {imported && imported.invalid.length > 0 && (
        <ul className="phone-call-invalid">
          {imported.invalid.slice(0, 100).map((r) => (
            <li key={r.row}>{t('phoneCalls.invalidRow', { row: r.row, reason: t(`phoneCalls.problem.${r.problem}`) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The phone system's calls and their matches (issue 15): the unattached first, then the attached,
 * newest first; a call-history CSV imported here. Every control is a button, a select or the file
 * input, so it is worked with Tab, Enter and the arrow keys.
 */
export function PhoneCallsDialog() {
  const { t } = useTranslation();
  const rows = usePhoneCallsStore((s) => s.rows);
  const total = usePhoneCallsStore((s) => s.total);
  const loading = usePhoneCallsStore((s) => s.loading);
  const problem = usePhoneCallsStore((s) => s.problem);
  const importing = usePhoneCallsStore((s) => s.importing);
  const close = usePhoneCallsStore((s) => s.close);
  const importFile = usePhoneCallsStore((s) => s.importFile);
  const fileId = useId();
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importFile(file);
  };
  return (
    <Modal title={t('phoneCalls.title')} closeLabel={t('phoneCalls.close')} onClose={close}>
      <p>{t('phoneCalls.intro')}</p>
      <div className="phone-call-import">
        <label htmlFor={fileId}>{t('phoneCalls.importLabel')}</label>
        <input id={fileId} type="file" accept=".csv,text/csv" disabled={importing !== null} onChange={onFile} />
      </div>
      <ImportOutcome />
      {problem && <ProblemAlert problem={problem} />}
      <p className="hint">{loading ? t('phoneCalls.loading') : total === 0 ? t('phoneCalls.empty') : t('phoneCalls.count', { count: total })}</p>
      <ul className="phone-calls">
        {rows.map((row) => (
          <PhoneCallItem key={`${row.id}-${row.state}-${row.call?.callId ?? ''}`} row={row} />
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={close}>
          {t('phoneCalls.close')}
        </button>
      </div>
    </Modal>
  );
}
