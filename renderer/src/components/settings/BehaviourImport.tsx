import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { translateRowReason } from '../../lib/rowReason';
import { useRulesStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';

/** Behaviour events (web visits, downloads, trials, quotes, seminars) from a CSV; their leads are re-scored. */
export function BehaviourImport() {
  const { t } = useTranslation();
  const headingId = useId();
  const fileId = useId();
  const { busy, problem, result } = useRulesStore((state) => state.behaviourImport);
  const importBehaviour = useRulesStore((state) => state.importBehaviour);
  return (
    <section className="behaviour-import" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('workRules.behaviourImport.heading')}</h4>
      <p className="hint">{t('workRules.behaviourImport.hint')}</p>
      <label htmlFor={fileId}>{t('workRules.behaviourImport.file')}</label>
      <input
        id={fileId}
        type="file"
        accept=".csv,text/csv"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so choosing the same file again (after fixing it) imports it again.
          event.target.value = '';
          if (file) void importBehaviour(file);
        }}
      />
      <p role="status" className="status-line">
        {busy
          ? t('workRules.behaviourImport.importing')
          : result
            ? t('workRules.behaviourImport.done', { imported: result.imported, duplicates: result.duplicates, rescored: result.rescored, invalid: result.invalid.length })
            : ''}
      </p>
      {problem && <ProblemAlert problem={problem} />}
      {result && result.invalid.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('workRules.behaviourImport.invalidHeading')}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('workRules.behaviourImport.row')}
                </th>
                <th scope="col">{t('workRules.behaviourImport.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {result.invalid.map((row) => (
                <tr key={row.row}>
                  <td className="numeric">{row.row}</td>
                  <td>{row.reasons.map((reason) => translateRowReason(t, reason)).join(' / ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
