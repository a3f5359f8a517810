import type { TFunction } from 'i18next';
import { defaultPainKey } from '../../../../shared/domain/qualification/defaultPains';

/** A pain option in the rep's language when it is one of Koma's defaults; the team's own wording as written. */
export function painLabel(t: TFunction, value: string): string {
  const key = defaultPainKey(value);
  return key ? t(`defaultData.pains.${key}`) : value;
}
