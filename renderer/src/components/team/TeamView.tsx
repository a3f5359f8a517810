import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamFigures, TeamView as TeamViewData } from '../../../../shared/contract/team';
import { useTeamStore } from '../../stores/StoresContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePercent } from '../dashboard/usePercent';
import './team.css';

/** How often the open screen asks; the backend reads the CRM at most every 15 minutes. */
const autoAskMs = 60_000;

function useTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

/**
 * The manager's Team screen: the team's funnel per rep and in total, read from Salesforce with
 * aggregate queries (team.refresh), the team goal worked backward, field sales' answers, the
 * bottleneck per rep and the weekly trend. Offline, the last view read, marked with its time.
 */
export function TeamView() {
  const { t } = useTranslation();
  const state = useTeamStore((s) => s.state);
  const busy = useTeamStore((s) => s.busy);
  const problem = useTeamStore((s) => s.problem);
  const refresh = useTeamStore((s) => s.refresh);
  const time = useTime();
  useEffect(() => {
    void refresh(true);
    const timer = setInterval(() => void refresh(true), autoAskMs);
    return () => clearInterval(timer);
  }, [refresh]);
  const view = state?.view ?? null;
  const managerWithTeam = state?.settings.mode === 'manager' && state.settings.team !== null;
  return (
    <section className="team-view" aria-labelledby="team-title" aria-busy={busy}>
      <div className="team-head">
        <h2 id="team-title">{t('team.heading')}</h2>
        {managerWithTeam && (
          <button type="button" onClick={() => void refresh(false)} disabled={busy}>
            {t('team.refresh')}
          </button>
        )}
      </div>
      {problem && <ProblemAlert problem={problem} onRetry={() => void refresh(false)} />}
      <p role="status" className={`team-status${state?.stale ? ' team-stale' : ''}`}>
        {busy ? t('team.refreshing') : view ? (state?.stale ? t('team.stale', { time: time(view.fetchedAt) }) : t('team.fetchedAt', { time: time(view.fetchedAt) })) : managerWithTeam ? t('team.never') : ''}
      </p>
      {state?.problem && (
        <p role="alert" className="alert">
          {t(`team.problems.${state.problem}`)}
        </p>
      )}
      {view && <TeamFiguresView view={view} nextAuto={state?.nextAutoRefreshAt ?? null} />}
    </section>
  );
}

function TeamFiguresView({ view, nextAuto }: { view: TeamViewData; nextAuto: string | null }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const time = useTime();
  const rate = (r: number | null) => (r === null ? t('team.notAvailable') : percent(r));
  const count = (n: number | null) => (n === null ? t('team.notAvailable') : String(n));
  const repsId = useId();
  const handoffsId = useId();
  const rejectionsId = useId();
  const trendId = useId();
  const nameOf = new Map(view.reps.map((r) => [r.userId, r.name]));
  const row = (label: string, f: TeamFigures, header: 'row' | 'foot') => (
    <tr key={label}>
      <th scope="row">{header === 'foot' ? <strong>{label}</strong> : label}</th>
      <td>{f.dials}</td>
      <td>{f.connects}</td>
      <td>{count(f.conversations)}</td>
      <td>{f.appointments}</td>
      <td>{f.opportunities}</td>
      <td>{rate(f.rates.connect)}</td>
      <td>{rate(f.rates.conversation)}</td>
      <td>{rate(f.rates.opportunity)}</td>
      <td>{f.plannedSlots}</td>
      <td>{count(f.usedSlots)}</td>
      <td>{f.bottleneck ? t(`team.stages.${f.bottleneck}`) : t('team.notAvailable')}</td>
    </tr>
  );
  const g = view.goal;
  return (
    <>
      <p className="hint">
        {t('team.cost', { requests: view.requests, reps10: view.requestBound.reps10, reps50: view.requestBound.reps50 })}
        {nextAuto ? ` ${t('team.autoRefresh', { time: time(nextAuto) })}` : ''}
      </p>
      <section aria-labelledby={`${repsId}-goal`} className="team-goal">
        <h3 id={`${repsId}-goal`}>{t('team.goalHeading')}</h3>
        <p>
          {t('team.goalLine', { goal: g.goal, achieved: g.achieved, remaining: g.remaining })} — {t(`team.goalStatus.${g.status}`)}
        </p>
        <p>{t('team.goalNeed', { dials: count(g.dialsNeeded), slots: count(g.callSlotsNeeded), planned: g.callSlotsPlanned })}</p>
      </section>
      <h3 id={repsId}>{t('team.repsHeading')}</h3>
      <div className="team-scroll" tabIndex={0} role="region" aria-labelledby={repsId}>
        <table className="team-table">
          <thead>
            <tr>
              <th scope="col">{t('team.rep')}</th>
              {(['dials', 'connects', 'conversations', 'appointments', 'opportunities', 'connectRate', 'conversationRate', 'opportunityRate', 'plannedSlots', 'usedSlots', 'bottleneck'] as const).map((k) => (
                <th scope="col" key={k}>
                  {t(`team.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{view.reps.map((r) => row(r.name, r, 'row'))}</tbody>
          <tfoot>{row(t('team.teamRow'), view.team, 'foot')}</tfoot>
        </table>
      </div>
      <h3 id={handoffsId}>{t('team.handoffsHeading')}</h3>
      <div className="team-scroll" tabIndex={0} role="region" aria-labelledby={handoffsId}>
        <table className="team-table">
          <thead>
            <tr>
              <th scope="col">{t('team.rep')}</th>
              <th scope="col">{t('team.opportunities')}</th>
              <th scope="col">{t('team.accepted')}</th>
              <th scope="col">{t('team.meetingHeld')}</th>
              <th scope="col">{t('team.rejected')}</th>
              <th scope="col">{t('team.unanswered')}</th>
            </tr>
          </thead>
          <tbody>
            {[...view.reps.map((r) => [r.name, r] as const), [t('team.teamRow'), view.team] as const].map(([name, f]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{f.opportunities}</td>
                <td>{f.handoffs.accepted}</td>
                <td>{f.handoffs.meetingHeld}</td>
                <td>{f.handoffs.rejected}</td>
                <td>{f.handoffs.unanswered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id={rejectionsId}>{t('team.rejectionsHeading')}</h3>
      {view.rejections.length === 0 ? (
        <p className="hint">{t('team.noRejections')}</p>
      ) : (
        <div className="team-scroll" tabIndex={0} role="region" aria-labelledby={rejectionsId}>
          <table className="team-table">
            <thead>
              <tr>
                <th scope="col">{t('team.rep')}</th>
                <th scope="col">{t('team.opportunity')}</th>
                <th scope="col">{t('team.reason')}</th>
                <th scope="col">{t('team.at')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rejections.map((r) => (
                <tr key={`${r.userId}-${r.opportunity}-${r.at}`}>
                  <th scope="row">{nameOf.get(r.userId) ?? r.userId}</th>
                  <td>{r.opportunity}</td>
                  <td className="team-reason">{r.reason ?? t('team.notAvailable')}</td>
                  <td>{time(r.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id={trendId}>{t('team.trendHeading')}</h3>
      <div className="team-scroll" tabIndex={0} role="region" aria-labelledby={trendId}>
        <table className="team-table">
          <thead>
            <tr>
              <th scope="col">{t('team.week')}</th>
              <th scope="col">{t('team.dials')}</th>
              <th scope="col">{t('team.connects')}</th>
              <th scope="col">{t('team.opportunities')}</th>
            </tr>
          </thead>
          <tbody>
            {view.trend.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{w.weekStart}</th>
                <td>{w.dials}</td>
                <td>{w.connects}</td>
                <td>{w.opportunities}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
