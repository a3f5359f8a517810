import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { connectorKinds, kintoneApps, type ConnectorKind, type KintoneApp } from '../../../../../shared/contract/sync';
import type { CommandOutput } from '../../../../../shared/contract';
import { bytesToBase64 } from '../../../lib/base64';
import { useSyncSettingsStore, useSyncStore } from '../../../stores/StoresContext';
import { ProblemAlert } from '../../common/ProblemAlert';
import { HubSpotFields } from './HubSpotFields';
import { KintoneFields } from './KintoneFields';
import { SalesforceFields } from './SalesforceFields';
import { SalesforceSignIn } from './SalesforceSignIn';
import { SetupCheckPanel } from './SetupCheckPanel';
import { checkDraft, generateSecret, toDraft, type FieldProblem, type SettingsDraft } from './settingsDraft';
import { WebhookFields, type SecretMode } from './WebhookFields';

type SettingsView = CommandOutput<'sync.settings.get'>;

/** The connection form over the stored settings; a save remounts it with what the backend kept. */
export function CrmConnectionForm({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const connectorId = useId();
  const save = useSyncSettingsStore((s) => s.save);
  const status = useSyncSettingsStore((s) => s.status);
  const problem = useSyncSettingsStore((s) => s.problem);
  const signedIn = useSyncStore((s) => s.status?.signedIn ?? false);
  const [initial] = useState(() => toDraft(view.settings));
  const [draft, setDraft] = useState<SettingsDraft>(initial);
  const [secretMode, setSecretMode] = useState<SecretMode>('keep');
  const [newSecret, setNewSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, FieldProblem>>({});
  const [hubspotToken, setHubspotToken] = useState('');
  const [tokenMissing, setTokenMissing] = useState(false);
  const noTokens: Record<KintoneApp, string> = { leads: '', calls: '', handoffs: '' };
  const [kintoneTokens, setKintoneTokens] = useState<Record<KintoneApp, string>>(noTokens);
  const [kintoneMissing, setKintoneMissing] = useState<KintoneApp[]>([]);
  const kintoneHints = view.kintoneTokenHints ?? { leads: null, calls: null, handoffs: null };

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial) || secretMode !== 'keep' || hubspotToken !== '' || kintoneApps.some((app) => kintoneTokens[app] !== '');
  // Backend refusals name fields as settings.<path>; they join the form's own checks.
  const backendErrors = Object.fromEntries(
    (problem?.issues ?? []).filter((i) => i.path.startsWith('settings.')).map((i) => [i.path.slice('settings.'.length), { key: 'backend', message: i.message } satisfies FieldProblem]),
  );
  const shownErrors = { ...backendErrors, ...errors };

  const change = (path: string, value: string) => {
    setDraft((d) => ({ ...d, values: { ...d.values, [path]: value } }));
    setErrors(({ [path]: _fixed, ...rest }) => rest);
  };
  const chooseConnector = (connector: ConnectorKind) => setDraft((d) => ({ ...d, connector }));
  const secretToSave = () => (secretMode === 'replace' ? newSecret.trim() : secretMode === 'remove' ? null : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const secret = secretToSave();
    const check = checkDraft(draft, typeof secret === 'string' ? secret : null);
    setErrors(check.errors);
    // HubSpot needs its token once; after that an empty field keeps the stored one.
    const needsToken = draft.connector === 'hubspot' && !view.hubspotTokenHint && hubspotToken.trim() === '';
    setTokenMissing(needsToken);
    // kintone needs each app's token once; after that an empty field keeps the stored one.
    const kintoneNeeds = draft.connector === 'kintone' ? kintoneApps.filter((app) => !kintoneHints[app] && kintoneTokens[app].trim() === '') : [];
    setKintoneMissing(kintoneNeeds);
    if (!check.settings || needsToken || kintoneNeeds.length > 0) return;
    const pasted = Object.fromEntries(kintoneApps.filter((app) => kintoneTokens[app].trim() !== '').map((app) => [app, kintoneTokens[app].trim()]));
    if (await save(check.settings, secret, hubspotToken.trim() || undefined, draft.connector === 'kintone' ? pasted : undefined)) {
      setHubspotToken('');
      setKintoneTokens(noTokens);
    }
  };
  const kintoneTokenError = (app: KintoneApp) =>
    kintoneMissing.includes(app) ? t('kintoneSync.tokenRequired') : (problem?.issues ?? []).some((i) => i.path === `kintoneTokens.${app}`) ? t('kintoneSync.tokenRefused') : null;

  return (
    <form className="sync-settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="sync-connectors">
        <legend id={connectorId}>{t('sync.settings.connector')}</legend>
        {connectorKinds.map((kind) => (
          <label key={kind} className="sync-radio">
            <input type="radio" name={connectorId} value={kind} checked={draft.connector === kind} onChange={() => chooseConnector(kind)} />
            {t(`sync.settings.connectors.${kind}`)}
          </label>
        ))}
      </fieldset>
      {draft.connector === 'salesforce' && (
        <>
          <SalesforceFields values={draft.values} errors={shownErrors} callbackUrl={view.callbackUrl} onChange={change} />
          <SalesforceSignIn saved={view.settings.connector === 'salesforce' && !dirty} />
          {signedIn && <SetupCheckPanel />}
        </>
      )}
      {draft.connector === 'hubspot' && (
        <>
          <HubSpotFields
            values={draft.values}
            errors={shownErrors}
            tokenHint={view.hubspotTokenHint ?? null}
            token={hubspotToken}
            tokenError={tokenMissing ? t('hubspotSync.tokenRequired') : (problem?.issues ?? []).some((i) => i.path === 'hubspotToken') ? t('hubspotSync.tokenRefused') : null}
            onChange={change}
            onToken={(token) => {
              setHubspotToken(token);
              setTokenMissing(false);
            }}
          />
          {view.settings.connector === 'hubspot' && view.hubspotTokenHint && !dirty && <SetupCheckPanel />}
        </>
      )}
      {draft.connector === 'kintone' && (
        <>
          <KintoneFields
            values={draft.values}
            errors={shownErrors}
            tokenHints={kintoneHints}
            tokens={kintoneTokens}
            tokenErrors={{ leads: kintoneTokenError('leads'), calls: kintoneTokenError('calls'), handoffs: kintoneTokenError('handoffs') }}
            onChange={change}
            onToken={(app, token) => {
              setKintoneTokens((current) => ({ ...current, [app]: token }));
              setKintoneMissing((missing) => missing.filter((m) => m !== app));
            }}
          />
          {view.settings.connector === 'kintone' && kintoneApps.every((app) => kintoneHints[app]) && !dirty && <SetupCheckPanel />}
        </>
      )}
      {draft.connector === 'webhook' && (
        <WebhookFields
          values={draft.values}
          errors={shownErrors}
          secretHint={view.webhookSecretHint}
          secretMode={secretMode}
          newSecret={newSecret}
          onChange={change}
          onSecretMode={(mode) => {
            setSecretMode(mode);
            setNewSecret('');
          }}
          onNewSecret={setNewSecret}
          onGenerate={() => setNewSecret(generateSecret((bytes) => crypto.getRandomValues(bytes), bytesToBase64))}
        />
      )}
      {(Object.keys(errors).length > 0 || tokenMissing || kintoneMissing.length > 0) && (
        <p role="alert" className="field-error">
          {t('sync.settings.invalid')}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="sync-settings-actions">
        <button type="submit" className="primary" disabled={status === 'saving'}>
          {status === 'saving' ? t('sync.settings.saving') : t('sync.settings.save')}
        </button>
      </div>
    </form>
  );
}
