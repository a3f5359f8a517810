import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultKintoneSettings, kintoneApps, type KintoneApp } from '../../../../../shared/contract/sync';
import type { kintoneSyncJa } from '../../../i18n/features/kintoneSync';
import { FormField } from '../../hearing/FormField';
import type { FieldProblem } from './settingsDraft';
import { SettingField } from './SettingField';
import { useFieldError } from './useFieldError';

interface KintoneFieldsProps {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, FieldProblem>>;
  /** The stored tokens masked by the backend (KmLe…abcd); the tokens themselves never reach the UI. */
  tokenHints: Record<KintoneApp, string | null>;
  tokens: Record<KintoneApp, string>;
  tokenErrors: Record<KintoneApp, string | null>;
  onChange(path: string, value: string): void;
  onToken(app: KintoneApp, token: string): void;
}

type FieldKey = keyof (typeof kintoneSyncJa)['kintoneSync']['fields'];

/** The mapping groups: the settings object each one edits and its field codes, in the form's order. */
const groups: { group: 'leads' | 'calls' | 'handoffs'; path: string; keys: FieldKey[] }[] = [
  { group: 'leads', path: 'kintone.leadFields', keys: Object.keys(defaultKintoneSettings.leadFields) as FieldKey[] },
  { group: 'leads', path: 'kintone.lead.fields', keys: Object.keys(defaultKintoneSettings.lead.fields) as FieldKey[] },
  { group: 'calls', path: 'kintone.callFields', keys: Object.keys(defaultKintoneSettings.callFields) as FieldKey[] },
  { group: 'handoffs', path: 'kintone.handoffFields', keys: Object.keys(defaultKintoneSettings.handoffFields) as FieldKey[] },
];
const statuses = Object.keys(defaultKintoneSettings.lead.statuses) as (keyof typeof defaultKintoneSettings.lead.statuses)[];
const fieldStates = Object.keys(defaultKintoneSettings.fieldStates) as (keyof typeof defaultKintoneSettings.fieldStates)[];

/**
 * kintone: the domain's URL, the rep's login name, each app's id and API token (write-only, pasted
 * once), and the field codes Koma writes, defaulting to Koma's standard apps (docs/sync.md).
 */
export function KintoneFields({ values, errors, tokenHints, tokens, tokenErrors, onChange, onToken }: KintoneFieldsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorText = useFieldError();
  const field = (path: string, label: string, hint?: string, type: 'text' | 'url' = 'text') => (
    <SettingField key={path} label={label} hint={hint} type={type} value={values[path] ?? ''} error={errorText(errors[path])} onChange={(value) => onChange(path, value)} />
  );
  const mappingOf = (group: 'leads' | 'calls' | 'handoffs') =>
    groups.filter((g) => g.group === group).flatMap((g) => g.keys.map((key) => field(`${g.path}.${key}`, t(`kintoneSync.fields.${key}`))));
  return (
    <fieldset className="sync-fieldset" aria-labelledby={headingId}>
      <legend id={headingId}>{t('kintoneSync.heading')}</legend>
      <div className="sync-settings-grid">
        {field('kintone.baseUrl', t('kintoneSync.baseUrl'), t('kintoneSync.baseUrlHint'), 'url')}
        {field('kintone.ownerLogin', t('kintoneSync.ownerLogin'), t('kintoneSync.ownerLoginHint'))}
      </div>
      {kintoneApps.map((app) => (
        <KintoneAppFields key={app} app={app} values={values} errors={errors} tokenHint={tokenHints[app]} token={tokens[app]} tokenError={tokenErrors[app]} onChange={onChange} onToken={onToken} />
      ))}
      <details className="sync-mapping">
        <summary>{t('kintoneSync.mappingHeading')}</summary>
        <p className="hint">{t('kintoneSync.mappingHint')}</p>
        <MappingGroup legend={t('kintoneSync.groups.common')}>
          {field('kintone.idField', t('kintoneSync.fields.idField'))}
          {field('kintone.updatedField', t('kintoneSync.fields.updatedField'))}
        </MappingGroup>
        <MappingGroup legend={t('kintoneSync.groups.leads')}>{mappingOf('leads')}</MappingGroup>
        <MappingGroup legend={t('kintoneSync.groups.calls')}>{mappingOf('calls')}</MappingGroup>
        <MappingGroup legend={t('kintoneSync.groups.handoffs')}>{mappingOf('handoffs')}</MappingGroup>
        <MappingGroup legend={t('kintoneSync.groups.statuses')}>{statuses.map((s) => field(`kintone.lead.statuses.${s}`, t(`kintoneSync.statuses.${s}`)))}</MappingGroup>
        <MappingGroup legend={t('kintoneSync.groups.fieldStates')}>{fieldStates.map((s) => field(`kintone.fieldStates.${s}`, t(`kintoneSync.fieldStates.${s}`)))}</MappingGroup>
      </details>
    </fieldset>
  );
}

function MappingGroup({ legend, children }: { legend: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="sync-fieldset" aria-labelledby={id}>
      <legend id={id}>{legend}</legend>
      <div className="sync-settings-grid">{children}</div>
    </fieldset>
  );
}

interface AppFieldsProps {
  app: KintoneApp;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, FieldProblem>>;
  tokenHint: string | null;
  token: string;
  tokenError: string | null;
  onChange(path: string, value: string): void;
  onToken(app: KintoneApp, token: string): void;
}

/** One app: its id and its API token (write-only: the stored one shows masked). */
function KintoneAppFields({ app, values, errors, tokenHint, token, tokenError, onChange, onToken }: AppFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useFieldError();
  const name = t(`kintoneSync.apps.${app}`);
  const path = `kintone.apps.${app}`;
  return (
    <fieldset className="sync-fieldset" aria-labelledby={id}>
      <legend id={id}>{name}</legend>
      <div className="sync-settings-grid">
        <SettingField label={t('kintoneSync.appId', { app: name })} hint={t('kintoneSync.appIdHint')} type="number" value={values[path] ?? ''} error={errorText(errors[path])} onChange={(value) => onChange(path, value)} />
        <div className="sync-secret">
          <p>
            <span className="sync-secret-label">{t('kintoneSync.token', { app: name })}</span>{' '}
            <span className="sync-secret-hint">{tokenHint ? t('kintoneSync.tokenStored', { hint: tokenHint }) : t('kintoneSync.tokenNone')}</span>
          </p>
          <FormField label={t('kintoneSync.token', { app: name })} hint={t('kintoneSync.tokenHint')} error={tokenError}>
            {(control) => <input {...control} type="password" spellCheck={false} autoComplete="off" value={token} onChange={(event) => onToken(app, event.target.value)} />}
          </FormField>
        </div>
      </div>
    </fieldset>
  );
}
