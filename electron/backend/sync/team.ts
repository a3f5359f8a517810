import { z } from 'zod';
import { teamViewSchema, type TeamSettings, type TeamState, type TeamView } from '../../../shared/contract/team';
import { instantOf, localParts } from '../../../shared/domain/queue/localTime';
import { teamMaths } from '../../../shared/domain/kpi/team';
import { addDays, weekStartOf } from '../../../shared/domain/slots/grid';
import type { BackendContext } from '../core/context';
import { readSetting, settingSpecs, writeSetting } from '../core/settingsStore';
import { readState, writeState } from './state';
import { offlineCodes, SyncRequestError, type Connector, type TeamRange } from './types';

/** An automatic refresh reads the CRM at most this often; the refresh button reads it at once. */
export const autoRefreshMs = 15 * 60_000;
/** Weeks of the trend, this one included. */
export const trendWeeks = 5;

const keys = { view: 'team.view', lastTry: 'team.last_try' } as const;

export interface TeamService {
  view(): TeamState;
  refresh(auto: boolean): Promise<TeamState>;
  saveSettings(settings: TeamSettings): TeamState;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** This month and the trend's weeks, as local dates in the work week's zone and their midnights. */
function rangeOf(now: Date, timeZone: string): { range: TeamRange; month: string; today: string; weekStarts: string[] } {
  const p = localParts(now, timeZone);
  const monthStart = `${p.year}-${pad(p.month)}-01`;
  const next = new Date(Date.UTC(p.year, p.month, 1));
  const monthEnd = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-01`;
  const thisWeek = weekStartOf(now, timeZone);
  const weekStarts = Array.from({ length: trendWeeks }, (_, i) => addDays(thisWeek, (i - trendWeeks + 1) * 7));
  const midnight = (day: string) => {
    const [year, month, d] = day.split('-').map(Number) as [number, number, number];
    return instantOf({ year, month, day: d, minutes: 0 }, timeZone).toISOString();
  };
  return {
    range: { monthStart, monthEnd, trendFrom: weekStarts[0]!, monthStartAt: midnight(monthStart), monthEndAt: midnight(monthEnd), trendFromAt: midnight(weekStarts[0]!) },
    month: monthStart.slice(0, 7),
    today: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    weekStarts,
  };
}

/**
 * The manager's Team screen behind its commands: reads the team's figures from the CRM through the
 * connector's team reader (aggregate queries, a bounded number of requests inside Koma's API
 * share), keeps the last view it read, and answers with it — marked stale, with why — when the CRM
 * cannot be read (offline, signed out, Koma's share spent).
 */
export function createTeamService(ctx: BackendContext, connector: () => Connector | null): TeamService {
  const { db, clock } = ctx;
  const settings = () => readSetting(db, settingSpecs.team);
  const cached = () => readState(db, keys.view, teamViewSchema);
  const lastTry = () => readState(db, keys.lastTry, z.string());

  function state(problem: TeamState['problem'] = null, problemDetail: string | null = null, fresh = false): TeamState {
    const view = cached();
    const tried = lastTry();
    return {
      settings: settings(),
      view,
      stale: view !== null && !fresh,
      problem,
      problemDetail,
      nextAutoRefreshAt: tried ? new Date(Date.parse(tried) + autoRefreshMs).toISOString() : null,
    };
  }

  async function refresh(auto: boolean): Promise<TeamState> {
    const s = settings();
    if (s.mode !== 'manager' || s.team === null) return state('no_team');
    const reader = connector()?.team;
    if (!reader) return state('not_available');
    const now = clock.now();
    const tried = lastTry();
    if (auto && tried && now.getTime() - Date.parse(tried) < autoRefreshMs) {
      const view = cached();
      return state(null, null, view !== null && now.getTime() - Date.parse(view.fetchedAt) < autoRefreshMs);
    }
    db.transaction(() => writeState(db, keys.lastTry, now.toISOString(), now.toISOString()))();
    const timeZone = readSetting(db, settingSpecs.workWeek).timeZone;
    const { range, month, today, weekStarts } = rangeOf(now, timeZone);
    let read;
    try {
      read = await reader.read(s.team, range, new AbortController().signal);
    } catch (error) {
      if (!(error instanceof SyncRequestError)) throw error;
      if (offlineCodes.has(error.code) || error.kind === 'transient') return state('offline', error.message);
      if (error.kind === 'auth') return state('signed_out', error.message);
      if (error.kind === 'limit') return state('quota', error.message);
      return state('crm_error', error.message);
    }
    const view: TeamView = {
      fetchedAt: clock.now().toISOString(),
      month,
      selection: s.team,
      ...teamMaths({ counts: read.counts, targets: readSetting(db, settingSpecs.kpi).targets, goal: s.goal, today, weekStarts }),
      requests: read.requests,
      requestBound: { reps10: reader.requestBound(10, s.team.kind), reps50: reader.requestBound(50, s.team.kind) },
    };
    db.transaction(() => writeState(db, keys.view, view, view.fetchedAt))();
    return state(null, null, true);
  }

  return {
    view: () => {
      const view = cached();
      return state(null, null, view !== null && clock.now().getTime() - Date.parse(view.fetchedAt) < autoRefreshMs);
    },
    refresh,
    saveSettings: (next) => {
      db.transaction(() => writeSetting(db, settingSpecs.team, next, clock.now().toISOString()))();
      return state();
    },
  };
}
