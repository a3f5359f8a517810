import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendar } from '../../../../shared/contract/calendar';
import { useCalendarStore } from '../../stores/StoresContext';
import { closedReasonText } from '../calendar/reasonText';
import { ProblemAlert } from '../common/ProblemAlert';
import { useDateFormat } from '../work/useDateFormat';
import '../calendar/calendar.css';
import '../dashboard/dashboard.css';

interface Range {
  name: string;
  from: string;
  to: string;
}

const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

type RowProblem = { key: 'calendar.missingName' | 'calendar.invalidMonthDay' | 'calendar.invalidDate'; n: number };

/** The first row the backend would refuse, naming the row; null when all are fine. */
function rowProblem(rows: readonly Range[], valid: (r: Range) => boolean, invalidKey: RowProblem['key']): RowProblem | null {
  for (const [i, row] of rows.entries()) {
    if (row.name.trim() === '') return { key: 'calendar.missingName', n: i + 1 };
    if (!valid(row)) return { key: invalidKey, n: i + 1 };
  }
  return null;
}

/** Settings: national holidays, closures every year (年末年始, お盆) and one-off company closures. */
export function CalendarSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const view = useCalendarStore((s) => s.view);
  const load = useCalendarStore((s) => s.load);
  const problem = useCalendarStore((s) => s.problem);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('calendar.heading')}</h3>
      <p className="hint">{t('calendar.hint')}</p>
      {problem && !view && <ProblemAlert problem={problem} onRetry={() => void load()} />}
      {view ? <CalendarForm key={JSON.stringify(view.calendar)} initial={view.calendar} /> : !problem && <p className="hint">{t('app.loading')}</p>}
      {view && <UpcomingClosedDays upcoming={view.upcoming} />}
    </section>
  );
}

function CalendarForm({ initial }: { initial: BusinessCalendar }) {
  const { t } = useTranslation();
  const save = useCalendarStore((s) => s.save);
  const status = useCalendarStore((s) => s.status);
  const problem = useCalendarStore((s) => s.problem);
  const holidaysUntil = useCalendarStore((s) => s.view?.holidaysUntil);
  const errorId = useId();
  const [holidays, setHolidays] = useState(initial.nationalHolidays);
  const [yearly, setYearly] = useState<Range[]>(initial.yearlyClosures);
  const [closures, setClosures] = useState<Range[]>(initial.closures);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found =
      rowProblem(yearly, (r) => monthDay.test(r.from) && monthDay.test(r.to), 'calendar.invalidMonthDay') ??
      rowProblem(closures, (r) => isoDate.test(r.from) && isoDate.test(r.to) && r.to >= r.from, 'calendar.invalidDate');
    setError(found ? t(found.key, { n: found.n }) : null);
    if (found) return;
    const trim = (rows: Range[]) => rows.map((r) => ({ ...r, name: r.name.trim() }));
    void save({ nationalHolidays: holidays, yearlyClosures: trim(yearly), closures: trim(closures) });
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
      <label className="checkbox">
        <input type="checkbox" checked={holidays} onChange={(event) => setHolidays(event.target.checked)} />
        {t('calendar.nationalHolidays')}
      </label>
      {holidaysUntil && <p className="hint">{t('calendar.holidaysUntil', { year: holidaysUntil })}</p>}
      <RangeRows legend={t('calendar.yearly')} hint={t('calendar.yearlyHint')} rows={yearly} onRows={setYearly} inputType="text" placeholder="12-29" addLabel={t('calendar.addYearly')} />
      <RangeRows legend={t('calendar.closures')} rows={closures} onRows={setClosures} inputType="date" addLabel={t('calendar.addClosure')} />
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="settings-row">
        <button type="submit" className="primary" disabled={status === 'saving'}>
          {t('calendar.save')}
        </button>
      </div>
      <p role="status" className="status-line">
        {status === 'saved' ? t('calendar.saved') : ''}
      </p>
    </form>
  );
}

interface RangeRowsProps {
  legend: string;
  hint?: string;
  rows: Range[];
  onRows(rows: Range[]): void;
  inputType: 'text' | 'date';
  placeholder?: string;
  addLabel: string;
}

/** Rows of name / from / to, each field labelled with its row number, each row removable. */
function RangeRows({ legend, hint, rows, onRows, inputType, placeholder, addLabel }: RangeRowsProps) {
  const { t } = useTranslation();
  const patch = (i: number, change: Partial<Range>) => onRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <fieldset className="calendar-ranges">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {rows.map((row, i) => (
        <div key={i} className="settings-row">
          <input type="text" maxLength={40} aria-label={t('calendar.rowName', { n: i + 1 })} value={row.name} onChange={(event) => patch(i, { name: event.target.value })} />
          <input type={inputType} aria-label={t('calendar.rowFrom', { n: i + 1 })} placeholder={placeholder} size={inputType === 'text' ? 6 : undefined} value={row.from} onChange={(event) => patch(i, { from: event.target.value })} />
          <span aria-hidden="true">〜</span>
          <input type={inputType} aria-label={t('calendar.rowTo', { n: i + 1 })} placeholder={placeholder} size={inputType === 'text' ? 6 : undefined} value={row.to} onChange={(event) => patch(i, { to: event.target.value })} />
          <button type="button" onClick={() => onRows(rows.filter((_, j) => j !== i))}>
            {row.name.trim() ? t('calendar.remove', { name: row.name.trim() }) : t('calendar.removeUnnamed', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onRows([...rows, { name: '', from: '', to: '' }])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

/** The closed working days of the next twelve months, so a typo in a range shows at once. */
function UpcomingClosedDays({ upcoming }: { upcoming: { date: string; reason: Parameters<typeof closedReasonText>[1] }[] }) {
  const { t, i18n } = useTranslation();
  const format = useDateFormat();
  const headingId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="calendar-upcoming">
      <h4 id={headingId}>{t('calendar.upcoming')}</h4>
      {upcoming.length === 0 ? (
        <p className="hint">{t('calendar.upcomingNone')}</p>
      ) : (
        <ul aria-labelledby={headingId} className="calendar-upcoming-list">
          {upcoming.map((day) => (
            <li key={day.date}>
              {format.date(`${day.date}T12:00:00`)} {closedReasonText(t, day.reason, language)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
