import { useTranslation } from 'react-i18next';
import { importFields } from '../../../../shared/contract/imports';
import { FieldMappingSelect } from './FieldMappingSelect';

export function ColumnMappingForm({ headers }: { headers: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="mapping">
      <legend>{t('importDialog.mappingHeading')}</legend>
      <p className="hint">{t('importDialog.mappingHint')}</p>
      <div className="mapping-grid">
        {importFields.map((field) => (
          <FieldMappingSelect key={field} field={field} headers={headers} />
        ))}
      </div>
    </fieldset>
  );
}
