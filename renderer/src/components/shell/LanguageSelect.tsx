import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, supportedLanguages } from '../../i18n/languages';

/** The rep's language choice; i18next's detector remembers it in localStorage. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <div className="language-select">
      {/* The select shows the language by name; its label stays for screen readers. */}
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select id={id} value={current} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {supportedLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
