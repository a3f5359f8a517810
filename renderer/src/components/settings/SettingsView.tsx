import { useTranslation } from 'react-i18next';
import { settingsSections } from './sections';

export function SettingsView() {
  const { t } = useTranslation();
  return (
    <section className="settings-view" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('nav.settings')}</h2>
      {settingsSections.map(({ id, Component }) => (
        <Component key={id} />
      ))}
    </section>
  );
}
