import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../../shared/contract/talk';

/** A script text in the rep's language, or in the other one when the team wrote only that. */
export function useLocalized(): (text: Localized) => string {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (text) => {
    const preferred = english ? text.en : text.ja;
    return preferred.trim() !== '' ? preferred : english ? text.ja : text.en;
  };
}
