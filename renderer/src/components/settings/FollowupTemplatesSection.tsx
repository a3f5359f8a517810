import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followupFieldNames, followupTemplatesSchema, type FollowupTemplate } from '../../../../shared/contract/followup';
import { zodErrorMap } from '../../lib/zodLocale';
import { useFollowupTemplatesStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { FormField } from '../hearing/FormField';
import { LocalizedFields } from './talk/LocalizedFields';

/**
 * Settings → follow-up mail: the team's four templates (お礼, 資料送付, 日程調整, アポ確定), each
 * subject and body in Japanese and English with the lead's fields merged in. Saved whole; Koma's
 * own templates are one button away.
 */
export function FollowupTemplatesSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const templates = useFollowupTemplatesStore((s) => s.templates);
  const problem = useFollowupTemplatesStore((s) => s.problem);
  const load = useFollowupTemplatesStore((s) => s.load);
  const status = useFollowupTemplatesStore((s) => s.status);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('followup.settings.heading')}</h3>
      <p className="hint">{t('followup.settings.hint', { fields: followupFieldNames.map((n) => `{{${n}}}`).join(' ') })}</p>
      {problem && !templates && <ProblemAlert problem={problem} onRetry={() => void load()} />}
      {templates ? <TemplatesForm key={JSON.stringify(templates)} initial={templates} /> : !problem && <p className="hint">{t('app.loading')}</p>}
      <p role="status" className="status-line">
        {status === 'saved' ? t('followup.settings.saved') : ''}
      </p>
    </section>
  );
}

function TemplatesForm({ initial }: { initial: FollowupTemplate[] }) {
  const { t, i18n } = useTranslation();
  const save = useFollowupTemplatesStore((s) => s.save);
  const defaults = useFollowupTemplatesStore((s) => s.defaults);
  const problem = useFollowupTemplatesStore((s) => s.problem);
  const saving = useFollowupTemplatesStore((s) => s.status === 'saving');
  const [draft, setDraft] = useState(initial);
  const [index, setIndex] = useState(0);
  const [issues, setIssues] = useState<string[]>([]);
  const template = draft[index]!;
  const edit = (patch: Partial<FollowupTemplate>) => {
    setDraft(draft.map((tpl, i) => (i === index ? { ...tpl, ...patch } : tpl)));
    setIssues([]);
  };
  const onSave = async () => {
    const parsed = followupTemplatesSchema.safeParse(draft, { error: zodErrorMap(i18n.language) });
    if (!parsed.success) {
      setIssues(
        parsed.error.issues.map((issue) => {
          const named = issue.code === 'custom' && typeof issue.params?.problem === 'string' ? t(`talk.settings.problem.${issue.params.problem}` as 'talk.settings.problem.emptyText') : issue.message;
          const which = typeof issue.path[0] === 'number' ? t(`followup.kind.${draft[issue.path[0]]!.kind}`) : '';
          return `${which} ${issue.path.slice(1).join('.')}: ${named}`.trim();
        }),
      );
      return;
    }
    await save(parsed.data);
  };
  return (
    <div className="talk-editor">
      <FormField label={t('followup.settings.which')}>
        {(props) => (
          <select {...props} value={index} onChange={(event) => setIndex(Number(event.target.value))}>
            {draft.map((tpl, i) => (
              <option key={tpl.id} value={i}>
                {t(`followup.kind.${tpl.kind}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset key={template.id}>
        <legend>{t(`followup.kind.${template.kind}`)}</legend>
        <LocalizedFields label={t('followup.subject')} value={template.subject} onChange={(subject) => edit({ subject })} />
        <LocalizedFields label={t('followup.body')} value={template.body} onChange={(body) => edit({ body })} long />
      </fieldset>
      {issues.length > 0 && (
        <div role="alert" className="alert">
          <p className="alert-title">{t('talk.settings.invalid')}</p>
          <ul>
            {issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="inline-form">
        <button type="button" className="primary" disabled={saving} onClick={() => void onSave()}>
          {t('followup.settings.save')}
        </button>
        <button type="button" disabled={saving || !defaults} onClick={() => defaults && setDraft(defaults)}>
          {t('followup.settings.restoreDefaults')}
        </button>
      </div>
    </div>
  );
}
