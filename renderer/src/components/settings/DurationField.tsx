import { useTranslation } from 'react-i18next';
import { durationUnits } from '../../../../shared/domain/duration';
import { RuleField } from './RuleField';
import type { DurationText, Issues } from './rulesForm';

interface DurationFieldProps {
  label: string;
  path: string;
  issues: Issues;
  value: DurationText;
  onValue: (value: DurationText) => void;
  /** Blank allowed (e.g. no speed-to-lead window for the source). */
  placeholder?: string;
}

/** A rule duration typed in 分, 時間 or 日 (the rules keep minutes): 1 日, not 1440 分. */
export function DurationField({ label, path, issues, value, onValue, placeholder }: DurationFieldProps) {
  const { t } = useTranslation();
  return (
    <RuleField
      label={label}
      path={path}
      min={0}
      step="any"
      placeholder={placeholder}
      issues={issues}
      value={value.amount}
      onValue={(amount) => onValue({ ...value, amount })}
      unit={
        <select aria-label={t('ruleUnits.unitOf', { label })} value={value.unit} onChange={(event) => onValue({ ...value, unit: event.target.value as DurationText['unit'] })}>
          {durationUnits.map((unit) => (
            <option key={unit} value={unit}>
              {t(`ruleUnits.${unit}`)}
            </option>
          ))}
        </select>
      }
    />
  );
}
