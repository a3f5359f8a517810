import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWorkWeek } from '../../../../shared/contract/slots';
import { usePlannerStore, useStores } from '../../stores/StoresContext';
import { SlotToast } from './SlotToast';
import { useSlotFormat } from './useSlotFormat';
import './planner.css';

/**
 * The slot under way, compact enough for the app header so it shows on every screen: its kind,
 * time, countdown, target and the lead source the call list is narrowed to. Mounting it starts the clock.
 */
export function CurrentSlot() {
  const { t } = useTranslation();
  const stores = useStores();
  const running = usePlannerStore((s) => s.running);
  const format = useSlotFormat(usePlannerStore((s) => s.week?.workWeek.timeZone ?? defaultWorkWeek.timeZone));
  useEffect(() => stores.planner.getState().startClock(), [stores]);

  const slot = running?.slot;
  const source = slot?.kind === 'call_block' ? (slot.target?.source ?? null) : null;
  const target = slot?.kind === 'call_block' && slot.target?.dials ? t('planner.targetDials', { count: slot.target.dials }) : null;
  return (
    <>
      {running && slot && (
        // Kept short for the header: the span and the target are in the tooltip and read out, not shown.
        <section
          className={`current-slot kind-${slot.kind ?? 'none'}`}
          aria-label={t('planner.current.label')}
          title={[format.span(slot.startsAt, slot.endsAt), target].filter(Boolean).join(' · ')}
        >
          <span className="slot-kind">{slot.kind ? t(`planner.kinds.${slot.kind}`) : t('planner.unplannedCell')}</span>
          <span className="visually-hidden">{format.span(slot.startsAt, slot.endsAt)}</span>
          <span role="timer" aria-label={t('planner.current.timerLabel')} className="countdown">
            {/* Whole minutes (rounded up, so 「残り 1分」 means under a minute is not yet reached), seconds in the last one. */}
            {running.secondsLeft >= 60
              ? t('headerSlot.minutesLeft', { count: Math.ceil(running.secondsLeft / 60) })
              : t('headerSlot.secondsLeft', { count: Math.max(0, Math.floor(running.secondsLeft)) })}
          </span>
          {target && <span className="visually-hidden">{target}</span>}
          {source && (
            <>
              {/* Short on screen (セミナーのみ) so the header fits at 1280 px; the full sentence is read out. */}
              <span className="current-source" aria-hidden="true">
                {t('planner.sourceOnly', { source: t(`source.${source}`) })}
              </span>
              <span className="visually-hidden">{t('planner.current.sourceOnly', { source: t(`source.${source}`) })}</span>
            </>
          )}
        </section>
      )}
      <SlotToast format={format} />
    </>
  );
}
