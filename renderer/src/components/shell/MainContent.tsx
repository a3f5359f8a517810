import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/StoresContext';
import { CallList } from '../callList/CallList';
import { ProblemAlert } from '../common/ProblemAlert';
import { EmptyState } from './EmptyState';

/** Loading, the first-run empty state, or the call list, with any backend problem above. */
export function MainContent() {
  const { t } = useTranslation();
  const info = useAppStore((state) => state.info);
  const problem = useAppStore((state) => state.problem);
  return (
    <>
      {problem && <ProblemAlert problem={problem} />}
      {!info && !problem && (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      )}
      {info && (info.leadCount === 0 ? <EmptyState /> : <CallList />)}
    </>
  );
}
