import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallListStore } from '../../stores/StoresContext';

export function CallListSearch() {
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
        onChange={(event) => setSearchText(event.target.value)}
      />
    </div>
  );
}
