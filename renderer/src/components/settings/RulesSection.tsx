import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesState } from '../../stores/rulesStore';
import { useRulesStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import './rules.css';

/**
 * A settings section over one set of work rules: loads them, says why it could not, and shows the
 * editor once they are in. The queue's and the scoring's sections differ only in what they edit.
 */
export function RulesSection<K extends 'queueRules' | 'scoringRules'>({
  rulesKey,
  heading,
  hint,
  editor,
  children,
}: {
  rulesKey: K;
  heading: string;
  hint: string;
  editor: (rules: NonNullable<RulesState[K]>) => ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const rules = useRulesStore((state) => state[rulesKey]);
  const loadProblem = useRulesStore((state) => state.loadProblem);
  const load = useRulesStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section rules-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <p className="hint">{hint}</p>
      {loadProblem && <ProblemAlert problem={loadProblem} />}
      {rules ? editor(rules as NonNullable<RulesState[K]>) : !loadProblem && <p className="hint">{t('workRules.loading')}</p>}
      {children}
    </section>
  );
}
