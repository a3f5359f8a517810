import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSyncSettings } from '../../../../../shared/contract/sync';
import { leadStatuses } from '../../../../../shared/contract/leads';
import { FormField } from '../../hearing/FormField';
import { MappingSection } from './MappingSection';
import { MappingTable, type MappingRow } from './MappingTable';
import { defaultText, type FieldProblem } from './settingsDraft';
import { SettingField } from './SettingField';
import { useFieldError } from './useFieldError';

type OpportunityField = keyof typeof defaultSyncSettings.salesforce.opportunity.fields;
type LeadField = keyof typeof defaultSyncSettings.salesforce.lead.fields;
type FieldState = keyof typeof defaultSyncSettings.salesforce.opportunity.fieldStates;

const opportunityFields = Object.keys(defaultSyncSettings.salesforce.opportunity.fields) as OpportunityField[];
const leadFields = Object.keys(defaultSyncSettings.salesforce.lead.fields) as LeadField[];
const handoffModes = ['convert', 'create_beside'] as const;
const fieldStates = Object.keys(defaultSyncSettings.salesforce.opportunity.fieldStates) as FieldState[];

/** Every path the mapping tables edit, for "reset to defaults". */
export const mappingPaths: readonly string[] = [
  'salesforce.externalIdField',
  ...opportunityFields.map((f) => `salesforce.opportunity.fields.${f}`),
  ...leadFields.map((f) => `salesforce.lead.fields.${f}`),
  'salesforce.opportunity.stageName',
  'salesforce.opportunity.closeDays',
  ...fieldStates.map((s) => `salesforce.opportunity.fieldStates.${s}`),
  ...leadStatuses.map((s) => `salesforce.lead.statuses.${s}`),
];

interface SalesforceFieldsProps {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, FieldProblem>>;
  callbackUrl: string;
  onChange(path: string, value: string): void;
}

/** The org to sign in to, the External Client App, Koma's API share, and where each field lands in the org. */
export function SalesforceFields({ values, errors, callbackUrl, onChange }: SalesforceFieldsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorText = useFieldError();
  const field = (path: string, label: string, options: { hint?: string; type?: 'text' | 'url' | 'number' } = {}) => (
    <SettingField label={label} hint={options.hint} type={options.type} value={values[path] ?? ''} error={errorText(errors[path])} onChange={(value) => onChange(path, value)} />
  );

  const mappingRows: MappingRow[] = [
    { path: 'salesforce.externalIdField', label: t('sync.settings.mapping.externalIdField') },
    ...opportunityFields.map((f) => ({ path: `salesforce.opportunity.fields.${f}`, label: t(`sync.settings.mapping.${f}`) })),
    ...leadFields.map((f) => ({ path: `salesforce.lead.fields.${f}`, label: t(`sync.settings.mapping.${f}`) })),
  ];
  const picklistRows: MappingRow[] = [
    { path: 'salesforce.opportunity.stageName', label: t('sync.settings.stageName') },
    { path: 'salesforce.opportunity.closeDays', label: t('sync.settings.closeDays') },
    ...fieldStates.map((s) => ({ path: `salesforce.opportunity.fieldStates.${s}`, label: t(`sync.settings.fieldStates.${s}`) })),
    ...leadStatuses.map((s) => ({ path: `salesforce.lead.statuses.${s}`, label: t('sync.settings.leadStatus', { status: t(`status.${s}`) }) })),
  ];
  const resetMapping = () => {
    for (const path of mappingPaths) onChange(path, defaultText(path));
  };

  return (
    <fieldset className="sync-fieldset" aria-labelledby={headingId}>
      <legend id={headingId}>{t('sync.settings.salesforceHeading')}</legend>
      <div className="sync-settings-grid">
        {field('salesforce.loginUrl', t('sync.settings.loginUrl'), { hint: t('sync.settings.loginUrlHint'), type: 'url' })}
        {field('salesforce.clientId', t('sync.settings.clientId'), { hint: t('sync.settings.clientIdHint') })}
        {field('salesforce.callbackPort', t('sync.settings.callbackPort'), { type: 'number' })}
        <FormField label={t('sync.settings.callbackUrl')} hint={t('sync.settings.callbackUrlHint')}>
          {(control) => <input {...control} type="text" readOnly value={callbackUrl} className="sync-readonly" />}
        </FormField>
        {field('salesforce.apiVersion', t('sync.settings.apiVersion'))}
        <FormField label={t('sync.settings.handoffMode')} hint={t('sync.settings.handoffModeHint')}>
          {(control) => (
            <select {...control} value={values['salesforce.handoffMode'] ?? 'convert'} onChange={(e) => onChange('salesforce.handoffMode', e.target.value)}>
              {handoffModes.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`sync.settings.handoffModes.${mode}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {field('quotaPercent', t('sync.settings.quotaPercent'), { hint: t('sync.settings.quotaHint'), type: 'number' })}
        {field('pullMinutes', t('sync.settings.pullMinutes'), { type: 'number' })}
      </div>
      <MappingSection hint={t('sync.settings.mappingHint')} onReset={resetMapping}>
        <MappingTable
          caption={t('sync.settings.mappingHeading')}
          columns={{ what: t('sync.settings.mappingColumns.what'), value: t('sync.settings.mappingColumns.field'), default: t('sync.settings.mappingColumns.default') }}
          rows={mappingRows}
          values={values}
          errors={errors}
          onChange={onChange}
        />
        <MappingTable
          caption={t('sync.settings.picklistHeading')}
          hint={t('sync.settings.picklistHint')}
          columns={{ what: t('sync.settings.mappingColumns.what'), value: t('sync.settings.mappingColumns.picklist'), default: t('sync.settings.mappingColumns.default') }}
          rows={picklistRows}
          values={values}
          errors={errors}
          onChange={onChange}
        />
      </MappingSection>
    </fieldset>
  );
}
