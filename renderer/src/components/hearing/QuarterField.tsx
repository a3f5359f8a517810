import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hearingSchema } from '../../../../shared/contract/hearing';
import { FormField } from './FormField';

const quarterSchema = hearingSchema.shape.timeline.shape.targetQuarter;

interface QuarterFieldProps {
  quarter: string | null;
  onQuarter: (quarter: string | null) => void;
  onUnreadable: (unreadable: boolean) => void;
  error?: string | undefined;
}

/** A fiscal quarter as 2026-Q3; half-typed text waits (unsaved) instead of being refused on every keystroke. */
export function QuarterField({ quarter, onQuarter, onUnreadable, error }: QuarterFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(quarter ?? '');
  const [readable, setReadable] = useState(true);
  const message = error ? t('hearing.fieldError', { message: error }) : readable ? null : t('hearing.notAQuarter');
  return (
    <FormField label={t('hearing.timeline.targetQuarter')} error={message}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={text}
          placeholder={t('hearing.timeline.quarterPlaceholder')}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            const normalised = event.target.value.normalize('NFKC').trim().toUpperCase();
            // The contract's own rule decides what a quarter looks like.
            const parsed = quarterSchema.safeParse(normalised === '' ? null : normalised);
            setReadable(parsed.success);
            onUnreadable(!parsed.success);
            if (parsed.success) onQuarter(parsed.data);
          }}
        />
      )}
    </FormField>
  );
}
