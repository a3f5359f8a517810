export const supportedLanguages = ['ja', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Where the rep's explicit choice is remembered; without one Koma follows the browser/OS language. */
export const languageStorageKey = 'koma.language';

export function isLanguage(value: string | undefined): value is Language {
  return (supportedLanguages as readonly (string | undefined)[]).includes(value);
}
