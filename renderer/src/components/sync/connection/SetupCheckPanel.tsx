import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupCheckItem } from '../../../../../shared/contract/sync';
import { useSyncSettingsStore, useSyncStore } from '../../../stores/StoresContext';
import { ProblemAlert } from '../../common/ProblemAlert';

/** The i18n key of what to do about an item: a specific one for the item's kind when there is one. */
function problemKey(item: SetupCheckItem, crm: 'salesforce' | 'hubspot' | 'kintone'): string {
  const p = item.problem ?? 'missing';
  if (item.kind === 'scope' && p === 'denied') return 'denied_scope';
  if ((item.kind === 'owner' || item.kind === 'pipeline') && p === 'missing') return `missing_${item.kind}`;
  if (crm === 'hubspot' && item.kind === 'field' && p === 'missing') return 'missing_property';
  if (item.kind === 'externalId' && p === 'missing') return item.object === 'Activity' ? 'missing_externalId_Activity' : 'missing_externalId';
  if (item.kind === 'apiLimit' && p === 'unavailable') return 'unavailable_apiLimit';
  if (item.kind === 'convertedStatus' && p === 'missing') return 'missing_convertedStatus';
  return p;
}

/**
 * Settings → CRM connection → Setup check: one button checks the signed-in org and lists each
 * item as OK or what the admin should create or change. Failing items first.
 */
export function SetupCheckPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const check = useSyncSettingsStore((s) => s.setupCheck);
  const checking = useSyncSettingsStore((s) => s.setupChecking);
  const problem = useSyncSettingsStore((s) => s.setupProblem);
  const run = useSyncSettingsStore((s) => s.checkSetup);
  const loadLast = useSyncSettingsStore((s) => s.loadLastSetupCheck);
  // The check after sign-in ran in the backend: its pause is known before the rep asks for the list.
  const pausedBySetup = useSyncStore((s) => s.status?.paused?.reason === 'setup_incomplete');
  const signedIn = useSyncStore((s) => s.status?.signedIn ?? false);
  // The list of that check is shown as soon as it exists, without asking the CRM again.
  useEffect(() => {
    if (!check && (pausedBySetup || signedIn)) void loadLast();
  }, [check, pausedBySetup, signedIn, loadLast]);
  const missing = check ? check.items.filter((i) => i.required && !i.ok).length : 0;
  // HubSpot's and kintone's checks word their button, summary and failure in their own terms.
  const connector = useSyncStore((s) => s.status?.connector);
  const own = connector === 'hubspot' ? 'hubspotSync' : connector === 'kintone' ? 'kintoneSync' : null;
  const items = check ? [...check.items].sort((a, b) => Number(a.ok) - Number(b.ok)) : [];
  const label = (i: SetupCheckItem) => t(`sync.setup.items.${i.kind}`, { object: i.object ?? '', field: i.field ?? '', expected: i.expected ?? '', actual: i.actual ?? '' });
  // kintone's items name the app in the rep's words and a field's type as kintone's form calls it.
  const typeName = (type: string | null) => (type ? t(`kintoneSync.types.${type}` as 'kintoneSync.types.NUMBER', { defaultValue: type }) : '');
  const kintoneValues = (i: SetupCheckItem) => ({
    app: i.object ? t(`kintoneSync.apps.${i.object}` as 'kintoneSync.apps.leads', { defaultValue: i.object }) : '',
    field: i.field ?? '',
    expected: i.expected ?? '',
    actual: i.actual ?? '',
    type: typeName(i.expected),
    actualType: typeName(i.actual),
  });
  const kintoneLabel = (i: SetupCheckItem) => t(`kintoneSync.items.${i.kind}` as 'kintoneSync.items.field', { ...kintoneValues(i), defaultValue: label(i) });
  const kintoneProblem = (i: SetupCheckItem) => {
    const p = i.problem ?? 'missing';
    const key = p === 'missing' && (i.kind === 'objectAccess' || i.kind === 'owner') ? `missing_${i.kind}` : p;
    return t(`kintoneSync.problems.${key}` as 'kintoneSync.problems.missing', kintoneValues(i));
  };
  return (
    <section className="sync-setup" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('sync.setup.heading')}</h4>
      <p className="hint">{connector === 'kintone' ? t('kintoneSync.intro') : t('sync.setup.intro')}</p>
      <button type="button" disabled={checking} onClick={() => void run()}>
        {checking ? t('sync.setup.running') : own ? t(`${own}.run`) : t('sync.setup.run')}
      </button>
      {!check && pausedBySetup && (
        <p role="status" className="sync-setup-summary">
          {t('sync.setup.pausedAfterSignIn')}
        </p>
      )}
      {problem &&
        (problem.kind === 'conflict' ? (
          // Not signed in, or Salesforce could not be reached: said here, in the rep's words.
          <div role="alert" className="alert">
            <p className="alert-title">{own ? t(`${own}.failedTitle`) : t('sync.setup.failed.title')}</p>
            <p>{own ? t(`${own}.failedAction`) : t('sync.setup.failed.action')}</p>
          </div>
        ) : (
          <ProblemAlert problem={problem} />
        ))}
      {check && (
        <>
          <p role="status" className={missing === 0 ? 'sync-setup-summary is-ok' : 'sync-setup-summary'}>
            {missing === 0
              ? t('sync.setup.allOk')
              : check.crm === 'hubspot' || check.crm === 'kintone'
                ? t(`${check.crm === 'hubspot' ? 'hubspotSync' : 'kintoneSync'}.askAdmin`, { count: missing })
                : t('sync.setup.missing', { count: missing })}
          </p>
          <ul className="sync-setup-list" aria-label={t('sync.setup.heading')}>
            {items.map((i) => (
              <li key={i.id} className={i.ok ? 'is-ok' : i.required ? 'is-missing' : 'is-optional'}>
                <span className="sync-setup-item">{check.crm === 'kintone' ? kintoneLabel(i) : label(i)}</span>
                {': '}
                <span className="sync-setup-fix">
                  {i.ok
                    ? t('sync.setup.ok')
                    : `${check.crm === 'kintone' ? kintoneProblem(i) : t(`sync.setup.problems.${problemKey(i, check.crm ?? 'salesforce')}` as 'sync.setup.problems.missing', { expected: i.expected ?? '', actual: i.actual ?? '' })}${i.required ? '' : ` — ${t('sync.setup.optional')}`}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
