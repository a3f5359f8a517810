import 'i18next';
import type { ja } from './ja';

// Types t() against the Japanese resources: a misspelt or missing key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}
