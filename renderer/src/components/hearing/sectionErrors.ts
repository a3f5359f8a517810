import type { TFunction } from 'i18next';

/** The backend's message for a field of one section ('budget' + 'amount'), worded for the form. */
export function sectionErrors(t: TFunction, errors: Readonly<Record<string, string>>, section: string) {
  return (field: string): string | null => {
    const message = errors[`${section}.${field}`];
    return message ? t('hearing.fieldError', { message }) : null;
  };
}
