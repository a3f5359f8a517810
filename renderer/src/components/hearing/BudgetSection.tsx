import { useTranslation } from 'react-i18next';
import { budgetStatuses, currencies } from '../../../../shared/contract/hearing';
import { AmountField } from './AmountField';
import { FormField, oneOf } from './FormField';
import type { SectionProps } from './formTypes';
import { sectionErrors } from './sectionErrors';
import { HearingFieldset } from './HearingFieldset';
import { hasBantContent } from '../../../../shared/domain/qualification/bantContent';

export function BudgetSection({ value, edit, errors }: SectionProps<'budget'>) {
  const { t } = useTranslation();
  const error = sectionErrors(t, errors, 'budget');
  return (
    <HearingFieldset section="budget" confirmed={value.confirmed} hasContent={hasBantContent('budget', value)} onConfirmed={(confirmed) => edit.update('budget', { confirmed }, { saveNow: true })}>
      <FormField label={t('hearing.budget.status')} error={error('status')}>
        {(control) => (
          <select {...control} value={value.status} onChange={(event) => edit.update('budget', { status: oneOf(budgetStatuses, event.target.value, 'unknown') })}>
            {budgetStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`hearing.budgetStatus.${status}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field-pair">
        <AmountField
          label={t('hearing.budget.amount')}
          amount={value.amount}
          error={errors['budget.amount']}
          className="grow"
          onAmount={(amount) => edit.update('budget', { amount })}
          onUnreadable={(unreadable) => edit.setUnreadable('budget.amount', unreadable)}
        />
        <FormField label={t('hearing.budget.currency')}>
          {(control) => (
            <select {...control} value={value.currency} onChange={(event) => edit.update('budget', { currency: oneOf(currencies, event.target.value, 'JPY') })}>
              {currencies.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('hearing.budget.fiscalTiming')} error={error('fiscalTiming')}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={value.fiscalTiming}
            placeholder={t('hearing.budget.fiscalTimingPlaceholder')}
            onChange={(event) => edit.update('budget', { fiscalTiming: event.target.value })}
          />
        )}
      </FormField>
      <FormField label={t('hearing.budget.notes')} error={error('notes')}>
        {(control) => <textarea {...control} rows={2} value={value.notes} onChange={(event) => edit.update('budget', { notes: event.target.value })} />}
      </FormField>
    </HearingFieldset>
  );
}
