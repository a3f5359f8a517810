import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlannerStore } from '../../stores/StoresContext';
import type { SlotFormat } from './useSlotFormat';

/**
 * "The 09:00 call block has ended": an in-app toast in a live region that is always there (so it is
 * announced), and a desktop notification too where the rep allowed one.
 */
export function SlotToast({ format }: { format: SlotFormat }) {
  const { t } = useTranslation();
  const ended = usePlannerStore((s) => s.ended);
  const dismiss = usePlannerStore((s) => s.dismissEnded);
  const notify = usePlannerStore((s) => s.notify);
  const notified = useRef<number | null>(null);
  const time = ended ? format.span(ended.slot.startsAt, ended.slot.endsAt) : '';
  const message = !ended ? '' : ended.slot.kind ? t('planner.toast.ended', { time, kind: t(`planner.kinds.${ended.slot.kind}`) }) : t('planner.toast.endedUnplanned', { time });
  const title = t('planner.toast.notificationTitle');

  useEffect(() => {
    if (!ended || notified.current === ended.id) return;
    notified.current = ended.id;
    notify(title, message);
  }, [ended, message, notify, title]);

  return (
    <div role="status" className="toast-region">
      {ended && (
        <div className="toast">
          <span>{message}</span>
          <button type="button" className="icon-button" aria-label={t('planner.toast.dismiss')} onClick={dismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
