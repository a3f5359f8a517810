import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../hearing/FormField';
import type { FieldProblem } from './settingsDraft';
import { SettingField } from './SettingField';
import { useFieldError } from './useFieldError';

/** keep: the stored secret stays; replace: the rep types a new one; remove: it is deleted on save. */
export type SecretMode = 'keep' | 'replace' | 'remove';

interface WebhookFieldsProps {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, FieldProblem>>;
  /** The stored secret masked by the backend (whsec_…abcd); the secret itself never reaches the UI. */
  secretHint: string | null;
  secretMode: SecretMode;
  newSecret: string;
  onChange(path: string, value: string): void;
  onSecretMode(mode: SecretMode): void;
  onNewSecret(secret: string): void;
  onGenerate(): void;
}

/** The standard header names of a signed delivery, as receivers look them up. */
const signatureHeaders = [
  ['webhook-id', 'id'],
  ['webhook-timestamp', 'timestamp'],
  ['webhook-signature', 'signature'],
  ['Idempotency-Key', 'idempotency'],
] as const;

/** Where the webhook posts, its signing secret (write-only), and what a receiver checks. */
export function WebhookFields({ values, errors, secretHint, secretMode, newSecret, onChange, onSecretMode, onNewSecret, onGenerate }: WebhookFieldsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorText = useFieldError();
  const stored = secretMode === 'remove' ? t('sync.settings.secretRemoved') : secretHint ? t('sync.settings.secretStored', { hint: secretHint }) : t('sync.settings.secretNone');
  return (
    <fieldset className="sync-fieldset" aria-labelledby={headingId}>
      <legend id={headingId}>{t('sync.settings.webhookHeading')}</legend>
      <div className="sync-settings-grid">
        <SettingField
          label={t('sync.settings.webhookUrl')}
          hint={t('sync.settings.webhookUrlHint')}
          type="url"
          value={values['webhook.url'] ?? ''}
          error={errorText(errors['webhook.url'])}
          onChange={(value) => onChange('webhook.url', value)}
        />
        <div className="sync-secret">
          <p>
            <span className="sync-secret-label">{t('sync.settings.secret')}</span> <span className="sync-secret-hint">{stored}</span>
          </p>
          {secretMode === 'replace' && (
            <FormField label={t('sync.settings.newSecret')} hint={t('sync.settings.newSecretHint')} error={errorText(errors.webhookSecret)}>
              {(control) => <input {...control} type="text" spellCheck={false} autoComplete="off" value={newSecret} onChange={(event) => onNewSecret(event.target.value)} />}
            </FormField>
          )}
          <div className="sync-secret-actions">
            {secretMode === 'keep' ? (
              <>
                <button type="button" onClick={() => onSecretMode('replace')}>
                  {t('sync.settings.replaceSecret')}
                </button>
                {secretHint && (
                  <button type="button" onClick={() => onSecretMode('remove')}>
                    {t('sync.settings.removeSecret')}
                  </button>
                )}
              </>
            ) : (
              <>
                {secretMode === 'replace' && (
                  <button type="button" onClick={onGenerate}>
                    {t('sync.settings.generate')}
                  </button>
                )}
                <button type="button" onClick={() => onSecretMode('keep')}>
                  {t('sync.settings.keepSecret')}
                </button>
              </>
            )}
          </div>
        </div>
      </div>
      <details className="sync-signature">
        <summary>{t('sync.settings.signatureHeading')}</summary>
        <p>{t('sync.settings.signatureIntro')}</p>
        <dl>
          {signatureHeaders.map(([header, key]) => (
            <div key={header}>
              <dt>
                <code>{header}</code>
              </dt>
              <dd>{t(`sync.settings.headers.${key}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </fieldset>
  );
}
