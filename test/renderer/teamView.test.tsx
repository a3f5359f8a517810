import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { TeamFigures, TeamState } from '../../shared/contract/team';
import { appInfo, ok, pagedCallList, renderApp, type FakeApi } from './fakeApi';

const figures = (over: Partial<TeamFigures> = {}): TeamFigures => ({
  dials: 100,
  connects: 30,
  conversations: 18,
  appointments: 3,
  opportunities: 3,
  rates: { connect: 0.3, conversation: 0.6, opportunity: 1 / 6, appointment: 0.03 },
  plannedSlots: 20,
  usedSlots: 12,
  handoffs: { accepted: 1, meetingHeld: 1, rejected: 1, unanswered: 0 },
  bottleneck: 'connect',
  ...over,
});

const settings = { mode: 'manager' as const, team: { kind: 'role' as const, ids: ['00E000000000001AAA'] }, goal: 12 };
const state = (over: Partial<TeamState> = {}): TeamState => ({
  settings,
  stale: false,
  problem: null,
  problemDetail: null,
  nextAutoRefreshAt: '2026-12-08T02:15:00Z',
  view: {
    fetchedAt: '2026-12-08T02:00:00Z',
    month: '2026-12',
    selection: settings.team,
    reps: [
      { userId: '005000000000001AAA', name: '高橋 健', ...figures() },
      { userId: '005000000000010AAA', name: '髙﨑 玲奈', ...figures({ dials: 0, connects: 0, conversations: 0, opportunities: 0, appointments: 0, bottleneck: null, rates: { connect: null, conversation: null, opportunity: null, appointment: null } }) },
    ],
    team: figures(),
    goal: { goal: 12, achieved: 3, remaining: 9, status: 'short', dialsNeeded: 300, callSlotsNeeded: 25, callSlotsPlanned: 20, assumed: [] },
    rejections: [{ userId: '005000000000001AAA', opportunity: '株式会社サクラテック 山田 太郎', reason: '予算が来期まで確保できない', at: '2026-12-08T01:00:00Z' }],
    trend: [{ weekStart: '2026-12-07', dials: 100, connects: 30, opportunities: 3 }],
    requests: 8,
    requestBound: { reps10: 8, reps50: 8 },
  },
  ...over,
});

function api(answer: () => TeamState) {
  const refresh = vi.fn<KomaApi['team.refresh']>(async () => ok(answer()));
  const save = vi.fn<KomaApi['team.saveSettings']>(async (input) => ok({ ...answer(), settings: input.settings }));
  const full: FakeApi = {
    'app.info': () => ok(appInfo(0)),
    'callList.page': pagedCallList(0),
    'team.view': async () => ok(answer()),
    'team.refresh': refresh,
    'team.saveSettings': save,
  };
  return { full, refresh, save };
}

const openTeam = async (user: ReturnType<typeof renderApp>['user'], name: string) => user.click(within(screen.getByRole('navigation')).getByRole('button', { name }));

describe('the Team screen', () => {
  it('shows each rep and the team with rates, bottleneck, planned and used コマ, the cost per refresh and field sales’ answers (ja)', async () => {
    const { full, refresh } = api(() => state());
    const { user } = renderApp(full, { language: 'ja' });
    await openTeam(user, 'チーム');
    const reps = await screen.findByRole('region', { name: 'メンバー別' });
    const rows = within(reps).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['メンバー', '架電', '接続', '会話', 'アポ', '商談', '接続率', '会話率', '商談化率', '計画コマ', '使用コマ', 'ボトルネック']);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('高橋 健');
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['100', '30', '18', '3', '3', '30%', '60%', '16.7%', '20', '12', '接続']);
    expect(within(rows[2]!).getAllByRole('cell').at(5)).toHaveTextContent('—');
    expect(within(rows[3]!).getByRole('rowheader')).toHaveTextContent('チーム計');
    expect(screen.getByText(/1回の更新で API リクエスト 8 件/)).toBeInTheDocument();
    expect(screen.getByText(/目標 12 件・実績 3 件・残り 9 件/)).toHaveTextContent('計画コマが足りません');
    const rejections = screen.getByRole('region', { name: '却下されたトスアップと理由' });
    expect(within(rejections).getByRole('row', { name: /予算が来期まで確保できない/ })).toHaveTextContent('高橋 健');
    // Opening the screen asks for an automatic refresh (the backend reads at most every 15 minutes).
    expect(refresh).toHaveBeenCalledWith({ auto: true });
    await user.click(screen.getByRole('button', { name: '最新にする' }));
    expect(refresh).toHaveBeenLastCalledWith({ auto: false });
  });

  it('offline: the last view stays, marked with when it was read, and what to do', async () => {
    const { full } = api(() => state({ stale: true, problem: 'offline', problemDetail: 'NETWORK' }));
    const { user } = renderApp(full, { language: 'en' });
    await openTeam(user, 'Team');
    expect(await screen.findByRole('alert')).toHaveTextContent('Salesforce cannot be reached: this is the last view read.');
    expect(screen.getAllByRole('status').find((s) => s.classList.contains('team-status'))).toHaveTextContent(/^Not current: read at /);
    expect(screen.getByRole('region', { name: 'By rep' })).toBeInTheDocument();
  });

  it('a rep is told the screen is for managers; Settings → profile makes this Koma a manager’s', async () => {
    const { full, save } = api(() => state({ settings: { mode: 'rep', team: null, goal: 0 }, view: null, problem: 'no_team' }));
    const { user } = renderApp(full, { language: 'en' });
    await openTeam(user, 'Team');
    expect(await screen.findByRole('alert')).toHaveTextContent('This screen is for managers');
    expect(screen.queryByRole('button', { name: 'Refresh' })).not.toBeInTheDocument();
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Profile: rep or manager' });
    await user.click(within(section).getByRole('radio', { name: 'A manager (with the Team screen)' }));
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Choose the team by' }), 'Public group');
    await user.type(within(section).getByRole('textbox', { name: 'Salesforce Ids (one a line)' }), 'not-an-id');
    await user.click(within(section).getByRole('button', { name: 'Save' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('Give at least one Id');
    expect(save).not.toHaveBeenCalled();
    await user.clear(within(section).getByRole('textbox', { name: 'Salesforce Ids (one a line)' }));
    await user.type(within(section).getByRole('textbox', { name: 'Salesforce Ids (one a line)' }), '00G000000000001AAA');
    await user.clear(within(section).getByRole('spinbutton', { name: 'Team goal: opportunities this month' }));
    await user.type(within(section).getByRole('spinbutton', { name: 'Team goal: opportunities this month' }), '15');
    await user.click(within(section).getByRole('button', { name: 'Save' }));
    expect(save).toHaveBeenCalledWith({ settings: { mode: 'manager', team: { kind: 'group', ids: ['00G000000000001AAA'] }, goal: 15 } });
  });
});
