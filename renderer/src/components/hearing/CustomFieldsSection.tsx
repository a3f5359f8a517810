import { useTranslation } from 'react-i18next';
import type { Hearing, QualificationCriteria } from '../../../../shared/contract/hearing';
import { FormField } from './FormField';
import type { HearingEdit } from './formTypes';

interface CustomFieldsSectionProps {
  values: Hearing['custom'];
  fields: QualificationCriteria['customFields'];
  edit: HearingEdit;
  errors: Readonly<Record<string, string>>;
}

/** The team's own fields from the qualification criteria, answered as free text. */
export function CustomFieldsSection({ values, fields, edit, errors }: CustomFieldsSectionProps) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <fieldset className="hearing-section">
      <legend>{t('hearing.sections.custom')}</legend>
      <div className="hearing-fields">
        {fields.map((field) => {
          const error = errors[`custom.${field.key}`];
          return (
            <FormField
              key={field.key}
              label={field.label}
              error={error ? t('hearing.fieldError', { message: error }) : null}
            >
              {(control) => <input {...control} type="text" required={field.required} value={values[field.key] ?? ''} onChange={(event) => edit.setCustom(field.key, event.target.value)} />}
            </FormField>
          );
        })}
      </div>
    </fieldset>
  );
}
