import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dialModes } from '../../../../shared/contract/profile';
import { useProfileStore } from '../../stores/StoresContext';
import { useDialMode } from '../work/useDialMode';
import { ProblemAlert } from '../common/ProblemAlert';

/** Settings: what S does on the calls screen — dial through tel:, callto:, Zoom Phone or Dialpad, or only start the timer. */
export function DialModeSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const profile = useProfileStore((state) => state.profile);
  const problem = useProfileStore((state) => state.problem);
  const load = useProfileStore((state) => state.load);
  const save = useProfileStore((state) => state.save);
  useEffect(() => {
    if (!profile) void load();
  }, [profile, load]);
  const current = useDialMode();
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('loop.dial.heading')}</h3>
      {problem && <ProblemAlert problem={problem} />}
      <fieldset aria-labelledby={headingId} aria-describedby={hintId} disabled={!profile}>
        {dialModes.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="dial-mode" checked={current === value} onChange={() => profile && void save({ ...profile, dialMode: value })} />
            {t(`loop.dial.${value}`)}
          </label>
        ))}
      </fieldset>
      <p id={hintId} className="hint">
        {t('loop.dial.hint')}
      </p>
    </section>
  );
}
