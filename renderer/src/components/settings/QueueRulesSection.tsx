import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callOutcomes, recycleReasons } from '../../../../shared/contract/calls';
import { leadSources } from '../../../../shared/contract/leads';
import type { QueueRules } from '../../../../shared/contract/queueRules';
import { useRulesStore } from '../../stores/StoresContext';
import { recycleReasonLabel } from '../work/labels';
import { DurationField } from './DurationField';
import { RuleField } from './RuleField';
import { RulesSaveStatus } from './RulesSaveStatus';
import { issuesAt, queueRulesForm, queueRulesFromForm, type QueueRulesForm } from './rulesForm';
import { RulesSection } from './RulesSection';

/** Monday first, as the week is read in the office; the numbers are the rules' (0 = Sunday). */
const weekdays = [
  [1, 'mon'],
  [2, 'tue'],
  [3, 'wed'],
  [4, 'thu'],
  [5, 'fri'],
  [6, 'sat'],
  [0, 'sun'],
] as const;

/** Settings: calling hours, retry rules, speed-to-lead per source, hot score, age warning and recycle dates. */
export function QueueRulesSection() {
  const { t } = useTranslation();
  return <RulesSection rulesKey="queueRules" heading={t('workRules.queue.heading')} hint={t('workRules.queue.hint')} editor={(rules) => <QueueRulesEditor rules={rules} />} />;
}

function QueueRulesEditor({ rules }: { rules: QueueRules }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<QueueRulesForm>(() => queueRulesForm(rules));
  const save = useRulesStore((state) => state.queueSave);
  const saveQueueRules = useRulesStore((state) => state.saveQueueRules);
  const issues = save.problem?.issues ?? [];
  const patch = (change: Partial<QueueRulesForm>) => setForm((current) => ({ ...current, ...change }));
  const field = (key: 'maxAttempts' | 'dailyCap' | 'hotScore' | 'staleDays' | 'recycleReturn') => ({
    value: form[key],
    onValue: (value: string) => patch({ [key]: value }),
    issues,
  });
  const daysIssues = issuesAt(issues, 'callingHours.days');
  const daysErrorId = useId();
  return (
    <form
      className="rules-form"
      onSubmit={(event) => {
        event.preventDefault();
        void saveQueueRules(queueRulesFromForm(form));
      }}
    >
      <fieldset className="rules-group">
        <legend>{t('workRules.queue.callingHours')}</legend>
        <div className="rules-grid">
          <RuleField label={t('workRules.queue.start')} path="callingHours.start" type="time" issues={issues} value={form.start} onValue={(start) => patch({ start })} />
          <RuleField label={t('workRules.queue.end')} path="callingHours.end" type="time" issues={issues} value={form.end} onValue={(end) => patch({ end })} />
          <RuleField label={t('workRules.queue.timeZone')} path="defaultTimeZone" type="text" issues={issues} value={form.timeZone} onValue={(timeZone) => patch({ timeZone })} />
        </div>
        <fieldset className="weekdays" aria-describedby={daysIssues.length > 0 ? daysErrorId : undefined}>
          <legend>{t('workRules.queue.days')}</legend>
          {weekdays.map(([day, name]) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={form.days.includes(day)}
                onChange={(event) => patch({ days: event.target.checked ? [...form.days, day] : form.days.filter((d) => d !== day) })}
              />
              {t(`workRules.weekday.${name}`)}
            </label>
          ))}
          {daysIssues.length > 0 && (
            <span id={daysErrorId} className="field-error">
              {daysIssues.join(' / ')}
            </span>
          )}
        </fieldset>
      </fieldset>
      <div className="rules-grid">
        <RuleField label={t('workRules.queue.maxAttempts')} path="maxAttempts" min={1} {...field('maxAttempts')} />
        <RuleField label={t('workRules.queue.dailyCap')} path="dailyCapPerLead" min={1} {...field('dailyCap')} />
        <RuleField label={t('workRules.queue.hotScore')} path="hotScore" min={0} {...field('hotScore')} />
        <RuleField label={t('workRules.queue.staleDays')} path="staleDays" min={1} unit={t('workRules.queue.daysUnit')} {...field('staleDays')} />
        <DurationField label={t('workRules.queue.skipMinutes')} path="skipMinutes" issues={issues} value={form.skip} onValue={(skip) => patch({ skip })} />
        <RuleField label={t('workRules.queue.recycleReturnScore')} path="recycleReturnBehaviourScore" min={0} {...field('recycleReturn')} />
      </div>
      <fieldset className="rules-group">
        <legend>{t('workRules.queue.cooldown')}</legend>
        <div className="rules-grid">
          {callOutcomes.map((outcome) => (
            <DurationField
              key={outcome}
              label={t(`work.outcome.${outcome}`)}
              path={`cooldownMinutes.${outcome}`}
              issues={issues}
              value={form.cooldown[outcome]}
              onValue={(value) => patch({ cooldown: { ...form.cooldown, [outcome]: value } })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="rules-group">
        <legend>{t('workRules.queue.speedToLead')}</legend>
        <div className="rules-grid">
          {leadSources.map((source) => (
            <DurationField
              key={source}
              label={t(`source.${source}`)}
              path={`speedToLeadMinutes.${source}`}
              issues={issues}
              value={form.speedToLead[source]}
              onValue={(value) => patch({ speedToLead: { ...form.speedToLead, [source]: value } })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="rules-group">
        <legend>{t('workRules.queue.recycleDays')}</legend>
        <div className="rules-grid">
          {recycleReasons.map((reason) => (
            <RuleField
              key={reason}
              label={recycleReasonLabel(t, reason, null)}
              path={`recycleDays.${reason}`}
              min={1}
              unit={t('workRules.queue.daysUnit')}
              issues={issues}
              value={form.recycleDays[reason]}
              onValue={(value) => patch({ recycleDays: { ...form.recycleDays, [reason]: value } })}
            />
          ))}
        </div>
      </fieldset>
      <RulesSaveStatus save={save} savedText={(count) => t('workRules.queue.saved', { count })} />
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {t('workRules.save')}
        </button>
      </div>
    </form>
  );
}
