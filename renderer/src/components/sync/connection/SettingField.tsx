import { FormField } from '../../hearing/FormField';

interface SettingFieldProps {
  label: string;
  value: string;
  error: string | null;
  hint?: string | undefined;
  type?: 'text' | 'url' | 'number';
  onChange(value: string): void;
}

/** One labelled text setting with its hint or error. */
export function SettingField({ label, value, error, hint, type = 'text', onChange }: SettingFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type={type === 'number' ? 'text' : type}
          inputMode={type === 'number' ? 'decimal' : undefined}
          spellCheck={false}
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
