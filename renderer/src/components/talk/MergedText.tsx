import { useTranslation } from 'react-i18next';
import type { MergeValues } from '../../../../shared/contract/talk';
import { mergeSegments } from '../../../../shared/domain/talk/merge';

/**
 * A script text with the lead's values merged in. A field this lead has no value for is shown as a
 * marked placeholder (［セミナー名］) so the rep sees the gap and asks, never a blank or "undefined".
 */
export function MergedText({ text, values }: { text: string; values: MergeValues }) {
  const { t } = useTranslation();
  return (
    <>
      {mergeSegments(text, values).map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>{segment.text}</span>
        ) : segment.kind === 'field' ? (
          <strong key={i} className="merge-field">
            {segment.value}
          </strong>
        ) : (
          <mark key={i} className="merge-missing">
            {t('talk.missing', { field: t(`talk.field.${segment.field}`) })}
          </mark>
        ),
      )}
    </>
  );
}
