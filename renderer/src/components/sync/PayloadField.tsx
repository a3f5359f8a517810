import { useTranslation } from 'react-i18next';
import { callOutcomes } from '../../../../shared/contract/calls';
import { FormField } from '../hearing/FormField';
import type { EditField, FieldValue } from './payloadForm';
import { pathLabel } from './syncLabels';

interface PayloadFieldProps {
  field: EditField;
  value: FieldValue;
  error: string | null;
  onChange(value: FieldValue): void;
}

/** One editable field of a refused item, with the control its value calls for. */
export function PayloadField({ field, value, error, onChange }: PayloadFieldProps) {
  const { t } = useTranslation();
  const text = typeof value === 'string' ? value : '';
  return (
    <FormField label={pathLabel(t, field.path)} error={error} hint={field.kind === 'nullable' ? t('sync.edit.emptyIsNone') : undefined} className={field.kind === 'longText' ? 'wide' : undefined}>
      {(control) => {
        switch (field.kind) {
          case 'boolean':
            return <input {...control} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
          case 'outcome':
            return (
              <select {...control} value={text} onChange={(event) => onChange(event.target.value)}>
                {callOutcomes.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {t(`work.outcome.${outcome}`)}
                  </option>
                ))}
              </select>
            );
          case 'dateTime':
            return <input {...control} type="datetime-local" value={text} onChange={(event) => onChange(event.target.value)} />;
          case 'number':
            return <input {...control} type="text" inputMode="decimal" value={text} onChange={(event) => onChange(event.target.value)} />;
          case 'longText':
            return <textarea {...control} rows={4} value={text} onChange={(event) => onChange(event.target.value)} />;
          default:
            return <input {...control} type="text" value={text} onChange={(event) => onChange(event.target.value)} />;
        }
      }}
    </FormField>
  );
}
