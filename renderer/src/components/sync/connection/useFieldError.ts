import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './settingsDraft';

/** A field problem in the rep's language. */
export function useFieldError(): (problem: FieldProblem | undefined) => string | null {
  const { t } = useTranslation();
  return (problem) => {
    if (!problem) return null;
    if (problem.key === 'min') return t('sync.settings.errors.min', { min: problem.min });
    if (problem.key === 'backend') return problem.message;
    if (problem.key === 'max') return t('sync.settings.errors.max', { max: problem.max });
    return t(`sync.settings.errors.${problem.key}`);
  };
}
