import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { teamSettingsSchema, type TeamSettings } from '../../../../shared/contract/team';
import { useTeamStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';

/** Settings → profile: rep or manager, and for a manager the team (a role, a public group or users) and its goal. */
export function TeamSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const state = useTeamStore((s) => s.state);
  const load = useTeamStore((s) => s.load);
  const problem = useTeamStore((s) => s.problem);
  const saved = useTeamStore((s) => s.saved);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('team.settingsHeading')}</h3>
      <p className="hint">{t('team.settingsHint')}</p>
      {problem && !state && <ProblemAlert problem={problem} onRetry={() => void load()} />}
      {state && <TeamForm key={JSON.stringify(state.settings)} initial={state.settings} />}
      <p role="status" className="status-line">
        {saved ? t('team.saved') : ''}
      </p>
    </section>
  );
}

function TeamForm({ initial }: { initial: TeamSettings }) {
  const { t } = useTranslation();
  const save = useTeamStore((s) => s.save);
  const busy = useTeamStore((s) => s.busy);
  const [mode, setMode] = useState(initial.mode);
  const [kind, setKind] = useState(initial.team?.kind ?? 'role');
  const [ids, setIds] = useState(initial.team?.ids.join('\n') ?? '');
  const [goal, setGoal] = useState(String(initial.goal));
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();
  const hintId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const list = ids.split(/[\s,]+/).filter((id) => id.length > 0);
    const candidate = { mode, team: mode === 'manager' || list.length > 0 ? { kind, ids: list } : null, goal: Number(goal) };
    const parsed = teamSettingsSchema.safeParse(goal.trim() === '' ? { ...candidate, goal: Number.NaN } : candidate);
    setInvalid(!parsed.success);
    if (parsed.success) void save(parsed.data);
  };
  return (
    <form className="rules-form" onSubmit={onSubmit} aria-describedby={invalid ? errorId : undefined}>
      <fieldset>
        <legend>{t('team.mode')}</legend>
        {(['rep', 'manager'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="team-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`team.modes.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'manager' && (
        <>
          <label>
            {t('team.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {(['role', 'group', 'users'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`team.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('team.ids')}
            <textarea rows={3} value={ids} onChange={(e) => setIds(e.target.value)} aria-describedby={hintId} spellCheck={false} />
          </label>
          <p id={hintId} className="hint">
            {t('team.idsHint')}
          </p>
          <label>
            {t('team.goal')}
            <input type="number" min={0} inputMode="numeric" value={goal} onChange={(e) => setGoal(e.target.value)} />
          </label>
        </>
      )}
      {invalid && (
        <p id={errorId} role="alert" className="field-error">
          {t('team.invalid')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('team.save')}
      </button>
    </form>
  );
}
