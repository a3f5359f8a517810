import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupContext, FollowupFieldName, FollowupTemplate } from '../../../../shared/contract/followup';
import { mergeMail } from '../../../../shared/domain/followup/mail';
import { isComposing } from '../../lib/keys';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/localTime';
import { useFollowupStore } from '../../stores/StoresContext';
import { Modal, ModalCancelButton } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { useDateFormat } from '../work/useDateFormat';

type Language = 'ja' | 'en';

/** The appointment as the prospect reads it: their time zone, the rep's language (12月10日(木) 14:00). */
function appointmentText(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { timeZone, month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function valuesFor(context: FollowupContext, language: Language): Record<FollowupFieldName, string | null> {
  const { appointment } = context.values;
  return { ...context.values, appointment: appointment ? appointmentText(appointment, context.timeZone, language) : null };
}

/**
 * W after a logged call: choose お礼 / 資料送付 / 日程調整 / アポ確定 (1–4 or the arrow keys), read and
 * adjust the merged mail, optionally set when to follow up, and Ctrl+Enter opens it in the rep's
 * mail app. Recorded on the timeline and for the CRM first; never during an IME conversion.
 */
export function FollowupDialog() {
  const { t } = useTranslation();
  const target = useFollowupStore((state) => state.target);
  const context = useFollowupStore((state) => state.context);
  const loading = useFollowupStore((state) => state.loading);
  const problem = useFollowupStore((state) => state.problem);
  const close = useFollowupStore((state) => state.close);
  if (!target) return null;
  return (
    <Modal title={t('followup.title', { lead: target.leadName })} closeLabel={t('work.dialog.close')} onClose={close}>
      {loading && <p role="status">{t('followup.loading')}</p>}
      {context ? (
        <FollowupForm key={target.leadId} context={context} />
      ) : (
        <>
          {problem && <ProblemAlert problem={problem} />}
          <div className="dialog-actions">
            <ModalCancelButton>{t('work.dialog.close')}</ModalCancelButton>
          </div>
        </>
      )}
    </Modal>
  );
}

function FollowupForm({ context }: { context: FollowupContext }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'ja';
  const sending = useFollowupStore((state) => state.sending);
  const problem = useFollowupStore((state) => state.problem);
  const done = useFollowupStore((state) => state.done);
  const send = useFollowupStore((state) => state.send);
  const format = useDateFormat();
  const ids = { intro: useId(), to: useId(), subject: useId(), body: useId(), due: useId(), dueHint: useId(), missing: useId() };
  const values = useMemo(() => valuesFor(context, language), [context, language]);
  const placeholder = (field: FollowupFieldName) => `［${t(`followup.field.${field}`)}］`;
  const first = context.templates[0] ?? null;
  const [chosen, setChosen] = useState<FollowupTemplate | null>(first);
  const [to, setTo] = useState(context.email ?? '');
  const [subject, setSubject] = useState(() => (first ? mergeMail(first, language, values, placeholder).subject : ''));
  const [body, setBody] = useState(() => (first ? mergeMail(first, language, values, placeholder).body : ''));
  const [dueAt, setDueAt] = useState<string | null>(null);
  const merged = chosen ? mergeMail(chosen, language, values, placeholder) : null;
  // The form arrives after the dialog opened (its context is read first): the keyboard starts on the chosen template.
  useEffect(() => {
    if (first) document.getElementById(`followup-template-${first.id}`)?.focus();
  }, [first]);

  const choose = (template: FollowupTemplate) => {
    const mail = mergeMail(template, language, values, placeholder);
    setChosen(template);
    setSubject(mail.subject);
    setBody(mail.body);
  };
  const submit = () => {
    if (!chosen || sending || done || subject.trim() === '') return;
    void send({ templateId: chosen.id, kind: chosen.kind, to: to.trim() || null, subject: subject.trim(), body, dueAt });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (isComposing(event.nativeEvent)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
      return;
    }
    // 1–4 choose a template, unless the rep is typing in a field.
    const typing = event.target instanceof HTMLTextAreaElement || (event.target instanceof HTMLInputElement && event.target.type !== 'radio');
    const template = context.templates[Number(event.key) - 1];
    if (!typing && !event.ctrlKey && !event.altKey && !event.metaKey && template && !done) {
      event.preventDefault();
      choose(template);
      document.getElementById(`followup-template-${template.id}`)?.focus();
    }
  };

  return (
    <form
      className="dialog-form followup-dialog"
      aria-describedby={ids.intro}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p id={ids.intro} className="hint">
        {t('followup.intro')}
      </p>
      <fieldset>
        <legend>{t('followup.templates')}</legend>
        {context.templates.map((template, index) => (
          <label key={template.id} className="choice">
            <input
              id={`followup-template-${template.id}`}
              type="radio"
              name="followup-template"
              aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
              checked={chosen?.id === template.id}
              onChange={() => choose(template)}
              disabled={done !== null}
            />
            {template.name[language] || template.name[language === 'ja' ? 'en' : 'ja']} <kbd aria-hidden="true">{index + 1}</kbd>
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.to}>{t('followup.to')}</label>
      <input id={ids.to} type="email" value={to} maxLength={254} onChange={(event) => setTo(event.target.value)} readOnly={done !== null} />
      <label htmlFor={ids.subject}>{t('followup.subject')}</label>
      <input id={ids.subject} type="text" required value={subject} maxLength={500} onChange={(event) => setSubject(event.target.value)} readOnly={done !== null} />
      <label htmlFor={ids.body}>{t('followup.body')}</label>
      <textarea
        id={ids.body}
        rows={10}
        value={body}
        maxLength={20_000}
        onChange={(event) => setBody(event.target.value)}
        readOnly={done !== null}
        aria-describedby={merged && merged.missing.length > 0 ? ids.missing : undefined}
      />
      {merged && merged.missing.length > 0 && (
        <p id={ids.missing} className="hint">
          {t('followup.missing', { list: merged.missing.map((field) => t(`followup.field.${field}`)).join(t('loop.listSeparator')) })}
        </p>
      )}
      <label htmlFor={ids.due}>{t('followup.dueAt')}</label>
      <input
        id={ids.due}
        type="datetime-local"
        aria-describedby={ids.dueHint}
        value={toDateTimeInput(dueAt)}
        onChange={(event) => setDueAt(fromDateTimeInput(event.target.value))}
        readOnly={done !== null}
      />
      <p id={ids.dueHint} className="hint">
        {t('followup.dueHint')}
      </p>
      {problem && <ProblemAlert problem={problem} />}
      {done && (
        <div role="status">
          <p>{t(done.channel === 'mailto' ? 'followup.openedMailto' : 'followup.savedEml')}</p>
          {done.callbackAt && <p>{t('followup.callback', { at: format.dateTime(done.callbackAt) })}</p>}
          {done.moved && <p>{t('followup.moved', { from: format.dateTime(done.moved.from), to: format.dateTime(done.moved.to) })}</p>}
        </div>
      )}
      <div className="dialog-actions">
        <ModalCancelButton>{t('work.dialog.close')}</ModalCancelButton>
        {!done && (
          <button type="submit" className="primary" aria-keyshortcuts="Control+Enter" disabled={!chosen || sending || subject.trim() === ''}>
            {sending ? t('followup.opening') : t('followup.open')}
          </button>
        )}
      </div>
    </form>
  );
}
