import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bantItems, currencies, type QualificationCriteria } from '../../../../shared/contract/hearing';
import { useQualificationCriteriaStore } from '../../stores/StoresContext';
import { FormField, oneOf } from './FormField';
import { painLabel } from './painLabel';
import { TagListField } from './TagListField';
import { readWholeNumber } from './wholeNumber';

type CustomField = QualificationCriteria['customFields'][number];

/** A key for a new custom field: stable once saved (answers are stored under it), never shown. */
function nextKey(fields: readonly CustomField[]): string {
  let n = fields.length + 1;
  while (fields.some((field) => field.key === `field_${n}`)) n++;
  return `field_${n}`;
}

const noIssues: readonly { path: string; message: string }[] = [];

// The contract's limit for one pain option.
const painMaxLength = 100;

/** The team's qualification criteria as a form: required BANT items, score and budget floors, custom fields, pain options. */
export function QualificationCriteriaForm({ criteria }: { criteria: QualificationCriteria }) {
  const { t } = useTranslation();
  const save = useQualificationCriteriaStore((state) => state.save);
  const status = useQualificationCriteriaStore((state) => state.status);
  const issues = useQualificationCriteriaStore((state) => state.problem?.issues ?? noIssues);
  const [required, setRequired] = useState(criteria.requireConfirmed);
  const [minScore, setMinScore] = useState(criteria.minScore === null ? '' : String(criteria.minScore));
  const [floorAmount, setFloorAmount] = useState(criteria.budgetFloor === null ? '' : String(criteria.budgetFloor.amount));
  const [floorCurrency, setFloorCurrency] = useState(criteria.budgetFloor?.currency ?? 'JPY');
  const [customFields, setCustomFields] = useState(criteria.customFields);
  const [painOptions, setPainOptions] = useState(criteria.painOptions);
  const minScoreRead = readWholeNumber(minScore);
  const floorRead = readWholeNumber(floorAmount);
  const issue = (path: string) => issues.find((i) => i.path === `criteria.${path}`)?.message;
  const numberError = (readable: boolean, path: string) => {
    if (!readable) return t('hearing.notANumber');
    const message = issue(path);
    return message ? t('hearing.fieldError', { message }) : null;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!minScoreRead.readable || !floorRead.readable) return;
    void save({
      requireConfirmed: required,
      minScore: minScoreRead.value,
      budgetFloor: floorRead.value === null ? null : { amount: floorRead.value, currency: floorCurrency },
      customFields: customFields.map((field) => ({ ...field, label: field.label.trim() })),
      painOptions,
    });
  };

  return (
    <form className="criteria-form" onSubmit={onSubmit}>
      <fieldset className="plain-fieldset">
        <legend>{t('hearing.criteriaSettings.requireHeading')}</legend>
        <div className="check-row">
          {bantItems.map((item) => (
            <label key={item} className="check">
              <input type="checkbox" checked={required[item]} onChange={(event) => setRequired({ ...required, [item]: event.target.checked })} />
              {t(`hearing.sections.${item}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-pair">
        <FormField label={t('hearing.criteriaSettings.minScore')} error={numberError(minScoreRead.readable, 'minScore')}>
          {(control) => <input {...control} type="text" inputMode="numeric" className="numeric short" value={minScore} onChange={(event) => setMinScore(event.target.value)} />}
        </FormField>
        <FormField label={t('hearing.criteriaSettings.budgetFloorAmount')} error={numberError(floorRead.readable, 'budgetFloor.amount')}>
          {(control) => <input {...control} type="text" inputMode="numeric" className="numeric medium" value={floorAmount} onChange={(event) => setFloorAmount(event.target.value)} />}
        </FormField>
        <FormField label={t('hearing.criteriaSettings.budgetFloorCurrency')}>
          {(control) => (
            <select {...control} value={floorCurrency} onChange={(event) => setFloorCurrency(oneOf(currencies, event.target.value, 'JPY'))}>
              {currencies.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="hint">
        <p>{t('hearing.criteriaSettings.minScoreHint')}</p>
        <p>{t('hearing.criteriaSettings.budgetFloorHint')}</p>
      </div>
      <fieldset className="plain-fieldset">
        <legend>{t('hearing.criteriaSettings.customFields')}</legend>
        <p className="hint">{t('hearing.criteriaSettings.customFieldsHint')}</p>
        {customFields.map((field, index) => {
          const name = field.label.trim() || t('hearing.criteriaSettings.unnamedField');
          return (
            <div key={field.key} className="custom-field-row">
              <input
                type="text"
                aria-label={`${t('hearing.criteriaSettings.customFieldLabel')} ${index + 1}`}
                maxLength={100}
                value={field.label}
                onChange={(event) => setCustomFields(customFields.map((f) => (f.key === field.key ? { ...f, label: event.target.value } : f)))}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={field.required}
                  onChange={(event) => setCustomFields(customFields.map((f) => (f.key === field.key ? { ...f, required: event.target.checked } : f)))}
                />
                {t('hearing.criteriaSettings.customFieldRequired')}
              </label>
              <button
                type="button"
                className="icon-button"
                aria-label={t('hearing.criteriaSettings.removeCustomField', { label: name })}
                onClick={() => setCustomFields(customFields.filter((f) => f.key !== field.key))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => setCustomFields([...customFields, { key: nextKey(customFields), label: '', required: true }])}>
          {t('hearing.criteriaSettings.addCustomField')}
        </button>
      </fieldset>
      <TagListField
        label={t('hearing.criteriaSettings.painOptions')}
        inputLabel={t('hearing.criteriaSettings.newPain')}
        placeholder={t('hearing.criteriaSettings.newPain')}
        addLabel={t('hearing.criteriaSettings.addPain')}
        emptyLabel="—"
        removeLabel={(label) => t('hearing.criteriaSettings.removePain', { label })}
        tags={painOptions}
        display={(pain) => painLabel(t, pain)}
        maxLength={painMaxLength}
        onChange={setPainOptions}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={status === 'saving'}>
          {status === 'saving' ? t('hearing.criteriaSettings.saving') : t('hearing.criteriaSettings.save')}
        </button>
      </div>
    </form>
  );
}
