import { useTranslation } from 'react-i18next';
import { selectLeadCount } from '../../stores/appStore';
import { useAppStore, useImportStore } from '../../stores/StoresContext';
import { AppNav } from '../nav/AppNav';
import { CurrentSlot } from '../planner/CurrentSlot';
import { SyncIndicator } from '../sync/SyncIndicator';
import { LanguageSelect } from './LanguageSelect';

export function AppHeader() {
  const { t } = useTranslation();
  const leadCount = useAppStore(selectLeadCount);
  const openDialog = useImportStore((state) => state.openDialog);
  return (
    <header className="app-header">
      <h1 className="app-name">{t('app.name')}</h1>
      {leadCount !== null && <span className="lead-count">{t('header.leadCount', { count: leadCount })}</span>}
      <AppNav />
      <CurrentSlot />
      <SyncIndicator />
      <div className="header-actions">
        <button type="button" onClick={openDialog}>
          {t('header.importCsv')}
        </button>
        <LanguageSelect />
      </div>
    </header>
  );
}
