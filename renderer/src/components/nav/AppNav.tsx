import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavStore } from '../../stores/StoresContext';
import { views } from './views';
import { isComposing } from '../../lib/keys';

/** Tabs for the screens; Alt+1…Alt+9 switch from anywhere, so the call flow never needs the mouse. */
export function AppNav() {
  const { t } = useTranslation();
  const current = useNavStore((state) => state.view);
  const show = useNavStore((state) => state.show);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || isComposing(event)) return;
      const index = Number(event.key) - 1;
      const view = views[index];
      if (Number.isInteger(index) && view) {
        event.preventDefault();
        show(view.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      {views.map((view, i) => (
        <button
          key={view.id}
          type="button"
          className="app-nav-tab"
          aria-current={current === view.id ? 'page' : undefined}
          title={t('nav.shortcut', { key: i + 1 })}
          onClick={() => show(view.id)}
        >
          {t(`nav.${view.label}`)}
        </button>
      ))}
    </nav>
  );
}
