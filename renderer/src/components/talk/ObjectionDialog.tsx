import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectionCard } from '../../../../shared/contract/talk';
import { isComposing } from '../../lib/keys';
import { useTalkStore, useWorkStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import { ProblemAlert } from '../common/ProblemAlert';
import { MergedText } from './MergedText';
import { useLocalized } from './useLocalized';


/** One empty list, so the store selector returns the same value while nothing is marked. */
const noObjections: readonly string[] = [];
/** Folded for search: full-width letters and half-width kana as their usual forms, any case. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

function matches(card: ObjectionCard, query: string): boolean {
  if (query === '') return true;
  const texts = [card.title.ja, card.title.en, ...card.answers.flatMap((a) => [a.ja, a.en])];
  return texts.some((text) => fold(text).includes(query));
}

/**
 * The objection cards (O): search by what the prospect said, read the suggested answers, and mark
 * the ones raised in this call. The marks go into the call form, so they are saved with its draft
 * and logged with the call. Enter in the search (never during an IME conversion) marks the first match.
 */
export function ObjectionDialog({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const searchId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const load = useTalkStore((state) => state.load);
  const talk = useTalkStore((state) => (state.leadId === leadId ? state.talk : null));
  const problem = useTalkStore((state) => state.problem);
  const close = useTalkStore((state) => state.closeCards);
  const raised = useWorkStore((state) => state.form.objections ?? noObjections);
  const editForm = useWorkStore((state) => state.editForm);

  useEffect(() => {
    void load(leadId);
  }, [load, leadId]);

  const shown = talk ? talk.cards.filter((card) => matches(card, fold(query.trim()))) : [];
  const toggle = (cardId: string) => {
    if (!talk) return;
    const next = raised.includes(cardId) ? raised.filter((id) => id !== cardId) : [...raised, cardId];
    editForm({ objections: next, talkVersion: talk.version });
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || isComposing(event)) return;
    event.preventDefault();
    const first = shown[0];
    if (first) toggle(first.id);
  };

  return (
    <Modal title={t('talk.cards.title')} closeLabel={t('work.dialog.close')} onClose={close}>
      <div className="objection-dialog">
        <div className="field">
          <label htmlFor={searchId}>{t('talk.cards.search')}</label>
          <input id={searchId} type="search" data-transient="true" aria-describedby={hintId} value={query} onChange={(event) => setQuery(event.target.value)} onKeyDown={onSearchKey} />
          <p id={hintId} className="hint">
            {t('talk.cards.searchHint')}
          </p>
        </div>
        {problem && <ProblemAlert problem={problem} />}
        {talk && shown.length === 0 && <p className="hint">{t('talk.cards.none')}</p>}
        {talk && (
          <ul className="objection-cards">
            {shown.map((card) => {
              const title = localized(card.title);
              const isRaised = raised.includes(card.id);
              return (
                <li key={card.id} className={`objection-card${isRaised ? ' is-raised' : ''}`}>
                  <label className="choice">
                    <input type="checkbox" checked={isRaised} onChange={() => toggle(card.id)} />
                    <strong>{title}</strong> <span className="hint">{t('talk.cards.raised')}</span>
                  </label>
                  <ol aria-label={t('talk.cards.answers', { title })}>
                    {card.answers.map((answer, i) => (
                      <li key={i}>
                        <MergedText text={localized(answer)} values={talk.values} />
                      </li>
                    ))}
                  </ol>
                </li>
              );
            })}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={close}>
            {t('talk.cards.done')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
