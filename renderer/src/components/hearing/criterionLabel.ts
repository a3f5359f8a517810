import type { TFunction } from 'i18next';
import type { CriterionCheck, QualificationCriteria } from '../../../../shared/contract/hearing';

/** A criterion in the rep's words: "予算の確認", "スコア 60 以上", "予算 5,000,000 JPY 以上", a custom field's label. */
export function criterionLabel(t: TFunction, check: CriterionCheck, criteria: QualificationCriteria, formatNumber: (n: number) => string): string {
  switch (check.code) {
    case 'min_score':
      return t('hearing.criteria.min_score', { value: check.detail ?? '' });
    case 'budget_floor': {
      // The backend's detail is "<amount> <currency>"; the amount is shown grouped.
      const [amount = '', currency = ''] = (check.detail ?? '').split(' ');
      const value = /^\d+$/.test(amount) ? `${formatNumber(Number(amount))} ${currency}` : (check.detail ?? '');
      return t('hearing.criteria.budget_floor', { value: value.trim() });
    }
    case 'custom_field': {
      const field = criteria.customFields.find((f) => f.key === check.detail);
      return t('hearing.criteria.custom_field', { value: field?.label ?? check.detail ?? '' });
    }
    default:
      return t(`hearing.criteria.${check.code}`);
  }
}
