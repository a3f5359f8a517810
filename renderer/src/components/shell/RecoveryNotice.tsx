import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/StoresContext';

/**
 * Says plainly that the store was damaged, whether a backup was used (never "restored" when none
 * was), and which period's work is missing. Stays, across restarts, until the rep dismisses it.
 */
export function RecoveryNotice() {
  const { t, i18n } = useTranslation();
  const recovery = useAppStore((state) => state.info?.recovery ?? null);
  const dismiss = useAppStore((state) => state.dismissRecovery);
  if (!recovery) return null;
  const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(i18n.language) : null);
  const until = when(recovery.missingUntil);
  const from = when(recovery.missingFrom);
  return (
    <div role="alert" className="alert">
      <p className="alert-title">{t(recovery.restoredFrom ? 'backups.recoveredTitle' : 'backups.notRecoveredTitle')}</p>
      <p>
        {recovery.restoredFrom
          ? t('backups.recoveredBody', { backup: recovery.restoredFrom, path: recovery.damagedFileKeptAt })
          : t('backups.notRecoveredBody', { path: recovery.damagedFileKeptAt })}
      </p>
      {until ? <p>{from ? t('backups.missingPeriod', { from, until }) : t('backups.missingAllUntil', { until })}</p> : null}
      <button type="button" onClick={() => void dismiss()}>
        {t('backups.dismissRecovery')}
      </button>
    </div>
  );
}
