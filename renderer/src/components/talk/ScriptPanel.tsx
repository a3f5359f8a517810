import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTalkStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { MergedText } from './MergedText';
import { useLocalized } from './useLocalized';
import './talk.css';

const bantKeys = { budget: 'B', authority: 'A', need: 'E', timeline: 'T' } as const;

/**
 * The talk script for the lead, beside the call log (G opens and closes it, in place of the prep
 * column): the script chosen for the lead's source and stage, the lead's fields merged in, each
 * BANT step marked with the key that jumps to that part of the hearing.
 */
export function ScriptPanel({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const headingId = useId();
  const load = useTalkStore((state) => state.load);
  const talk = useTalkStore((state) => (state.leadId === leadId ? state.talk : null));
  const problem = useTalkStore((state) => state.problem);
  const toggle = useTalkStore((state) => state.toggleScript);

  useEffect(() => {
    void load(leadId);
  }, [load, leadId]);

  return (
    <section className="prep-column script-panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h3 id={headingId} tabIndex={-1} data-shortcut-target="script">
          {talk ? t('talk.script.named', { name: localized(talk.script.name) }) : t('talk.script.heading')}
        </h3>
        <button type="button" aria-keyshortcuts="G" onClick={toggle}>
          {t('talk.script.close')} <kbd aria-hidden="true">G</kbd>
        </button>
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {!talk && !problem && <p className="hint">{t('talk.script.loading')}</p>}
      {talk && (
        <>
          <p className="hint">
            {t(`talk.script.stage.${talk.stage}`)} · {t('talk.script.missingHint')}
          </p>
          <ol className="script-steps">
            {talk.script.steps.map((step, i) => (
              <li key={i} className="script-step">
                <div className="script-step-head">
                  <h4>{localized(step.heading)}</h4>
                  {step.bant && (
                    <span className="badge bant-badge">
                      {t('talk.script.bant', { item: t(`talk.script.bantItem.${step.bant}`) })} <kbd aria-hidden="true">{bantKeys[step.bant]}</kbd>
                    </span>
                  )}
                </div>
                <p className="script-body">
                  <MergedText text={localized(step.body)} values={talk.values} />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
