import type { TFunction } from 'i18next';
import { behaviourReasons } from '../../../shared/domain/behaviour/reasons';
import { parseTooLongReason, rowReasons } from '../../../shared/domain/import/reasons';

const keyByText = new Map<string, keyof typeof rowReasons | keyof typeof behaviourReasons>([
  ...(Object.entries(rowReasons) as [keyof typeof rowReasons, string][]).map(([key, text]) => [text, key] as const),
  ...(Object.entries(behaviourReasons) as [keyof typeof behaviourReasons, string][]).map(([key, text]) => [text, key] as const),
]);

/** A row-level reason from the backend in the rep's language; one it does not know is shown as sent. */
export function translateRowReason(t: TFunction, reason: string): string {
  const tooLong = parseTooLongReason(reason);
  if (tooLong) return t('rowReasons.fieldTooLong', { field: t(`field.${tooLong.field}`), max: tooLong.max });
  const key = keyByText.get(reason);
  return key ? t(`rowReasons.${key}`) : reason;
}
