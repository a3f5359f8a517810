import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeUrl } from '../../../../../shared/contract/sync';
import { useAppStore, useSyncSettingsStore, useSyncStore } from '../../../stores/StoresContext';
import { ProblemAlert } from '../../common/ProblemAlert';

/**
 * Sign-in happens in the system browser (RFC 8252), never in a Koma window: the backend opens the
 * page. In browser mode the page is shown as a link too, since this tab already is that browser.
 */
export function SalesforceSignIn({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const signedIn = useSyncStore((s) => s.status?.signedIn ?? false);
  const signingIn = useSyncStore((s) => s.status?.signingIn ?? false);
  const browserMode = useAppStore((s) => s.info?.mode === 'browser');
  const authorizeUrl = useSyncSettingsStore((s) => s.authorizeUrl);
  const busy = useSyncSettingsStore((s) => s.signInBusy);
  const problem = useSyncSettingsStore((s) => s.signInProblem);
  const signIn = useSyncSettingsStore((s) => s.signIn);
  const signOut = useSyncSettingsStore((s) => s.signOut);
  // Only a page Koma may send a rep to: https, or the loopback address of a local test server.
  const link = authorizeUrl && !signedIn && isSafeUrl(authorizeUrl) ? authorizeUrl : null;
  return (
    <section className="sync-signin" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('sync.settings.signInHeading')}</h4>
      <p role="status" className={signedIn ? 'sync-signin-state is-signed-in' : 'sync-signin-state'}>
        {signedIn ? t('sync.settings.signedIn') : signingIn ? t('sync.settings.signingIn') : t('sync.settings.signedOut')}
      </p>
      <div className="sync-signin-actions">
        {signedIn ? (
          <button type="button" disabled={busy} onClick={() => void signOut()}>
            {t('sync.settings.signOut')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy || !saved} onClick={() => void signIn()}>
            {t('sync.settings.signIn')}
          </button>
        )}
        {!saved && !signedIn && <span className="hint">{t('sync.settings.saveFirst')}</span>}
      </div>
      {link &&
        (browserMode ? (
          <p className="sync-signin-link">
            <a href={link} target="_blank" rel="noopener noreferrer">
              {t('sync.settings.openLink')}
            </a>{' '}
            <span className="hint">{t('sync.settings.linkHint')}</span>
          </p>
        ) : (
          <p className="hint">{t('sync.settings.openedInBrowser')}</p>
        ))}
      {problem && <ProblemAlert problem={problem} />}
    </section>
  );
}
