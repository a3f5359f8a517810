import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { HandoffDetail } from './HandoffDetail';
import { HandoffDialog } from './HandoffDialog';
import { HandoffFilters } from './HandoffFilters';
import { HandoffTable } from './HandoffTable';
import './handoffs.css';

/** The handoffs screen: every handoff with its sync state and field sales' answer, the selected one's package, exports. */
export function HandoffsView() {
  const { t } = useTranslation();
  const titleId = useId();
  const load = useHandoffStore((state) => state.load);
  const rows = useHandoffStore((state) => state.rows);
  const filtered = useHandoffStore((state) => state.stateFilter !== null || state.fieldStateFilter !== null || state.searchText.trim() !== '');
  const problem = useHandoffStore((state) => state.problem);
  const savedFile = useHandoffStore((state) => state.savedFile);
  const exportAll = useHandoffStore((state) => state.exportAll);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="handoffs-view" aria-labelledby={titleId}>
      <div className="toolbar">
        <h2 id={titleId}>{t('handoffs.title')}</h2>
        <HandoffFilters />
        {rows && <span className="muted">{t('handoffs.count', { count: rows.length })}</span>}
        <div className="toolbar-actions">
          <button type="button" onClick={() => void exportAll('csv')}>
            {t('handoffs.export.csv')}
          </button>
          <button type="button" onClick={() => void exportAll('json')}>
            {t('handoffs.export.json')}
          </button>
        </div>
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <p role="status" className="status-line">
        {savedFile ? t('handoffs.export.done', { fileName: savedFile }) : ''}
      </p>
      <div className="handoffs-split">
        <div className="handoffs-list">
          <HandoffTable labelledBy={titleId} />
          {rows?.length === 0 && <p className="no-matches">{filtered ? t('handoffs.noMatches') : t('handoffs.empty')}</p>}
        </div>
        <HandoffDetail />
      </div>
      <HandoffDialog kind="edit" />
    </section>
  );
}
