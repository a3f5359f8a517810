import { useTranslation } from 'react-i18next';
import type { RulesSave } from '../../stores/rulesStore';
import { ProblemAlert } from '../common/ProblemAlert';

/** Under a rules form: what the save did, or why it was refused (each message also sits at its field). */
export function RulesSaveStatus({ save, savedText }: { save: RulesSave; savedText: (count: number) => string }) {
  const { t } = useTranslation();
  const problem = save.problem;
  return (
    <>
      <p role="status" className="status-line">
        {save.busy ? t('workRules.saving') : save.changed !== null ? savedText(save.changed) : ''}
      </p>
      {problem?.kind === 'invalid_input' ? (
        <div role="alert" className="alert">
          <p className="alert-title">{t('workRules.invalid')}</p>
          <ul>
            {problem.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        problem && <ProblemAlert problem={problem} />
      )}
    </>
  );
}
