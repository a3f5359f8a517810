import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/callFlow';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/localTime';
import { canBeConversation } from '../../lib/callForm';
import { e164Of } from '../../../../shared/domain/dial/dialUrl';
import { useWorkStore } from '../../stores/StoresContext';
import { useDialMode } from './useDialMode';
import { ProblemAlert } from '../common/ProblemAlert';
import { CallTimer } from './CallTimer';
import { DecisionPicker } from './DecisionPicker';
import { OutcomePicker } from './OutcomePicker';
import { useDateFormat } from './useDateFormat';
import { RaisedObjections } from '../talk/RaisedObjections';

const formErrorKeys = {
  outcome_required: 'work.call.outcomeRequired',
  exclude_reason_required: 'work.call.excludeReasonRequired',
  recycle_date_required: 'work.call.recycleDateRequired',
} as const;

/** Whole minutes within a day, or unknown: what a half-typed or cleared input means. */
function minutesOf(text: string): number | null {
  const minutes = Number(text);
  return text.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > 1440 ? null : minutes;
}

/**
 * Logging the call: start (dial and time it), outcome, notes, next action, decision, then save and
 * move on. Every change is kept as the lead's draft, so a crash or a closed window loses nothing;
 * a refusal from the backend is shown here and the form is left as it was.
 */
export function CallPanel({ detail }: { detail: LeadDetail }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const headingId = useId();
  const ids = { callback: useId(), callbackError: useId(), notes: useId(), nextAction: useId(), nextActionAt: useId(), conversationHint: useId(), duration: useId(), durationHint: useId() };
  const form = useWorkStore((state) => state.form);
  const decision = useWorkStore((state) => state.decision);
  const logging = useWorkStore((state) => state.logging);
  const formError = useWorkStore((state) => state.formError);
  const logProblem = useWorkStore((state) => state.logProblem);
  const draftSavedAt = useWorkStore((state) => state.draftSavedAt);
  const draftProblem = useWorkStore((state) => state.draftProblem);
  const startCall = useWorkStore((state) => state.startCall);
  const dialMode = useDialMode();
  const editForm = useWorkStore((state) => state.editForm);
  const saveAndNext = useWorkStore((state) => state.saveAndNext);
  const discardDraft = useWorkStore((state) => state.discardDraft);
  const { lead } = detail;
  const closed = lead.status === 'excluded' || lead.status === 'qualified';
  const callbackIssue = logProblem?.issues.find((issue) => issue.path === 'callbackAt');
  return (
    <section className="call-panel" aria-labelledby={headingId}>
      <div className="call-panel-head">
        <h3 id={headingId}>{t('work.call.heading')}</h3>
        <CallTimer startedAt={form.startedAt} />
        <button type="button" aria-keyshortcuts="S" disabled={closed || lead.doNotCall || (dialMode !== 'timer' && !e164Of(lead.phone))} onClick={startCall}>
          {t('work.call.start')} <kbd aria-hidden="true">S</kbd>
        </button>
      </div>
      {closed && <p className="hint">{t('work.call.closedLead', { status: t(`status.${lead.status}`) })}</p>}
      <fieldset className="call-form" disabled={closed}>
        <OutcomePicker leadId={lead.id} outcome={form.outcome} />
        <div className="field conversation-mark">
          <label className="choice">
            <input
              type="checkbox"
              aria-describedby={ids.conversationHint}
              disabled={!canBeConversation(form.outcome)}
              checked={(form.conversation ?? false) && canBeConversation(form.outcome)}
              onChange={(event) => editForm({ conversation: event.target.checked })}
            />
            {t('loop.conversation.label')}
          </label>
          <p id={ids.conversationHint} className="hint">
            {t('loop.conversation.hint')}
          </p>
        </div>
        <RaisedObjections />
        {form.outcome === 'callback_requested' && (
          <div className="field">
            <label htmlFor={ids.callback}>{t('work.call.callbackAt')}</label>
            <input
              id={ids.callback}
              type="datetime-local"
              required
              data-shortcut-target="callbackAt"
              aria-invalid={callbackIssue ? true : undefined}
              aria-describedby={ids.callbackError}
              value={toDateTimeInput(form.callbackAt)}
              onChange={(event) => editForm({ callbackAt: fromDateTimeInput(event.target.value) })}
            />
            <p id={ids.callbackError} className={callbackIssue ? 'field-error' : 'hint'}>
              {callbackIssue ? callbackIssue.message : t('work.call.callbackHint')}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.notes}>
            {t('work.call.notes')} <kbd aria-hidden="true">M</kbd>
          </label>
          <textarea
            id={ids.notes}
            rows={5}
            data-shortcut-target="notes"
            aria-keyshortcuts="M"
            value={form.notes}
            onChange={(event) => editForm({ notes: event.target.value })}
          />
        </div>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor={ids.nextAction}>{t('work.call.nextAction')}</label>
            <input id={ids.nextAction} type="text" value={form.nextAction} onChange={(event) => editForm({ nextAction: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.nextActionAt}>{t('work.call.nextActionAt')}</label>
            <input
              id={ids.nextActionAt}
              type="datetime-local"
              value={toDateTimeInput(form.nextActionAt)}
              onChange={(event) => editForm({ nextActionAt: fromDateTimeInput(event.target.value) })}
            />
          </div>
        </div>
        {!form.startedAt && (
          <div className="field call-duration">
            <label htmlFor={ids.duration}>{t('work.call.durationMin')}</label>
            <input
              id={ids.duration}
              type="number"
              inputMode="numeric"
              min={0}
              max={1440}
              step={1}
              aria-describedby={ids.durationHint}
              value={form.durationMin ?? ''}
              onChange={(event) => editForm({ durationMin: minutesOf(event.target.value) })}
            />
            <p id={ids.durationHint} className="hint">
              {t('work.call.durationHint')}
            </p>
          </div>
        )}
        <DecisionPicker leadId={lead.id} decision={decision} />
      </fieldset>
      {formError && (
        <p role="alert" className="alert">
          {t(formErrorKeys[formError])}
        </p>
      )}
      {logProblem && (
        <div role="alert" className="alert">
          <p className="alert-title">{t(`problems.${logProblem.kind}.title`)}</p>
          <p>{logProblem.issues.length > 0 ? logProblem.issues.map((issue) => issue.message).join(' / ') : logProblem.detail}</p>
        </div>
      )}
      {draftProblem && <ProblemAlert problem={draftProblem} />}
      <div className="call-actions">
        <span role="status" className="save-status">
          {logging ? t('work.call.saving') : draftSavedAt ? t('work.call.draftSaved', { time: format.time(draftSavedAt) }) : ''}
        </span>
        <button type="button" disabled={closed || logging} onClick={() => void discardDraft()}>
          {t('work.call.clear')}
        </button>
        <button type="button" className="primary" aria-keyshortcuts="Control+Enter" disabled={closed || logging} onClick={() => void saveAndNext()}>
          {t('work.call.save')} <kbd aria-hidden="true">Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
