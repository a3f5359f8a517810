import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeekView } from '../../../../shared/contract/planner';
import { addDays } from '../../../../shared/domain/slots/grid';
import { usePlannerStore } from '../../stores/StoresContext';
import { Modal } from '../common/Modal';
import type { SlotFormat } from './useSlotFormat';

type Pending = { kind: 'copy' } | { kind: 'template'; name: string };

/** Slots the rep planned by hand (an appointment from a handoff is not theirs to overwrite). */
const plannedByHand = (week: WeekView) => week.slots.filter((s) => s.kind !== null && s.appointment === null).length;

/** Copy last week, save this week as a template, apply one; anything that replaces a plan asks first. */
export function WeekActions({ week, format }: { week: WeekView; format: SlotFormat }) {
  const { t } = useTranslation();
  const copyLastWeek = usePlannerStore((s) => s.copyLastWeek);
  const saveTemplate = usePlannerStore((s) => s.saveTemplate);
  const applyTemplate = usePlannerStore((s) => s.applyTemplate);
  const templateSelectId = useId();
  const nameId = useId();
  const [template, setTemplate] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [saved, setSaved] = useState(false);
  const chosen = week.templates.includes(template) ? template : (week.templates[0] ?? '');
  const planned = plannedByHand(week);

  const run = (action: Pending) => {
    if (action.kind === 'copy') void copyLastWeek();
    else void applyTemplate(action.name);
  };
  const request = (action: Pending) => (planned > 0 ? setPending(action) : run(action));

  const submitName = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (await saveTemplate(name.trim())) {
      setTemplate(name.trim());
      setNaming(false);
      setSaved(true);
    }
  };

  return (
    <div className="week-actions">
      <button type="button" onClick={() => request({ kind: 'copy' })}>
        {t('planner.copyLastWeek')}
      </button>
      <button
        type="button"
        onClick={() => {
          setName('');
          setSaved(false);
          setNaming(true);
        }}
      >
        {t('planner.saveTemplate')}
      </button>
      <label htmlFor={templateSelectId}>{t('planner.templateLabel')}</label>
      <select id={templateSelectId} value={chosen} disabled={week.templates.length === 0} onChange={(event) => setTemplate(event.target.value)}>
        {week.templates.length === 0 && <option value="">{t('planner.noTemplates')}</option>}
        {week.templates.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button type="button" disabled={!chosen} onClick={() => request({ kind: 'template', name: chosen })}>
        {t('planner.applyTemplate')}
      </button>
      <span role="status" className="status-line">
        {saved ? t('planner.saved') : ''}
      </span>

      {naming && (
        <Modal title={t('planner.templateDialogTitle')} closeLabel={t('planner.cancel')} onClose={() => setNaming(false)}>
          <form className="target-form" onSubmit={(event) => void submitName(event)}>
            <label htmlFor={nameId}>{t('planner.templateName')}</label>
            <input id={nameId} type="text" maxLength={60} value={name} required onChange={(event) => setName(event.target.value)} />
            <div className="dialog-actions">
              <button type="button" onClick={() => setNaming(false)}>
                {t('planner.cancel')}
              </button>
              <button type="submit" className="primary" disabled={!name.trim()}>
                {t('planner.templateSave')}
              </button>
            </div>
          </form>
        </Modal>
      )}

      {pending && (
        <Modal title={t('planner.overwriteTitle')} closeLabel={t('planner.cancel')} onClose={() => setPending(null)}>
          <p>
            {pending.kind === 'copy'
              ? t('planner.overwriteCopy', { from: format.date(addDays(week.weekStart, -7)), count: planned })
              : t('planner.overwriteTemplate', { name: pending.name, count: planned })}
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setPending(null)}>
              {t('planner.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                run(pending);
                setPending(null);
              }}
            >
              {t('planner.overwriteConfirm')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
