import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceMetrics, referenceValuesSchema, type ReferenceMetric, type ReferenceValues } from '../../../../shared/contract/reference';
import { useReferenceStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import '../dashboard/dashboard.css';

type Draft = Record<ReferenceMetric, { low: string; high: string }>;

/** Rates are stored as fractions and typed as percentages (0.005 ↔ "0.5"); dials as they are. */
const isRate = (metric: ReferenceMetric) => metric !== 'dialsPerDay';
const shown = (metric: ReferenceMetric, value: number) => String(isRate(metric) ? Math.round(value * 10_000) / 100 : value);

function draftOf(values: ReferenceValues): Draft {
  const entry = (metric: ReferenceMetric) => ({ low: shown(metric, values[metric].low), high: shown(metric, values[metric].high) });
  return { connectRate: entry('connectRate'), appointmentRate: entry('appointmentRate'), dialsPerDay: entry('dialsPerDay') };
}

/** The draft as values, or null when a field is empty, not a number, out of range or low > high. */
function valuesOf(draft: Draft): ReferenceValues | null {
  const number = (metric: ReferenceMetric, text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return Number.NaN;
    return isRate(metric) ? n / 100 : n;
  };
  const candidate = Object.fromEntries(referenceMetrics.map((m) => [m, { low: number(m, draft[m].low), high: number(m, draft[m].high) }]));
  const parsed = referenceValuesSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Settings: the reference values the dashboard shows beside the rep's own figures. */
export function ReferenceValuesSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const values = useReferenceStore((s) => s.values);
  const load = useReferenceStore((s) => s.load);
  const problem = useReferenceStore((s) => s.problem);
  const status = useReferenceStore((s) => s.status);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('reference.settingsHeading')}</h3>
      <p className="hint">{t('reference.settingsHint')}</p>
      {problem && !values && <ProblemAlert problem={problem} onRetry={() => void load()} />}
      {values ? <ReferenceForm key={JSON.stringify(values)} initial={values} /> : !problem && <p className="hint">{t('app.loading')}</p>}
      <p role="status" className="status-line">
        {status === 'saved' ? t('reference.saved') : ''}
      </p>
    </section>
  );
}

function ReferenceForm({ initial }: { initial: ReferenceValues }) {
  const { t } = useTranslation();
  const save = useReferenceStore((s) => s.save);
  const defaults = useReferenceStore((s) => s.defaults);
  const problem = useReferenceStore((s) => s.problem);
  const errorId = useId();
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = valuesOf(draft);
    setInvalid(values === null);
    if (values) void save(values);
  };
  const field = (metric: ReferenceMetric, end: 'low' | 'high') => (
    <input
      type="number"
      min={0}
      max={isRate(metric) ? 100 : 1000}
      step={isRate(metric) ? 0.1 : 1}
      aria-label={t(`reference.${end}`, { metric: t(`reference.metrics.${metric}`) })}
      aria-invalid={invalid}
      aria-describedby={invalid ? errorId : undefined}
      value={draft[metric][end]}
      onChange={(event) => setDraft({ ...draft, [metric]: { ...draft[metric], [end]: event.target.value } })}
    />
  );
  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      {referenceMetrics.map((metric) => (
        <div key={metric} className="settings-row">
          <span className="reference-label">{t(`reference.metrics.${metric}`)}</span>
          {field(metric, 'low')}
          <span aria-hidden="true">〜</span>
          {field(metric, 'high')}
          <span>{isRate(metric) ? t('reference.percentUnit') : t('reference.dialsUnit')}</span>
        </div>
      ))}
      {invalid && (
        <p id={errorId} role="alert" className="field-error">
          {t('reference.invalid')}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="settings-row">
        <button type="submit" className="primary">
          {t('reference.save')}
        </button>
        {defaults && (
          <button type="button" onClick={() => setDraft(draftOf(defaults))}>
            {t('reference.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
