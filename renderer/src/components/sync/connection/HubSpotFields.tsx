import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../hearing/FormField';
import type { FieldProblem } from './settingsDraft';
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

const statuses = ['new', 'working', 'callback', 'recycled', 'excluded', 'qualified'] as const;

/**
 * HubSpot: the API URL, the rep's HubSpot login (the owner), the private app token (write-only,
 * pasted once), Koma's id property, the deal pipeline and stage, and the Lead Status mapping.
 */
export function HubSpotFields({ values, errors, tokenHint, token, tokenError, onChange, onToken }: HubSpotFieldsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const statusesId = useId();
  const errorText = useFieldError();
  const field = (path: string, label: string, hint?: string, type: 'text' | 'url' = 'text') => (
    <SettingField key={path} label={label} hint={hint} type={type} value={values[path] ?? ''} error={errorText(errors[path])} onChange={(value) => onChange(path, value)} />
  );
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
        {field('hubspot.idProperty', t('hubspotSync.idProperty'), t('hubspotSync.idPropertyHint'))}
        {field('hubspot.deal.pipeline', t('hubspotSync.pipeline'))}
        {field('hubspot.deal.stage', t('hubspotSync.stage'))}
      </div>
      <fieldset className="sync-fieldset" aria-labelledby={statusesId}>
        <legend id={statusesId}>{t('hubspotSync.statusesHeading')}</legend>
        <div className="sync-settings-grid">{statuses.map((s) => field(`hubspot.lead.statuses.${s}`, t(`hubspotSync.statuses.${s}`)))}</div>
      </fieldset>
    </fieldset>
  );
}
