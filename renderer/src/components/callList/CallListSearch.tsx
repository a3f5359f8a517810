import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallListStore } from '../../stores/StoresContext';
import { isComposing } from '../../lib/keys';

/** The search box; ↓ (or Enter) moves on to the matching rows, so a lead is found and opened without the mouse. */
export function CallListSearch({ onLeave }: { onLeave: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const searchText = useCallListStore((state) => state.searchText);
  const setSearchText = useCallListStore((state) => state.setSearchText);
  return (
    <div className="search">
      <label htmlFor={id} className="visually-hidden">
        {t('callList.searchLabel')}
      </label>
      <input
        id={id}
        type="search"
        value={searchText}
        placeholder={t('callList.searchLabel')}
        autoComplete="off"
        spellCheck={false}
        data-shortcut-target="search"
        aria-keyshortcuts="/"
        onChange={(event) => setSearchText(event.target.value)}
        onKeyDown={(event) => {
          if ((event.key === 'ArrowDown' || event.key === 'Enter') && !isComposing(event)) {
            event.preventDefault();
            onLeave();
          }
        }}
      />
    </div>
  );
}
