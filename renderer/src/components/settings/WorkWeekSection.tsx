import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkWeek } from '../../../../shared/contract/slots';
import { slotsPerDay } from '../../../../shared/domain/slots/grid';
import { usePlannerStore, useStores } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import '../dashboard/dashboard.css';
import '../planner/planner.css';

const pad = (n: number) => String(n).padStart(2, '0');
/** Every half hour of the day, the only times a slot may start or end on. */
const halfHours = Array.from({ length: 48 }, (_, i) => `${pad(Math.floor(i / 2))}:${i % 2 ? '30' : '00'}`);
/** Monday first, the way a Japanese work week is read. */
const weekdayOrder = [1, 2, 3, 4, 5, 6, 0] as const;

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The working hours, days and zone the planner's slots are laid out in. */
export function WorkWeekSection() {
  const { t } = useTranslation();
  const stores = useStores();
  const saved = usePlannerStore((s) => s.week?.workWeek ?? null);
  const [savedCount, setSavedCount] = useState(0);
  useEffect(() => {
    void stores.planner.getState().ensureWorkWeek();
  }, [stores]);
  return (
    <section className="settings-section" aria-labelledby="work-week-heading">
      <h3 id="work-week-heading">{t('planner.workWeek.heading')}</h3>
      {saved ? <WorkWeekForm key={JSON.stringify(saved)} initial={saved} onSaved={() => setSavedCount((n) => n + 1)} /> : <p className="hint">{t('app.loading')}</p>}
      <p role="status" className="status-line">
        {savedCount > 0 ? t('planner.saved') : ''}
      </p>
    </section>
  );
}

function WorkWeekForm({ initial, onSaved }: { initial: WorkWeek; onSaved(): void }) {
  const { t } = useTranslation();
  const save = usePlannerStore((s) => s.saveWorkWeek);
  const problem = usePlannerStore((s) => s.problem);
  const ids = { start: useId(), end: useId(), zone: useId(), error: useId() };
  const [week, setWeek] = useState<WorkWeek>(initial);
  const [failed, setFailed] = useState(false);
  const endAfterStart = week.end > week.start;
  const error = !endAfterStart ? t('planner.workWeek.endAfterStart') : week.days.length === 0 ? t('planner.workWeek.noDays') : null;
  const perDay = endAfterStart ? slotsPerDay(week) : 0;

  const change = (patch: Partial<WorkWeek>) => {
    setWeek((w) => ({ ...w, ...patch }));
    setFailed(false);
  };
  const toggleDay = (day: number, on: boolean) => change({ days: on ? [...week.days, day].sort((a, b) => a - b) : week.days.filter((d) => d !== day) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (error) return;
    // A saved week comes back from the backend and remounts this form; a failure keeps the rep's input here.
    if (await save(week)) onSaved();
    else setFailed(true);
  };

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="hint">{t('planner.workWeek.hint', { perDay, perWeek: perDay * week.days.length })}</p>
      <div className="settings-row">
        <label htmlFor={ids.start}>{t('planner.workWeek.start')}</label>
        <select id={ids.start} value={week.start} onChange={(event) => change({ start: event.target.value })}>
          {halfHours.map((time) => (
            <option key={time}>{time}</option>
          ))}
        </select>
        <label htmlFor={ids.end}>{t('planner.workWeek.end')}</label>
        <select id={ids.end} value={week.end} aria-invalid={!endAfterStart} aria-describedby={!endAfterStart ? ids.error : undefined} onChange={(event) => change({ end: event.target.value })}>
          {halfHours.slice(1).map((time) => (
            <option key={time}>{time}</option>
          ))}
        </select>
      </div>
      <fieldset className="settings-days">
        <legend>{t('planner.workWeek.days')}</legend>
        {weekdayOrder.map((day) => (
          <label key={day} className="checkbox">
            <input type="checkbox" checked={week.days.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} />
            {t(`planner.weekdays.${day}`)}
          </label>
        ))}
      </fieldset>
      <div className="settings-row">
        <label htmlFor={ids.zone}>{t('planner.workWeek.timeZone')}</label>
        <select id={ids.zone} value={week.timeZone} onChange={(event) => change({ timeZone: event.target.value })}>
          {timeZones(week.timeZone).map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </div>
      {error && (
        <p id={ids.error} role="alert" className="field-error">
          {error}
        </p>
      )}
      {failed && problem && <ProblemAlert problem={problem} />}
      <div className="settings-row">
        <button type="submit" className="primary" disabled={error !== null}>
          {t('planner.workWeek.save')}
        </button>
      </div>
    </form>
  );
}
