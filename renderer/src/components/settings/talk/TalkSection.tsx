import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeFieldNames, talkSetSchema, type ObjectionCard, type TalkScript, type TalkSet } from '../../../../../shared/contract/talk';
import { unknownFields } from '../../../../../shared/domain/talk/merge';
import { readFileBytes } from '../../../lib/readFileBytes';
import { zodErrorMap } from '../../../lib/zodLocale';
import { useTalkSettingsStore } from '../../../stores/StoresContext';
import { ProblemAlert } from '../../common/ProblemAlert';
import { FormField } from '../../hearing/FormField';
import { CardEditor } from './CardEditor';
import { ScriptEditor } from './ScriptEditor';
import { newCard, newScript, removeAt, replaceAt } from './talkDraft';
import { useLocalized } from '../../talk/useLocalized';
import '../../talk/talk.css';

type Picked = { kind: 'card' | 'script'; index: number };

const textsOf = (item: ObjectionCard | TalkScript): string[] =>
  'answers' in item ? item.answers.flatMap((a) => [a.ja, a.en]) : item.steps.flatMap((s) => [s.body.ja, s.body.en, s.heading.ja, s.heading.en]);

/**
 * Settings: the team's scripts and objection cards, one item at a time (chosen in a list), each text
 * in Japanese and English. Saving makes a new version; the file exported here is what teammates
 * import, so a team shares one set.
 */
export function TalkSection() {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const headingId = useId();
  const fileId = useId();
  const { view, problem, saving, done, load, save, exportFile, importFile } = useTalkSettingsStore((s) => s);
  const [draft, setDraft] = useState<TalkSet | null>(null);
  const [picked, setPicked] = useState<Picked>({ kind: 'card', index: 0 });
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const [importFailed, setImportFailed] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);

  const set = draft ?? view?.set ?? null;
  const edit = (next: TalkSet) => {
    setDraft(next);
    setIssues([]);
  };
  const item = set ? (picked.kind === 'card' ? set.cards[picked.index] : set.scripts[picked.index]) : undefined;
  const unknown = item ? [...new Set(textsOf(item).flatMap(unknownFields))] : [];

  const onSave = async () => {
    if (!set) return;
    const parsed = talkSetSchema.safeParse(set, { error: zodErrorMap(i18n.language) });
    if (!parsed.success) {
      // Zod's own messages come in the rep's language (zodErrorMap); Koma's rules name their problem.
      const problemOf = (i: (typeof parsed.error.issues)[number]) => (i.code === 'custom' && typeof i.params?.problem === 'string' ? i.params.problem : null);
      setIssues(
        parsed.error.issues.map((i) => {
          const problem = problemOf(i);
          return { path: i.path.join('.'), message: problem ? t(`talk.settings.problem.${problem}` as 'talk.settings.problem.emptyText') : i.message };
        }),
      );
      return;
    }
    if (await save(parsed.data)) setDraft(null);
  };
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportFailed(false);
    const text = new TextDecoder('utf-8').decode(await readFileBytes(file));
    const imported = await importFile(text);
    setImportFailed(!imported);
    if (imported) {
      setDraft(null);
      setPicked({ kind: 'card', index: 0 });
    }
  };

  return (
    <section className="settings-section talk-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('talk.settings.heading')}</h3>
      <p className="hint">{t('talk.settings.hint')}</p>
      {view && <p>{t('talk.settings.version', { version: view.version, origin: t(`talk.settings.origin.${view.origin}`) })}</p>}
      <p role="status" className="status-line">
        {done?.kind === 'saved' ? t('talk.settings.saved', { version: done.version }) : done?.kind === 'imported' ? t('talk.settings.imported', { version: done.version }) : done?.kind === 'exported' ? t('talk.settings.exported', { fileName: done.fileName }) : ''}
      </p>
      {importFailed && (
        <p role="alert" className="alert">
          {t('talk.settings.importRefused')}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="inline-form">
        <button type="button" onClick={() => void exportFile()} disabled={!view}>
          {t('talk.settings.export')}
        </button>
        <label htmlFor={fileId}>{t('talk.settings.import')}</label>
        <input id={fileId} type="file" accept=".json,application/json" disabled={saving} onChange={(event) => void onImport(event)} />
      </div>
      {set && (
        <>
          <div className="inline-form">
            <FormField label={t('talk.settings.pick')}>
              {(props) => (
                <select
                  {...props}
                  value={`${picked.kind}:${picked.index}`}
                  onChange={(event) => {
                    const [kind, index] = event.target.value.split(':');
                    setPicked({ kind: kind === 'script' ? 'script' : 'card', index: Number(index) });
                  }}
                >
                  <optgroup label={t('talk.settings.cards')}>
                    {set.cards.map((card, i) => (
                      <option key={card.id} value={`card:${i}`}>
                        {localized(card.title) || card.id}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('talk.settings.scripts')}>
                    {set.scripts.map((script, i) => (
                      <option key={script.id} value={`script:${i}`}>
                        {localized(script.name) || script.id}
                      </option>
                    ))}
                  </optgroup>
                </select>
              )}
            </FormField>
            <button
              type="button"
              onClick={() => {
                edit({ ...set, cards: [...set.cards, newCard(set)] });
                setPicked({ kind: 'card', index: set.cards.length });
              }}
            >
              {t('talk.settings.addCard')}
            </button>
            <button
              type="button"
              onClick={() => {
                edit({ ...set, scripts: [...set.scripts, newScript(set)] });
                setPicked({ kind: 'script', index: set.scripts.length });
              }}
            >
              {t('talk.settings.addScript')}
            </button>
            <button
              type="button"
              className="danger-outline"
              disabled={(picked.kind === 'card' ? set.cards : set.scripts).length <= 1}
              onClick={() => {
                edit(picked.kind === 'card' ? { ...set, cards: removeAt(set.cards, picked.index) } : { ...set, scripts: removeAt(set.scripts, picked.index) });
                setPicked({ kind: picked.kind, index: 0 });
              }}
            >
              {t('talk.settings.remove')}
            </button>
          </div>
          <p className="hint">{t('talk.settings.editorHint', { fields: mergeFieldNames.map((n) => `{{${n}}}`).join(' ') })}</p>
          {unknown.length > 0 && <p className="field-error">{t('talk.settings.unknownFields', { names: unknown.map((n) => `{{${n}}}`).join(' ') })}</p>}
          {item && picked.kind === 'card' && <CardEditor key={`card-${picked.index}`} card={item as ObjectionCard} onChange={(card) => edit({ ...set, cards: replaceAt(set.cards, picked.index, card) })} />}
          {item && picked.kind === 'script' && (
            <ScriptEditor key={`script-${picked.index}`} script={item as TalkScript} onChange={(script) => edit({ ...set, scripts: replaceAt(set.scripts, picked.index, script) })} />
          )}
          {issues.length > 0 && (
            <div role="alert" className="alert">
              <p className="alert-title">{t('talk.settings.invalid')}</p>
              <ul>
                {issues.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>
                    <code>{issue.path}</code> {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="inline-form">
            <button type="button" className="primary" disabled={!draft || saving} onClick={() => void onSave()}>
              {t('talk.settings.save')}
            </button>
            <button type="button" disabled={!draft || saving} onClick={() => edit(view!.set)}>
              {t('talk.settings.reset')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
