import { useTranslation } from 'react-i18next';
import type { ObjectionCard } from '../../../../../shared/contract/talk';
import { LocalizedFields } from './LocalizedFields';
import { removeAt, replaceAt } from './talkDraft';

/** One objection card: what the prospect says, and the suggested answers in order. */
export function CardEditor({ card, onChange }: { card: ObjectionCard; onChange: (card: ObjectionCard) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="talk-item">
      <legend>{t('talk.settings.cardLegend', { id: card.id })}</legend>
      <LocalizedFields label={t('talk.settings.cardTitle')} value={card.title} onChange={(title) => onChange({ ...card, title })} />
      {card.answers.map((answer, i) => (
        <div key={i} className="talk-subitem">
          <LocalizedFields label={t('talk.settings.answer', { n: i + 1 })} long value={answer} onChange={(a) => onChange({ ...card, answers: replaceAt(card.answers, i, a) })} />
          <button type="button" disabled={card.answers.length <= 1} onClick={() => onChange({ ...card, answers: removeAt(card.answers, i) })}>
            {t('talk.settings.removeAnswer', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ ...card, answers: [...card.answers, { ja: '', en: '' }] })}>
        {t('talk.settings.addAnswer')}
      </button>
    </fieldset>
  );
}
