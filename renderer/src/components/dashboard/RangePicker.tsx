import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidRange, type DateRange } from '../../stores/dashboardStore';
import { useDashboardStore } from '../../stores/StoresContext';

const presets = ['today', 'week', 'month'] as const;

/** Today, this week, this month, or two dates of the rep's choosing (counted in the work week's zone). */
export function RangePicker() {
  const { t } = useTranslation();
  const kind = useDashboardStore((s) => s.kind);
  const range = useDashboardStore((s) => s.range);
  const show = useDashboardStore((s) => s.show);
  const showCustom = useDashboardStore((s) => s.showCustom);
  const ids = { from: useId(), to: useId(), error: useId() };
  const [customOpen, setCustomOpen] = useState(kind === 'custom');
  const [draft, setDraft] = useState<DateRange>(range ?? { fromDate: '', toDate: '' });
  const [invalid, setInvalid] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setInvalid(!isValidRange(draft));
    await showCustom(draft);
  };

  return (
    <div className="range-picker">
      <div role="group" aria-label={t('dashboard.range.label')} className="segmented">
        {presets.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={!customOpen && kind === preset}
            onClick={() => {
              setCustomOpen(false);
              void show(preset);
            }}
          >
            {t(`dashboard.range.${preset}`)}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={customOpen}
          onClick={() => {
            if (range) setDraft(range);
            setCustomOpen(true);
          }}
        >
          {t('dashboard.range.custom')}
        </button>
      </div>
      {customOpen && (
        <form className="custom-range" onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor={ids.from}>{t('dashboard.range.from')}</label>
          <input
            id={ids.from}
            type="date"
            value={draft.fromDate}
            aria-invalid={invalid}
            aria-describedby={invalid ? ids.error : undefined}
            onChange={(event) => setDraft({ ...draft, fromDate: event.target.value })}
          />
          <label htmlFor={ids.to}>{t('dashboard.range.to')}</label>
          <input
            id={ids.to}
            type="date"
            value={draft.toDate}
            aria-invalid={invalid}
            aria-describedby={invalid ? ids.error : undefined}
            onChange={(event) => setDraft({ ...draft, toDate: event.target.value })}
          />
          <button type="submit">{t('dashboard.range.apply')}</button>
          {invalid && (
            <p id={ids.error} role="alert" className="field-error">
              {t('dashboard.range.invalid')}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
