import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/StoresContext';

/** Says plainly that the database was damaged at start and what Koma did about it. */
export function RecoveryNotice() {
  const { t } = useTranslation();
  const recovery = useAppStore((state) => state.info?.recovery ?? null);
  if (!recovery) return null;
  return (
    <div role="alert" className="alert">
      <p className="alert-title">{t('backups.recoveredTitle')}</p>
      <p>
        {recovery.restoredFrom
          ? t('backups.recoveredBody', { backup: recovery.restoredFrom, path: recovery.damagedFileKeptAt })
          : t('backups.notRecoveredBody', { path: recovery.damagedFileKeptAt })}
      </p>
    </div>
  );
}
