import { useTranslation } from 'react-i18next';
import { bytesLimitInMegabytes } from '../../stores/importStore';
import type { Problem } from '../../lib/problem';

/** What went wrong and what to do about it, then the technical detail for a support request. */
export function ProblemAlert({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert">
      <p className="alert-title">{t(`problems.${problem.kind}.title`)}</p>
      <p>{t(`problems.${problem.kind}.action`, { limit: bytesLimitInMegabytes() })}</p>
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
