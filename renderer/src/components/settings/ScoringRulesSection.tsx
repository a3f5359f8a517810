import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { behaviourKinds, titleLevels, type ScoringRules } from '../../../../shared/contract/scoringRules';
import { useRulesStore } from '../../stores/StoresContext';
import { BehaviourImport } from './BehaviourImport';
import { RuleField } from './RuleField';
import { RulesSaveStatus } from './RulesSaveStatus';
import { issuesExactly, scoringRulesForm, scoringRulesFromForm, type ScoringRulesForm, type TitleLevel } from './rulesForm';
import { RulesSection } from './RulesSection';

/** Settings: the ideal customer profile as points (size, industry, title), behaviour points with decay, and the behaviour import. */
export function ScoringRulesSection() {
  const { t } = useTranslation();
  return (
    <RulesSection rulesKey="scoringRules" heading={t('workRules.scoring.heading')} hint={t('workRules.scoring.hint')} editor={(rules) => <ScoringRulesEditor rules={rules} />}>
      <BehaviourImport />
    </RulesSection>
  );
}

type Rows = 'sizeBands' | 'industries' | 'titles';

function ScoringRulesEditor({ rules }: { rules: ScoringRules }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ScoringRulesForm>(() => scoringRulesForm(rules));
  const save = useRulesStore((state) => state.scoringSave);
  const saveScoringRules = useRulesStore((state) => state.saveScoringRules);
  const issues = save.problem?.issues ?? [];
  const patch = (change: Partial<ScoringRulesForm>) => setForm((current) => ({ ...current, ...change }));
  function editRow<K extends Rows>(key: K, index: number, change: Partial<ScoringRulesForm[K][number]>) {
    setForm((current) => ({ ...current, [key]: current[key].map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  }
  function removeRow(key: Rows, index: number) {
    setForm((current) => ({ ...current, [key]: current[key].filter((_, i) => i !== index) }));
  }
  const rowLabel = (label: string, index: number) => `${label} ${t('workRules.scoring.row', { row: index + 1 })}`;
  const removeButton = (key: Rows, index: number) => (
    <button type="button" className="icon-button" aria-label={t('workRules.scoring.remove', { row: index + 1 })} onClick={() => removeRow(key, index)}>
      <span aria-hidden="true">×</span>
    </button>
  );
  return (
    <form
      className="rules-form"
      onSubmit={(event) => {
        event.preventDefault();
        void saveScoringRules(scoringRulesFromForm(form));
      }}
    >
      <fieldset className="rules-group rows-size">
        <legend>{t('workRules.scoring.sizeBands')}</legend>
        <RowHeads labels={[t('workRules.scoring.minEmployees'), t('workRules.scoring.points')]} />
        {form.sizeBands.map((band, i) => (
          <div className="rules-row" key={i}>
            <RuleField hideLabel label={rowLabel(t('workRules.scoring.minEmployees'), i)} path={`sizeBands.${i}.minEmployees`} min={0} issues={issues} value={band.minEmployees} onValue={(minEmployees) => editRow('sizeBands', i, { minEmployees })} />
            <RuleField hideLabel label={rowLabel(t('workRules.scoring.points'), i)} path={`sizeBands.${i}.points`} min={0} issues={issues} value={band.points} onValue={(points) => editRow('sizeBands', i, { points })} />
            {removeButton('sizeBands', i)}
          </div>
        ))}
        <FieldMessages messages={issuesExactly(issues, 'sizeBands')} />
        <button type="button" onClick={() => patch({ sizeBands: [...form.sizeBands, { minEmployees: '', points: '' }] })}>
          {t('workRules.scoring.add')}
        </button>
      </fieldset>
      <fieldset className="rules-group rows-industry">
        <legend>{t('workRules.scoring.industries')}</legend>
        <RowHeads labels={[t('workRules.scoring.keyword'), t('workRules.scoring.points')]} />
        {form.industries.map((industry, i) => (
          <div className="rules-row" key={i}>
            <RuleField hideLabel label={rowLabel(t('workRules.scoring.keyword'), i)} path={`industries.${i}.keyword`} type="text" issues={issues} value={industry.keyword} onValue={(keyword) => editRow('industries', i, { keyword })} />
            <RuleField hideLabel label={rowLabel(t('workRules.scoring.points'), i)} path={`industries.${i}.points`} min={0} issues={issues} value={industry.points} onValue={(points) => editRow('industries', i, { points })} />
            {removeButton('industries', i)}
          </div>
        ))}
        <FieldMessages messages={issuesExactly(issues, 'industries')} />
        <button type="button" onClick={() => patch({ industries: [...form.industries, { keyword: '', points: '' }] })}>
          {t('workRules.scoring.add')}
        </button>
        <div className="rules-grid">
          <RuleField label={t('workRules.scoring.otherIndustry')} path="otherIndustryPoints" min={0} issues={issues} value={form.otherIndustryPoints} onValue={(otherIndustryPoints) => patch({ otherIndustryPoints })} />
        </div>
      </fieldset>
      <fieldset className="rules-group rows-title">
        <legend>{t('workRules.scoring.titles')}</legend>
        <RowHeads labels={[t('workRules.scoring.level'), t('workRules.scoring.keywords'), t('workRules.scoring.points')]} />
        {form.titles.map((title, i) => (
          <div className="rules-row" key={i}>
            <TitleLevelSelect label={rowLabel(t('workRules.scoring.level'), i)} value={title.level} onChange={(level) => editRow('titles', i, { level })} />
            <RuleField hideLabel className="keywords" label={rowLabel(t('workRules.scoring.keywords'), i)} path={`titles.${i}.keywords`} type="text" issues={issues} value={title.keywords} onValue={(keywords) => editRow('titles', i, { keywords })} />
            <RuleField hideLabel label={rowLabel(t('workRules.scoring.points'), i)} path={`titles.${i}.points`} min={0} issues={issues} value={title.points} onValue={(points) => editRow('titles', i, { points })} />
            {removeButton('titles', i)}
          </div>
        ))}
        <FieldMessages messages={issuesExactly(issues, 'titles')} />
        <button type="button" onClick={() => patch({ titles: [...form.titles, { level: titleLevels[0], keywords: '', points: '' }] })}>
          {t('workRules.scoring.add')}
        </button>
      </fieldset>
      <fieldset className="rules-group">
        <legend>{t('workRules.scoring.behaviour')}</legend>
        <div className="rules-grid">
          {behaviourKinds.map((kind) => (
            <RuleField
              key={kind}
              label={t(`work.behaviourKind.${kind}`)}
              path={`behaviourPoints.${kind}`}
              min={0}
              issues={issues}
              value={form.behaviourPoints[kind]}
              onValue={(value) => patch({ behaviourPoints: { ...form.behaviourPoints, [kind]: value } })}
            />
          ))}
          <RuleField label={t('workRules.scoring.halfLife')} path="halfLifeDays" min={1} issues={issues} value={form.halfLifeDays} onValue={(halfLifeDays) => patch({ halfLifeDays })} />
          <RuleField label={t('workRules.scoring.behaviourCap')} path="behaviourCap" min={0} issues={issues} value={form.behaviourCap} onValue={(behaviourCap) => patch({ behaviourCap })} />
        </div>
      </fieldset>
      <RulesSaveStatus save={save} savedText={(count) => t('workRules.scoring.saved', { count })} />
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {t('workRules.save')}
        </button>
      </div>
    </form>
  );
}

/** Column headers over the rows of a list; the inputs carry their own names, so this is for the eye only. */
function RowHeads({ labels }: { labels: string[] }) {
  return (
    <div className="rules-row rules-row-head" aria-hidden="true">
      {labels.map((label) => (
        <span key={label}>{label}</span>
      ))}
    </div>
  );
}

function TitleLevelSelect({ label, value, onChange }: { label: string; value: TitleLevel; onChange: (level: TitleLevel) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="rule-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as TitleLevel)}>
        {titleLevels.map((level) => (
          <option key={level} value={level}>
            {t(`work.titleLevel.${level}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function FieldMessages({ messages }: { messages: string[] }) {
  return messages.length > 0 ? <p className="field-error">{messages.join(' / ')}</p> : null;
}
