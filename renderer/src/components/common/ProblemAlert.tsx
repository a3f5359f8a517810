import { useTranslation } from 'react-i18next';
import { bytesLimitInMegabytes } from '../../stores/importStore';
import type { Problem } from '../../lib/problem';

/**
 * What went wrong and what to do about it, then the technical detail for a support request. With
 * `onRetry`, a button to ask again (a screen that failed to load shows this, never an empty screen).
 */
export function ProblemAlert({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert">
      <p className="alert-title">{t(`problems.${problem.kind}.title`)}</p>
      <p>{t(`problems.${problem.kind}.action`, { limit: bytesLimitInMegabytes() })}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('loop.connection.retry')}
        </button>
      )}
      {(problem.detail || problem.issues.length > 0) && (
        <details className="alert-detail">
          <summary>{t('problems.details')}</summary>
          {problem.detail && <p>{problem.detail}</p>}
          {problem.issues.length > 0 && (
            <ul>
              {problem.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </div>
  );
}
