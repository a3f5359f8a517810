import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { leadSources, type LeadSource } from '../../../../shared/contract/leads';
import type { SlotTarget } from '../../../../shared/contract/slots';
import { Modal } from '../common/Modal';

interface TargetDialogProps {
  count: number;
  initial: SlotTarget | null;
  onApply(target: SlotTarget | null): void;
  onClose(): void;
}

const maxDials = 200;

/** A call block's target: how many dials, and optionally only leads of one source. */
export function TargetDialog({ count, initial, onApply, onClose }: TargetDialogProps) {
  const { t } = useTranslation();
  const dialsId = useId();
  const hintId = useId();
  const errorId = useId();
  const sourceId = useId();
  const [dials, setDials] = useState(initial?.dials ? String(initial.dials) : '');
  const [source, setSource] = useState<LeadSource | ''>(initial?.source ?? '');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = dials.trim();
    const value = text === '' ? null : Number(text);
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > maxDials)) {
      setInvalid(true);
      return;
    }
    onApply(value === null && source === '' ? null : { dials: value, source: source === '' ? null : source });
  };

  return (
    <Modal title={t('planner.targetDialog.title', { count })} closeLabel={t('planner.cancel')} onClose={onClose}>
      <form className="target-form" onSubmit={submit} noValidate>
        <p className="hint">{t('planner.targetDialog.hint')}</p>
        <label htmlFor={dialsId}>{t('planner.targetDialog.dials')}</label>
        <input
          id={dialsId}
          type="number"
          inputMode="numeric"
          min={1}
          max={maxDials}
          value={dials}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : hintId}
          onChange={(event) => {
            setDials(event.target.value);
            setInvalid(false);
          }}
        />
        {invalid ? (
          <p id={errorId} role="alert" className="field-error">
            {t('planner.targetDialog.dialsInvalid')}
          </p>
        ) : (
          <p id={hintId} className="hint">
            {t('planner.targetDialog.dialsHint')}
          </p>
        )}
        <label htmlFor={sourceId}>{t('planner.targetDialog.source')}</label>
        <select id={sourceId} value={source} onChange={(event) => setSource(event.target.value as LeadSource | '')}>
          <option value="">{t('planner.targetDialog.anySource')}</option>
          {leadSources.map((s) => (
            <option key={s} value={s}>
              {t(`source.${s}`)}
            </option>
          ))}
        </select>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('planner.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('planner.targetDialog.apply')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
