import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkStore } from '../../stores/StoresContext';

const pad = (n: number) => String(n).padStart(2, '0');

/** mm:ss since the call started, ticking every second while a call runs. */
export function CallTimer({ startedAt }: { startedAt: string | null }) {
  const { t } = useTranslation();
  const now = useWorkStore((state) => state.now);
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  if (!startedAt) return null;
  const seconds = Math.max(0, Math.floor((now().getTime() - Date.parse(startedAt)) / 1000));
  return (
    <span className="call-timer">
      <span className="badge in-call">{t('work.call.inCall')}</span>
      <span role="timer" aria-label={t('work.call.timer')}>
        {pad(Math.floor(seconds / 60))}:{pad(seconds % 60)}
      </span>
    </span>
  );
}
