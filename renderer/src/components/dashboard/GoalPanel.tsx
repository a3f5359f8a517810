import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalPlanView } from '../../../../shared/contract/planner';
import { funnelStages } from '../../../../shared/domain/kpi/goal';
import { useNumberFormat } from '../../hooks/useNumberFormat';
import { useDashboardStore } from '../../stores/StoresContext';
import { goalSentence } from './goalSentence';
import { RateValue } from './RateValue';
import { usePercent } from './usePercent';

const maxGoal = 10_000;

/** THE MODEL worked backward: this month's goal, what is still needed at the rep's own rates, and whether the plan gets there. */
export function GoalPanel({ goal }: { goal: GoalPlanView }) {
  const { t, i18n } = useTranslation();
  const n = useNumberFormat();
  const percent = usePercent();
  const headingId = useId();
  const [saved, setSaved] = useState(false);
  const sentence = goalSentence(goal);
  const month = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(new Date(`${goal.month}-01T00:00:00Z`));
  const count = (value: number | null) => (value === null ? t('dashboard.noData') : t('dashboard.goal.countUnit', { value: n(value) }));
  const slots = (value: number | null) => (value === null ? t('dashboard.noData') : t('dashboard.goal.slotUnit', { value: n(value) }));
  const bottleneck = goal.bottleneck;
  const bottleneckRate = bottleneck ? goal.rates[bottleneck] : null;

  return (
    <section className="dashboard-card goal-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('dashboard.goal.heading', { month })}</h3>
      <p className={`goal-sentence goal-${goal.status}`}>
        {sentence.key === 'short'
          ? t('dashboard.goal.sentence.short', { count: sentence.count })
          : sentence.key === 'not_enough_data'
            ? t(`dashboard.goal.sentence.not_enough_data.${sentence.missing}`)
            : t(`dashboard.goal.sentence.${sentence.key}`)}
      </p>
      {goal.assumed.length > 0 && (
        <p className="hint goal-assumed">
          {t('loop.goal.assumed', { stages: goal.assumed.map((stage) => `${t(`dashboard.goal.stage.${stage}`)} ${percent(goal.targets[stage])}`).join(t('loop.listSeparator')) })}
        </p>
      )}
      {bottleneck && bottleneckRate !== null && (
        <p className="bottleneck">
          {t('dashboard.goal.bottleneck', { stage: t(`dashboard.goal.stage.${bottleneck}`), rate: percent(bottleneckRate), target: percent(goal.targets[bottleneck]) })}
        </p>
      )}
      <div className="goal-figures">
        <GoalForm
          key={goal.goal}
          goal={goal.goal}
          onSaved={() => setSaved(true)}
          onEdit={() => setSaved(false)}
        />
        <dl className="goal-facts">
          <div>
            <dt>{t('dashboard.goal.achieved')}</dt>
            <dd>{n(goal.achieved)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.goal.remaining')}</dt>
            <dd>{n(goal.remaining)}</dd>
          </div>
        </dl>
      </div>
      <p role="status" className="status-line">
        {saved ? t('dashboard.saved') : ''}
      </p>
      <table className="data-table">
        <caption>{t('dashboard.goal.ratesHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.goal.stageColumn')}</th>
            <th scope="col" className="numeric">
              {t('dashboard.goal.measured')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.goal.target')}
            </th>
          </tr>
        </thead>
        <tbody>
          {funnelStages.map((stage) => (
            <tr key={stage} className={stage === bottleneck ? 'is-bottleneck' : undefined}>
              <th scope="row">{t(`dashboard.goal.stage.${stage}`)}</th>
              <td className="numeric">
                <RateValue rate={goal.rates[stage]} />
                {goal.assumed.includes(stage) && <span className="hint"> ({t('loop.goal.assumedMark')})</span>}
              </td>
              <td className="numeric">{percent(goal.targets[stage])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table">
        <caption>{t('dashboard.goal.neededHeading')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('dashboard.goal.needed.conversations')}</th>
            <td className="numeric">{count(goal.conversationsNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">{t('dashboard.goal.needed.connects')}</th>
            <td className="numeric">{count(goal.connectsNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">{t('dashboard.goal.needed.dials')}</th>
            <td className="numeric">{count(goal.dialsNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">{t('dashboard.goal.needed.dialsPerSlot')}</th>
            <td className="numeric">{goal.dialsPerSlot === null ? t('dashboard.noData') : count(Math.round(goal.dialsPerSlot * 10) / 10)}</td>
          </tr>
          <tr>
            <th scope="row">{t('dashboard.goal.needed.callSlotsNeeded')}</th>
            <td className="numeric">{slots(goal.callSlotsNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">{t('dashboard.goal.needed.callSlotsPlanned')}</th>
            <td className="numeric">{slots(goal.callSlotsPlanned)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function GoalForm({ goal, onSaved, onEdit }: { goal: number; onSaved(): void; onEdit(): void }) {
  const { t } = useTranslation();
  const saveGoal = useDashboardStore((s) => s.saveGoal);
  const inputId = useId();
  const [value, setValue] = useState(String(goal));
  const parsed = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= maxGoal;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (valid && (await saveGoal(parsed))) onSaved();
  };
  return (
    <form className="goal-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>{t('dashboard.goal.editGoal')}</label>
      <input
        id={inputId}
        type="number"
        min={0}
        max={maxGoal}
        value={value}
        aria-invalid={!valid}
        onChange={(event) => {
          setValue(event.target.value);
          onEdit();
        }}
      />
      <button type="submit" disabled={!valid || parsed === goal}>
        {t('dashboard.goal.saveGoal')}
      </button>
    </form>
  );
}
