import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { excludeReasons, recycleReasons, type ExcludeReason, type RecycleReason } from '../../../../shared/contract/calls';
import type { DecisionForm } from '../../lib/callForm';
import { fromDateInput, toDateInput } from '../../lib/localTime';
import { useRulesStore, useWorkStore } from '../../stores/StoresContext';
import { recycleReasonLabel } from './labels';

const kinds = [
  { kind: 'none', key: null },
  { kind: 'recycle', key: 'R' },
  { kind: 'exclude', key: 'X' },
] as const;

/** What happens to the lead with this call: nothing more, recycle with a reason and date, or exclude with a reason. */
export function DecisionPicker({ leadId, decision }: { leadId: string; decision: DecisionForm }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const dateId = useId();
  const chooseDecision = useWorkStore((state) => state.chooseDecision);
  const setDecision = useWorkStore((state) => state.setDecision);
  const recycleDefault = useWorkStore((state) => state.recycleDefault);
  const rules = useRulesStore((state) => state.queueRules);
  return (
    <fieldset className="decision">
      <legend>{t('work.decision.legend')}</legend>
      <div className="decision-kinds">
        {kinds.map(({ kind, key }) => (
          <label key={kind}>
            <input
              type="radio"
              name={`decision-${leadId}`}
              checked={decision.kind === kind}
              aria-keyshortcuts={key ?? undefined}
              onChange={() => void chooseDecision(kind)}
            />
            {t(`work.decision.${kind}`)}
            {key && <kbd aria-hidden="true">{key}</kbd>}
          </label>
        ))}
      </div>
      {decision.kind === 'recycle' && (
        <div className="decision-detail">
          <label htmlFor={reasonId}>{t('work.decision.recycleReason')}</label>
          <select
            id={reasonId}
            data-shortcut-target="recycleReason"
            value={decision.reason}
            onChange={(event) => {
              const reason = event.target.value as RecycleReason;
              setDecision({ kind: 'recycle', reason, until: recycleDefault(reason) });
            }}
          >
            {recycleReasons.map((reason) => (
              <option key={reason} value={reason}>
                {recycleReasonLabel(t, reason, rules)}
              </option>
            ))}
          </select>
          <label htmlFor={dateId}>{t('work.decision.recycleUntil')}</label>
          <input
            id={dateId}
            type="date"
            required
            value={toDateInput(decision.until)}
            onChange={(event) => setDecision({ ...decision, until: fromDateInput(event.target.value, decision.until) })}
          />
        </div>
      )}
      {decision.kind === 'exclude' && (
        <div className="decision-detail">
          <label htmlFor={reasonId}>{t('work.decision.excludeReason')}</label>
          <select
            id={reasonId}
            required
            data-shortcut-target="excludeReason"
            value={decision.reason ?? ''}
            onChange={(event) => setDecision({ kind: 'exclude', reason: (event.target.value || null) as ExcludeReason | null })}
          >
            <option value="" disabled>
              {t('work.decision.choose')}
            </option>
            {excludeReasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(`work.excludeReason.${reason}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
