import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useNavStore, useStores } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { views } from '../nav/views';
import { EmptyState } from './EmptyState';
import { RecoveryNotice } from './RecoveryNotice';

/** Loading, the first-run empty state, or the screen chosen in the navigation, with any backend problem above. */
export function MainContent() {
  const { t } = useTranslation();
  const stores = useStores();
  const info = useAppStore((state) => state.info);
  const problem = useAppStore((state) => state.problem);
  const view = useNavStore((state) => state.view);
  const Screen = (views.find((v) => v.id === view) ?? views[0]!).Component;
  return (
    <>
      {problem && <ProblemAlert problem={problem} onRetry={() => stores.start()} />}
      <RecoveryNotice />
      {!info && !problem && (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      )}
      {info &&
        (info.leadCount === 0 && view === 'calls' ? (
          <EmptyState />
        ) : (
          <Suspense
            fallback={
              <p role="status" className="loading">
                {t('app.loading')}
              </p>
            }
          >
            <Screen />
          </Suspense>
        ))}
    </>
  );
}
