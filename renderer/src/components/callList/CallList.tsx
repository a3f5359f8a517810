import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallListStore, useLeadSearchStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { CallListCount } from './CallListCount';
import { CallListGrid, type CallListGridHandle } from './CallListGrid';
import { CallListSearch } from './CallListSearch';
import './callList.css';

/** Today's call list in queue order: search, count, and the virtualised rows that open a lead. */
export function CallList() {
  const { t } = useTranslation();
  const titleId = useId();
  const grid = useRef<CallListGridHandle>(null);
  const problem = useCallListStore((state) => state.problem);
  // An empty list is only said to be empty when it was loaded, not when loading it failed.
  const noMatches = useCallListStore((state) => state.total === 0 && state.problem === null);
  const reload = useCallListStore((state) => state.reload);
  const source = useCallListStore((state) => state.source);
  const showLeadSearch = useLeadSearchStore((state) => state.show);
  return (
    <section className="call-list" aria-labelledby={titleId}>
      <div className="toolbar">
        <h2 id={titleId}>{t('callList.title')}</h2>
        <CallListCount />
        {source && <span className="badge source-filter">{t('work.sourceFilter', { source: t(`source.${source}`) })}</span>}
        <button type="button" className="find-any" aria-keyshortcuts="F" onClick={showLeadSearch}>
          {t('loop.search.heading')} <kbd aria-hidden="true">F</kbd>
        </button>
      </div>
      <CallListSearch onLeave={() => grid.current?.focusRows()} />
      {problem && <ProblemAlert problem={problem} onRetry={reload} />}
      <CallListGrid labelledBy={titleId} ref={grid} />
      {noMatches && <p className="no-matches">{t('callList.noMatches')}</p>}
    </section>
  );
}
