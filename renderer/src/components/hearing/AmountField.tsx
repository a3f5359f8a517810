import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from './FormField';
import { readWholeNumber } from './wholeNumber';

interface AmountFieldProps {
  label: string;
  amount: number | null;
  onAmount: (amount: number | null) => void;
  onUnreadable: (unreadable: boolean) => void;
  /** The backend's message for this amount, if it refused it. */
  error?: string | undefined;
  className?: string;
}

/**
 * An amount typed freely (full-width digits, grouping commas, a yen sign) and shown grouped once the
 * rep leaves it. While it is wrong the text stays exactly as typed, so nothing the rep wrote is lost.
 */
export function AmountField({ label, amount, onAmount, onUnreadable, error, className }: AmountFieldProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const readable = text === null || readWholeNumber(text).readable;
  const grouped = amount === null ? '' : new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language).format(amount);
  const shown = text !== null && (focused || !readable || error) ? text : grouped;
  const message = error ? t('hearing.fieldError', { message: error }) : readable ? null : t('hearing.notANumber');
  return (
    <FormField label={label} error={message} className={className}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="numeric"
          value={shown}
          onFocus={() => {
            setFocused(true);
            if (text === null || readWholeNumber(text).readable) setText(amount === null ? '' : String(amount));
          }}
          onBlur={() => setFocused(false)}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            const read = readWholeNumber(next);
            onUnreadable(!read.readable);
            if (read.readable) onAmount(read.value);
          }}
        />
      )}
    </FormField>
  );
}
