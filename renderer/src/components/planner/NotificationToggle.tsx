import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlannerStore } from '../../stores/StoresContext';

/** Asks for desktop notifications on the rep's click (browsers only grant on a gesture); the in-app toast shows either way. */
export function NotificationToggle() {
  const { t } = useTranslation();
  const state = usePlannerStore((s) => s.notifications);
  const enable = usePlannerStore((s) => s.enableNotifications);
  const labelId = useId();
  return (
    <div className="notification-toggle" role="group" aria-labelledby={labelId}>
      <span id={labelId}>{t('planner.notifications.label')}</span>
      {state === 'default' ? (
        <button type="button" onClick={() => void enable()}>
          {t('planner.notifications.enable')}
        </button>
      ) : (
        <span className="hint">{t(`planner.notifications.${state === 'granted' ? 'granted' : state === 'denied' ? 'inApp' : 'unsupported'}`)}</span>
      )}
    </div>
  );
}
