import { useTranslation } from 'react-i18next';
import { leadSources } from '../../../../../shared/contract/leads';
import { bantItems, callStages, type TalkScript } from '../../../../../shared/contract/talk';
import { FormField, oneOf } from '../../hearing/FormField';
import { LocalizedFields } from './LocalizedFields';
import { removeAt, replaceAt, toggled } from './talkDraft';

/** One script: who it is for (sources and stages; none ticked: anyone) and its steps. */
export function ScriptEditor({ script, onChange }: { script: TalkScript; onChange: (script: TalkScript) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="talk-item">
      <legend>{t('talk.settings.scriptLegend', { id: script.id })}</legend>
      <LocalizedFields label={t('talk.settings.scriptName')} value={script.name} onChange={(name) => onChange({ ...script, name })} />
      <fieldset className="choice-row">
        <legend>{t('talk.settings.sources')}</legend>
        {leadSources.map((source) => (
          <label key={source} className="choice">
            <input type="checkbox" checked={script.sources.includes(source)} onChange={(event) => onChange({ ...script, sources: toggled(script.sources, source, event.target.checked) })} />
            {t(`source.${source}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-row">
        <legend>{t('talk.settings.stages')}</legend>
        {callStages.map((stage) => (
          <label key={stage} className="choice">
            <input type="checkbox" checked={script.stages.includes(stage)} onChange={(event) => onChange({ ...script, stages: toggled(script.stages, stage, event.target.checked) })} />
            {t(`talk.script.stage.${stage}`)}
          </label>
        ))}
      </fieldset>
      {script.steps.map((step, i) => (
        <div key={i} className="talk-subitem">
          <LocalizedFields label={t('talk.settings.stepHeading', { n: i + 1 })} value={step.heading} onChange={(heading) => onChange({ ...script, steps: replaceAt(script.steps, i, { ...step, heading }) })} />
          <LocalizedFields label={t('talk.settings.stepBody', { n: i + 1 })} long value={step.body} onChange={(body) => onChange({ ...script, steps: replaceAt(script.steps, i, { ...step, body }) })} />
          <FormField label={t('talk.settings.stepBant', { n: i + 1 })}>
            {(props) => (
              <select
                {...props}
                value={step.bant ?? ''}
                onChange={(event) => onChange({ ...script, steps: replaceAt(script.steps, i, { ...step, bant: event.target.value === '' ? null : oneOf(bantItems, event.target.value, 'need') }) })}
              >
                <option value="">{t('talk.settings.noBant')}</option>
                {bantItems.map((item) => (
                  <option key={item} value={item}>
                    {t(`talk.script.bantItem.${item}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <button type="button" disabled={script.steps.length <= 1} onClick={() => onChange({ ...script, steps: removeAt(script.steps, i) })}>
            {t('talk.settings.removeStep', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ ...script, steps: [...script.steps, { heading: { ja: '', en: '' }, body: { ja: '', en: '' }, bant: null }] })}>
        {t('talk.settings.addStep')}
      </button>
    </fieldset>
  );
}
