import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallListStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { CallListCount } from './CallListCount';
import { CallListGrid } from './CallListGrid';
import { CallListSearch } from './CallListSearch';

export function CallList() {
  const { t } = useTranslation();
  const titleId = useId();
  const problem = useCallListStore((state) => state.problem);
  const noMatches = useCallListStore((state) => state.total === 0);
  return (
    <section className="call-list" aria-labelledby={titleId}>
      <div className="toolbar">
        <h2 id={titleId}>{t('callList.title')}</h2>
        <CallListSearch />
        <CallListCount />
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <CallListGrid labelledBy={titleId} />
      {noMatches && <p className="no-matches">{t('callList.noMatches')}</p>}
    </section>
  );
}
