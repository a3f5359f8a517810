import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../shared/contract/imports';
import { useImportStore } from '../../stores/StoresContext';

// The select's value for "this field is not in the file"; column indexes are never empty strings.
const notInFile = '';

interface FieldMappingSelectProps {
  field: ImportField;
  headers: readonly string[];
}

/** Which CSV column feeds one lead field. */
export function FieldMappingSelect({ field, headers }: FieldMappingSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const column = useImportStore((state) => state.mapping?.[field] ?? null);
  const setMapping = useImportStore((state) => state.setMapping);
  return (
    <div className="mapping-field">
      <label htmlFor={id}>{t(`field.${field}`)}</label>
      <select
        id={id}
        value={column === null ? notInFile : String(column)}
        onChange={(event) => setMapping(field, event.target.value === notInFile ? null : Number(event.target.value))}
      >
        <option value={notInFile}>{t('importDialog.notInFile')}</option>
        {headers.map((header, i) => (
          <option key={i} value={String(i)}>
            {header || t('report.column', { number: i + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
