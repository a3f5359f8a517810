import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BantItem } from '../../../../shared/contract/hearing';

interface HearingFieldsetProps {
  section: BantItem;
  confirmed: boolean;
  onConfirmed: (confirmed: boolean) => void;
  children: ReactNode;
}

/** One BANT item: its fields and whether the prospect actually confirmed it. */
export function HearingFieldset({ section, confirmed, onConfirmed, children }: HearingFieldsetProps) {
  const { t } = useTranslation();
  return (
    <fieldset className={`hearing-section${confirmed ? ' is-confirmed' : ''}`}>
      <legend>{t(`hearing.sections.${section}`)}</legend>
      <label className="confirm-toggle">
        <input type="checkbox" checked={confirmed} onChange={(event) => onConfirmed(event.target.checked)} />
        {t('hearing.confirmed')}
      </label>
      <div className="hearing-fields">{children}</div>
    </fieldset>
  );
}
