import type { TFunction } from 'i18next';
import type { LeadSource } from '../../../shared/contract/leads';
import { unmappedIndustry } from '../../../shared/domain/import/industry';

/** A lead's source in the rep's language; one Koma did not know is "Other: <the file's words>". */
export function sourceText(t: TFunction, source: LeadSource, detail: string | null | undefined): string {
  return source === 'other' && detail ? t('importedValues.other', { value: detail }) : t(`source.${source}`);
}

/** A company's industry as stored; a vendor code Koma could not read is "Other: <code>". */
export function industryText(t: TFunction, industry: string): string {
  const code = unmappedIndustry(industry);
  return code === null ? industry : t('importedValues.other', { value: code });
}
