import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTalkStore, useWorkStore } from '../../stores/StoresContext';
import { useLocalized } from './useLocalized';


/** One empty list, so the store selector returns the same value while nothing is marked. */
const noObjections: readonly string[] = [];
/** The objections marked in this call, each removable, and the key that opens the cards. */
export function RaisedObjections() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const raised = useWorkStore((state) => state.form.objections ?? noObjections);
  const editForm = useWorkStore((state) => state.editForm);
  const cards = useTalkStore((state) => state.talk?.cards ?? null);
  const openCards = useTalkStore((state) => state.openCards);
  const load = useTalkStore((state) => state.load);
  const leadId = useWorkStore((state) => state.detail?.lead.id ?? null);
  const marked = raised.length > 0;
  // A draft reopened with marks: the cards are read so the marks show their titles.
  useEffect(() => {
    if (marked && leadId) void load(leadId);
  }, [marked, leadId, load]);
  const titleOf = (id: string) => {
    const card = cards?.find((c) => c.id === id);
    return card ? localized(card.title) : id;
  };
  return (
    <div className="raised-objections">
      <span className="raised-label">{t('talk.cards.raisedHeading')}</span>
      {raised.length === 0 ? (
        <span className="hint">{t('talk.cards.raisedNone')}</span>
      ) : (
        <ul className="chips">
          {raised.map((id) => (
            <li key={id} className="chip">
              {titleOf(id)}
              <button type="button" className="icon-button" aria-label={t('talk.cards.remove', { title: titleOf(id) })} onClick={() => editForm({ objections: raised.filter((r) => r !== id) })}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" aria-keyshortcuts="O" onClick={openCards}>
        {t('talk.cards.open')} <kbd aria-hidden="true">O</kbd>
      </button>
    </div>
  );
}
