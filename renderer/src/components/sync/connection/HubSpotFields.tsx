import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSyncSettings } from '../../../../../shared/contract/sync';
import { useSyncSettingsStore } from '../../../stores/StoresContext';
import { FormField } from '../../hearing/FormField';
import { HubSpotStatusTable } from './HubSpotStatusTable';
import { MappingSection } from './MappingSection';
import { MappingTable, type MappingRow } from './MappingTable';
import { defaultText, type FieldProblem } from './settingsDraft';
import { SettingField } from './SettingField';
import { useFieldError } from './useFieldError';

interface HubSpotFieldsProps {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, FieldProblem>>;
  /** The stored token masked by the backend (pat-…abcd); the token itself never reaches the UI. */
  tokenHint: string | null;
  token: string;
  tokenError: string | null;
  onChange(path: string, value: string): void;
  onToken(token: string): void;
}

const hs = defaultSyncSettings.hubspot;
const dealFields = Object.keys(hs.deal.fields) as (keyof typeof hs.deal.fields)[];
const leadFields = Object.keys(hs.lead.fields) as (keyof typeof hs.lead.fields)[];
const fieldStates = Object.keys(hs.deal.fieldStates) as (keyof typeof hs.deal.fieldStates)[];
const statusKeys = Object.keys(hs.lead.statuses) as (keyof typeof hs.lead.statuses)[];

const propertyPaths = ['hubspot.idProperty', ...dealFields.map((f) => `hubspot.deal.fields.${f}`), ...leadFields.map((f) => `hubspot.lead.fields.${f}`)];
const dealPaths = ['hubspot.deal.pipeline', 'hubspot.deal.stage', 'hubspot.deal.closeDays', ...fieldStates.map((s) => `hubspot.deal.fieldStates.${s}`)];
/** Every path the HubSpot mapping edits, for "reset to defaults". */
const mappingPaths = [...propertyPaths, ...dealPaths, ...statusKeys.flatMap((s) => [`hubspot.lead.statuses.${s}`, `hubspot.lead.lifecycleStages.${s}`])];

/**
 * HubSpot: the API URL, the rep's HubSpot login (the owner), the private app token (write-only,
 * pasted once), Koma's share of the API, and where everything lands: the property names (Koma's id,
 * the BANT hearing on the deal, recycle and exclude on the contact), the deal pipeline and stage,
 * and Koma's statuses as Lead Status and lifecycle stage. The setup check reads what is saved here.
 */
export function HubSpotFields({ values, errors, tokenHint, token, tokenError, onChange, onToken }: HubSpotFieldsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorText = useFieldError();
  // The account's own Lead Status and lifecycle options, as the last HubSpot setup check read them.
  const read = useSyncSettingsStore((s) => (s.setupCheck?.crm === 'hubspot' ? s.setupCheck.options : undefined));
  const field = (path: string, label: string, hint?: string, type: 'text' | 'url' | 'number' = 'text') => (
    <SettingField key={path} label={label} hint={hint} type={type} value={values[path] ?? ''} error={errorText(errors[path])} onChange={(value) => onChange(path, value)} />
  );
  const propertyRows: MappingRow[] = [
    { path: 'hubspot.idProperty', label: t('hubspotSync.idProperty') },
    ...dealFields.map((f) => ({ path: `hubspot.deal.fields.${f}`, label: t(`hubspotSync.properties.${f}`) })),
    ...leadFields.map((f) => ({ path: `hubspot.lead.fields.${f}`, label: t(`hubspotSync.properties.${f}`) })),
  ];
  const dealRows: MappingRow[] = [
    { path: 'hubspot.deal.pipeline', label: t('hubspotSync.pipeline') },
    { path: 'hubspot.deal.stage', label: t('hubspotSync.stage') },
    { path: 'hubspot.deal.closeDays', label: t('sync.settings.closeDays') },
    ...fieldStates.map((s) => ({ path: `hubspot.deal.fieldStates.${s}`, label: t(`sync.settings.fieldStates.${s}`) })),
  ];
  const resetMapping = () => {
    for (const path of mappingPaths) onChange(path, defaultText(path));
  };
  return (
    <fieldset className="sync-fieldset" aria-labelledby={headingId}>
      <legend id={headingId}>{t('hubspotSync.heading')}</legend>
      <div className="sync-settings-grid">
        {field('hubspot.baseUrl', t('hubspotSync.baseUrl'), t('hubspotSync.baseUrlHint'), 'url')}
        {field('hubspot.ownerEmail', t('hubspotSync.ownerEmail'), t('hubspotSync.ownerEmailHint'))}
        <div className="sync-secret">
          <p>
            <span className="sync-secret-label">{t('hubspotSync.token')}</span>{' '}
            <span className="sync-secret-hint">{tokenHint ? t('hubspotSync.tokenStored', { hint: tokenHint }) : t('hubspotSync.tokenNone')}</span>
          </p>
          <FormField label={t('hubspotSync.token')} hint={t('hubspotSync.tokenHint')} error={tokenError}>
            {(control) => <input {...control} type="password" spellCheck={false} autoComplete="off" value={token} onChange={(event) => onToken(event.target.value)} />}
          </FormField>
        </div>
        {field('quotaPercent', t('sync.settings.quotaPercent'), t('hubspotSync.quotaHint'), 'number')}
        {field('pullMinutes', t('sync.settings.pullMinutes'), undefined, 'number')}
      </div>
      <MappingSection hint={t('hubspotSync.mappingHint')} onReset={resetMapping}>
        <MappingTable
          caption={t('hubspotSync.propertiesHeading')}
          columns={{ what: t('sync.settings.mappingColumns.what'), value: t('hubspotSync.propertyColumn'), default: t('sync.settings.mappingColumns.default') }}
          rows={propertyRows}
          values={values}
          errors={errors}
          onChange={onChange}
        />
        <MappingTable
          caption={t('hubspotSync.dealHeading')}
          hint={t('hubspotSync.dealHint')}
          columns={{ what: t('sync.settings.mappingColumns.what'), value: t('hubspotSync.valueColumn'), default: t('sync.settings.mappingColumns.default') }}
          rows={dealRows}
          values={values}
          errors={errors}
          onChange={onChange}
        />
        <HubSpotStatusTable values={values} errors={errors} read={read} onChange={onChange} />
      </MappingSection>
    </fieldset>
  );
}
