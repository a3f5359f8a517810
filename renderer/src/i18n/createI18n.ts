import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';
import { languageStorageKey, supportedLanguages, type Language } from './languages';

export interface I18nOptions {
  /** Skips detection (tests, or a forced language); the detector still remembers later switches. */
  language?: Language;
  /** Whose `lang` attribute follows the language: screen readers and fonts (CJK glyphs) depend on it. */
  root?: HTMLElement;
}

/** One i18next instance per app and per test, never the library's global singleton. */
export function createI18n(options: I18nOptions = {}): i18n {
  const instance = i18next.createInstance();
  instance.use(LanguageDetector).use(initReactI18next);
  void instance.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: options.language,
    supportedLngs: supportedLanguages,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    // The resources are bundled, so initialising synchronously avoids a first render without text.
    initAsync: false,
    // React escapes on render already.
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: languageStorageKey,
      caches: ['localStorage'],
    },
  });
  const root = options.root;
  if (root) {
    const syncLang = () => {
      root.lang = instance.resolvedLanguage ?? instance.language;
    };
    syncLang();
    instance.on('languageChanged', syncLang);
  }
  return instance;
}
