import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { painLabel } from './painLabel';

interface PainPickerProps {
  options: readonly string[];
  chosen: readonly string[];
  onChange: (pains: string[]) => void;
}

/** The team's pain options as checkboxes; a pain heard before an option was removed stays listed and ticked. */
export function PainPicker({ options, chosen, onChange }: PainPickerProps) {
  const { t } = useTranslation();
  const legendId = useId();
  const all = [...options, ...chosen.filter((pain) => !options.includes(pain))];
  const toggle = (pain: string, on: boolean) => onChange(on ? [...chosen, pain] : chosen.filter((p) => p !== pain));
  return (
    <div role="group" aria-labelledby={legendId} className="form-field">
      <span id={legendId} className="group-label">
        {t('hearing.need.pains')}
      </span>
      <div className="check-grid">
        {all.map((pain) => (
          <label key={pain} className="check">
            <input type="checkbox" checked={chosen.includes(pain)} onChange={(event) => toggle(pain, event.target.checked)} />
            {painLabel(t, pain)}
          </label>
        ))}
      </div>
    </div>
  );
}
