import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiSettings } from '../../../../shared/contract/planner';
import { kpiSettingsOf } from '../../stores/dashboardStore';
import { useDashboardStore, useStores } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import '../dashboard/dashboard.css';

const stages = ['connect', 'conversation', 'opportunity'] as const;

interface Draft {
  goal: string;
  seconds: string;
  targets: Record<(typeof stages)[number], string>;
}

/** Rates are stored as fractions and typed as percentages; 0.3 ↔ "30". */
const toPercent = (rate: number) => String(Math.round(rate * 1000) / 10);

function draftOf(settings: KpiSettings): Draft {
  return {
    goal: String(settings.monthlyOpportunityGoal),
    seconds: String(settings.conversationSeconds),
    targets: { connect: toPercent(settings.targets.connect), conversation: toPercent(settings.targets.conversation), opportunity: toPercent(settings.targets.opportunity) },
  };
}

function wholeIn(text: string, max: number): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= max ? n : null;
}

function settingsOf(draft: Draft): KpiSettings | null {
  const goal = wholeIn(draft.goal, 10_000);
  const seconds = wholeIn(draft.seconds, 3600);
  const rates = stages.map((stage) => {
    const n = Number(draft.targets[stage]);
    return draft.targets[stage].trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : null;
  });
  if (goal === null || seconds === null || rates.some((r) => r === null)) return null;
  const [connect, conversation, opportunity] = rates as [number, number, number];
  return { monthlyOpportunityGoal: goal, conversationSeconds: seconds, targets: { connect, conversation, opportunity } };
}

/** The month's opportunity goal, what counts as a conversation, and the team's target rates. */
export function KpiSettingsSection() {
  const { t } = useTranslation();
  const stores = useStores();
  const goal = useDashboardStore((s) => s.goal);
  const [savedCount, setSavedCount] = useState(0);
  useEffect(() => {
    void stores.dashboard.getState().loadGoal();
  }, [stores]);
  const settings = goal ? kpiSettingsOf(goal) : null;
  return (
    <section className="settings-section" aria-labelledby="kpi-settings-heading">
      <h3 id="kpi-settings-heading">{t('dashboard.settings.heading')}</h3>
      <p className="hint">{t('dashboard.settings.hint')}</p>
      {settings ? <KpiSettingsForm key={JSON.stringify(settings)} initial={settings} onSaved={() => setSavedCount((n) => n + 1)} /> : <p className="hint">{t('app.loading')}</p>}
      <p role="status" className="status-line">
        {savedCount > 0 ? t('dashboard.saved') : ''}
      </p>
    </section>
  );
}

function KpiSettingsForm({ initial, onSaved }: { initial: KpiSettings; onSaved(): void }) {
  const { t } = useTranslation();
  const save = useDashboardStore((s) => s.saveSettings);
  const problem = useDashboardStore((s) => s.settingsProblem);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [invalid, setInvalid] = useState(false);
  const ids = { goal: useId(), seconds: useId(), error: useId(), connect: useId(), conversation: useId(), opportunity: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const settings = settingsOf(draft);
    setInvalid(settings === null);
    // A saved form comes back from the backend and remounts this form with the stored values.
    if (settings && (await save(settings))) onSaved();
  };
  const numberInput = (id: string, value: string, onChange: (v: string) => void, max: number, step = 1) => (
    <input
      id={id}
      type="number"
      min={0}
      max={max}
      step={step}
      value={value}
      aria-invalid={invalid}
      aria-describedby={invalid ? ids.error : undefined}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    />
  );

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="settings-row">
        <label htmlFor={ids.goal}>{t('dashboard.settings.goal')}</label>
        {numberInput(ids.goal, draft.goal, (goal) => setDraft({ ...draft, goal }), 10_000)}
        <label htmlFor={ids.seconds}>{t('dashboard.settings.conversationSeconds')}</label>
        {numberInput(ids.seconds, draft.seconds, (seconds) => setDraft({ ...draft, seconds }), 3600)}
      </div>
      <fieldset className="settings-days">
        <legend>{t('dashboard.settings.targetsLegend')}</legend>
        {stages.map((stage) => (
          <span key={stage} className="settings-inline">
            <label htmlFor={ids[stage]}>{t(`dashboard.goal.stage.${stage}`)}</label>
            {numberInput(ids[stage], draft.targets[stage], (value) => setDraft({ ...draft, targets: { ...draft.targets, [stage]: value } }), 100, 0.1)}
          </span>
        ))}
      </fieldset>
      {invalid && (
        <p id={ids.error} role="alert" className="field-error">
          {t('dashboard.settings.invalid')}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="settings-row">
        <button type="submit" className="primary">
          {t('dashboard.settings.save')}
        </button>
      </div>
    </form>
  );
}
