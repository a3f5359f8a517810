import { useTranslation } from 'react-i18next';
import { callOutcomes, type CallOutcome } from '../../../../shared/contract/calls';
import { useWorkStore } from '../../stores/StoresContext';
import { outcomeKey } from './shortcuts';

/** The eight outcomes as one radio group, each with the digit that picks it from anywhere. */
export function OutcomePicker({ leadId, outcome }: { leadId: string; outcome: CallOutcome | null }) {
  const { t } = useTranslation();
  const setOutcome = useWorkStore((state) => state.setOutcome);
  return (
    <fieldset className="outcomes">
      <legend>{t('work.call.outcome')}</legend>
      <div className="outcome-grid">
        {callOutcomes.map((value) => (
          <label key={value} className={`outcome${outcome === value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={`outcome-${leadId}`}
              value={value}
              checked={outcome === value}
              aria-keyshortcuts={outcomeKey(value)}
              onChange={() => setOutcome(value)}
            />
            <kbd aria-hidden="true">{outcomeKey(value)}</kbd>
            <span>{t(`work.outcome.${value}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
