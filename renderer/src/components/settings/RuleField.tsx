import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { issuesAt, type Issues } from './rulesForm';

interface RuleFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'> {
  label: string;
  /** Where the backend reports this field's problems, under `rules.` (e.g. "callingHours.start"). */
  path: string;
  issues: Issues;
  value: string;
  onValue: (value: string) => void;
  /** The unit beside the input: a word (点, 日) or a control choosing it (see DurationField). */
  unit?: ReactNode;
  /** In a row of a list the column header shows the label; it stays the input's accessible name. */
  hideLabel?: boolean;
}

/** One labelled input of a rules form, with the backend's message for it when the save was refused. */
export function RuleField({ label, path, issues, value, onValue, unit, hideLabel = false, type = 'number', ...rest }: RuleFieldProps) {
  const id = useId();
  const errorId = useId();
  const messages = issuesAt(issues, path);
  return (
    <div className="rule-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <span className="rule-input">
        <input
          {...rest}
          id={id}
          type={type}
          value={value}
          aria-invalid={messages.length > 0 ? true : undefined}
          aria-describedby={messages.length > 0 ? errorId : undefined}
          onChange={(event) => onValue(event.target.value)}
        />
        {typeof unit === 'string' ? <span className="hint">{unit}</span> : unit}
      </span>
      {messages.length > 0 && (
        <span id={errorId} className="field-error">
          {messages.join(' / ')}
        </span>
      )}
    </div>
  );
}
