import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { GoalPlanView, KpiFiguresView, KpiReport } from '../../shared/contract/planner';
import { defaultWorkWeek } from '../../shared/contract/slots';
import { goalSentence } from '../../renderer/src/components/dashboard/goalSentence';
import { datesFor, instantsFor, isValidRange } from '../../renderer/src/stores/dashboardStore';
import { appInfo, ok, pagedCallList, renderApp, type FakeApi } from './fakeApi';

function figures(overrides: Partial<KpiFiguresView> = {}): KpiFiguresView {
  return {
    dials: 0,
    connects: 0,
    connectRate: null,
    conversations: 0,
    appointmentsBooked: 0,
    appointmentsHeld: 0,
    opportunities: 0,
    leadsWorked: 0,
    qualificationRate: null,
    recycles: {},
    exclusions: {},
    ...overrides,
  };
}

const busyDay = figures({
  dials: 57,
  connects: 12,
  connectRate: 12 / 57,
  conversations: 8,
  appointmentsBooked: 3,
  appointmentsHeld: 1,
  opportunities: 2,
  leadsWorked: 40,
  qualificationRate: 0.05,
  recycles: { timing: 2, not_reached: 5 },
  exclusions: { competitor: 1 },
});

function report(total: KpiFiguresView, bySource: KpiReport['bySource'] = {}): KpiReport {
  return { total, bySource, trend: [{ weekStart: '2025-04-07', dials: total.dials, connects: total.connects, opportunities: total.opportunities }] };
}

function goal(overrides: Partial<GoalPlanView> = {}): GoalPlanView {
  return {
    month: '2025-04',
    goal: 10,
    conversationSeconds: 60,
    achieved: 3,
    assumed: [],
    status: 'short',
    remaining: 7,
    rates: { connect: 0.18, conversation: 0.6, opportunity: 0.2 },
    targets: { connect: 0.3, conversation: 0.6, opportunity: 0.15 },
    dialsPerSlot: 8,
    conversationsNeeded: 35,
    connectsNeeded: 59,
    dialsNeeded: 328,
    callSlotsNeeded: 41,
    callSlotsPlanned: 29,
    bottleneck: 'connect',
    ...overrides,
  };
}

function renderDashboard(api: FakeApi) {
  return renderApp({ 'app.info': () => ok(appInfo(0)), 'callList.page': pagedCallList(0), 'kpi.objections': () => ok({ rows: [] }), ...api }, { language: 'ja' });
}

async function openDashboard(user: ReturnType<typeof renderApp>['user']) {
  await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'ダッシュボード' }));
  return screen.findByRole('region', { name: 'ダッシュボード' });
}

const tile = (name: string) => screen.getByRole('group', { name });

// Monday 2025-04-07, 12:00 in Tokyo.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-04-07T03:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('the KPI dashboard', () => {
  it('shows today’s figures as tiles, split by lead source, with reasons and chart data for screen readers', async () => {
    const kpi = vi.fn<KomaApi['kpi.report']>(async () => ok(report(busyDay, { web_inquiry: busyDay, seminar: figures() })));
    const { user } = renderDashboard({ 'kpi.report': kpi, 'kpi.goal': async () => ok(goal()) });
    await openDashboard(user);

    expect(await within(await screen.findByRole('group', { name: '架電数' })).findByText('57')).toBeInTheDocument();
    // "Today" is counted from midnight to midnight in the work week's zone (Tokyo by default).
    expect(kpi).toHaveBeenCalledWith({ from: '2025-04-06T15:00:00.000Z', to: '2025-04-07T15:00:00.000Z' });
    expect(screen.getByRole('button', { name: '今日' })).toHaveAttribute('aria-pressed', 'true');
    expect(tile('接続数')).toHaveTextContent('12');
    expect(tile('接続率')).toHaveTextContent('21.1%');
    expect(tile('会話数')).toHaveTextContent('8');
    expect(tile('アポ獲得')).toHaveTextContent('3');
    expect(tile('アポ実施')).toHaveTextContent('1');
    expect(tile('案件数')).toHaveTextContent('2');
    expect(tile('案件化率')).toHaveTextContent('5%');
    expect(tile('案件化率')).toHaveTextContent('リード 40 件中');

    const bySource = screen.getByRole('table', { name: 'リードソース別' });
    const rows = within(bySource).getAllByRole('row');
    // Header, the one active source (a source with no activity is left out), the total.
    expect(rows.map((r) => within(r).queryAllByRole('rowheader').map((h) => h.textContent)[0] ?? null)).toEqual([null, 'Web問い合わせ', '合計']);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['57', '12', '21.1%', '8', '3', '1', '2', '40', '5%', '7', '1']);

    const recycles = screen.getByRole('table', { name: 'リサイクル理由' });
    expect(within(recycles).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['未コンタクト5', '時期が先2']);
    expect(within(screen.getByRole('table', { name: '除外理由' })).getByRole('rowheader', { name: '競合' })).toBeInTheDocument();

    const funnel = screen.getByRole('region', { name: 'ファネル' });
    expect(within(funnel).getByRole('table', { name: '架電 57 → 接続 12 → 会話 8 → 案件 2' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: '週ごとの推移' })).getByRole('table', { name: '1週分の架電数・接続数・案件数の推移' })).toBeInTheDocument();
  });

  it('shows “—” and “not enough data” for every rate with nothing to divide by', async () => {
    const { user } = renderDashboard({ 'kpi.report': async () => ok(report(figures())), 'kpi.goal': async () => ok(goal({ status: 'not_enough_data' })) });
    await openDashboard(user);
    const rate = await screen.findByRole('group', { name: '接続率' });
    expect(rate).toHaveTextContent('—');
    expect(rate).toHaveTextContent('データ不足');
    expect(tile('案件化率')).toHaveTextContent('データ不足');
    expect(tile('架電数')).toHaveTextContent('0');
  });

  it('asks for this month up to today, and for a custom range, in the work week’s zone', async () => {
    const kpi = vi.fn<KomaApi['kpi.report']>(async () => ok(report(busyDay)));
    const { user } = renderDashboard({ 'kpi.report': kpi, 'kpi.goal': async () => ok(goal()) });
    await openDashboard(user);
    await user.click(screen.getByRole('button', { name: '今月' }));
    expect(kpi).toHaveBeenLastCalledWith({ from: '2025-03-31T15:00:00.000Z', to: '2025-04-07T15:00:00.000Z' });

    await user.click(screen.getByRole('button', { name: '期間指定' }));
    const from = screen.getByLabelText('開始日');
    expect(from).toHaveValue('2025-04-01');
    await user.clear(from);
    await user.type(from, '2025-03-10');
    await user.clear(screen.getByLabelText('終了日'));
    await user.type(screen.getByLabelText('終了日'), '2025-03-09');
    await user.click(screen.getByRole('button', { name: '表示' }));
    expect(screen.getByRole('alert')).toHaveTextContent('終了日は開始日以降');
    expect(kpi).toHaveBeenCalledTimes(2);

    await user.clear(screen.getByLabelText('終了日'));
    await user.type(screen.getByLabelText('終了日'), '2025-03-16');
    await user.click(screen.getByRole('button', { name: '表示' }));
    expect(kpi).toHaveBeenLastCalledWith({ from: '2025-03-09T15:00:00.000Z', to: '2025-03-16T15:00:00.000Z' });
    expect(await screen.findByText('2025年3月10日 〜 2025年3月16日')).toBeInTheDocument();
  });
});

describe('the goal worked backward', () => {
  it.each([
    [goal({ status: 'met', achieved: 10, remaining: 0 }), '目標達成済み'],
    [goal({ status: 'reachable', callSlotsNeeded: 20 }), '今の計画で目標に届きます'],
    [goal(), 'あと 12 コマの架電ブロックが必要です'],
    [goal({ status: 'not_enough_data', bottleneck: null, dialsPerSlot: null, rates: { connect: null, conversation: null, opportunity: null } }), 'データが足りません（架電実績がまだありません）'],
    [goal({ status: 'not_enough_data', rates: { connect: 0.3, conversation: 0.5, opportunity: 0 } }), 'データが足りません（案件化の実績がまだありません）'],
  ])('says it plainly: %#', async (plan, sentence) => {
    const { user } = renderDashboard({ 'kpi.report': async () => ok(report(busyDay)), 'kpi.goal': async () => ok(plan) });
    await openDashboard(user);
    const panel = await screen.findByRole('region', { name: '目標から逆算（2025年4月）' });
    expect(within(panel).getByText(sentence)).toBeInTheDocument();
  });

  it('names the bottleneck against the team target, and what is still needed against what is planned', async () => {
    const { user } = renderDashboard({ 'kpi.report': async () => ok(report(busyDay)), 'kpi.goal': async () => ok(goal()) });
    await openDashboard(user);
    const panel = await screen.findByRole('region', { name: '目標から逆算（2025年4月）' });
    expect(within(panel).getByText('ボトルネック: 接続率 (18% / 目標 30%)')).toBeInTheDocument();
    const needed = within(panel).getByRole('table', { name: '目標までに必要な量' });
    expect(within(needed).getAllByRole('row').map((r) => r.textContent)).toEqual([
      '会話35件',
      '接続59件',
      '架電328件',
      '1コマあたりの架電8件',
      '必要な架電ブロック41コマ',
      '計画済みの架電ブロック29コマ',
    ]);
    const rates = within(panel).getByRole('table', { name: '転換率（直近90日）と目標' });
    expect(within(rates).getByRole('row', { name: '接続率 18% 30%' })).toBeInTheDocument();
  });

  it('saves a new goal with the other KPI settings unchanged', async () => {
    const save = vi.fn<KomaApi['kpi.saveSettings']>(async (input) => ok(goal({ goal: input.settings.monthlyOpportunityGoal })));
    const { user } = renderDashboard({ 'kpi.report': async () => ok(report(busyDay)), 'kpi.goal': async () => ok(goal()), 'kpi.saveSettings': save });
    await openDashboard(user);
    const input = await screen.findByRole('spinbutton', { name: '目標案件数' });
    await user.clear(input);
    await user.type(input, '20');
    await user.click(screen.getByRole('button', { name: '目標を保存' }));
    expect(save).toHaveBeenCalledWith({ settings: { monthlyOpportunityGoal: 20, conversationSeconds: 60, targets: { connect: 0.3, conversation: 0.6, opportunity: 0.15 } } });
    expect(await screen.findByText('保存しました')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: '目標案件数' })).toHaveValue(20);
  });
});

describe('KPI and work week settings', () => {
  it('saves the goal, conversation length and target rates typed as percentages', async () => {
    const save = vi.fn<KomaApi['kpi.saveSettings']>(async () => ok(goal()));
    const { user } = renderDashboard({ 'kpi.goal': async () => ok(goal()), 'kpi.saveSettings': save });
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: '設定' }));
    const section = await screen.findByRole('region', { name: 'KPIの目標' });
    const connect = await within(section).findByRole('spinbutton', { name: '接続率' });
    expect(connect).toHaveValue(30);
    await user.clear(connect);
    await user.type(connect, '25.5');
    await user.clear(within(section).getByRole('spinbutton', { name: '会話とみなす通話時間（秒）' }));
    await user.type(within(section).getByRole('spinbutton', { name: '会話とみなす通話時間（秒）' }), '90');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(save).toHaveBeenCalledWith({ settings: { monthlyOpportunityGoal: 10, conversationSeconds: 90, targets: { connect: 0.255, conversation: 0.6, opportunity: 0.15 } } });
    expect(await within(section).findByText('保存しました')).toBeInTheDocument();

    await user.clear(connect);
    await user.type(connect, '120');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('率は0〜100%');
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves working hours on the half hour, days and zone, and refuses an end before the start', async () => {
    const view = { weekStart: '2025-04-07', workWeek: defaultWorkWeek, slots: [], current: null, summary: { plannedSlots: 0, plannedCallBlocks: 0, plannedDials: 0, callsInCallBlocks: 0, callsOutsideCallBlocks: 0, counts: {} }, templates: [] };
    const save = vi.fn<KomaApi['planner.saveWorkWeek']>(async (input) => ok({ ...view, workWeek: input.workWeek }));
    const { user } = renderDashboard({ 'planner.week': async () => ok(view), 'planner.saveWorkWeek': save });
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: '設定' }));
    const section = await screen.findByRole('region', { name: '勤務時間とコマ' });
    expect(await within(section).findByText('30分単位のコマで計画します。1日 16 コマ、週 80 コマになります。')).toBeInTheDocument();

    await user.selectOptions(within(section).getByRole('combobox', { name: '終了' }), '08:30');
    expect(within(section).getByRole('alert')).toHaveTextContent('終了は開始より後の時刻にしてください。');
    expect(within(section).getByRole('button', { name: '保存' })).toBeDisabled();

    await user.selectOptions(within(section).getByRole('combobox', { name: '終了' }), '18:00');
    await user.click(within(section).getByRole('checkbox', { name: '土' }));
    await user.click(within(section).getByRole('checkbox', { name: '金' }));
    expect(within(section).getByText('30分単位のコマで計画します。1日 18 コマ、週 90 コマになります。')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(save).toHaveBeenCalledWith({ workWeek: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 6], timeZone: 'Asia/Tokyo' } });
    expect(await within(section).findByText('保存しました')).toBeInTheDocument();
  });
});

describe('dashboard helpers', () => {
  const wednesday = new Date('2025-04-16T05:10:00Z');
  it.each([
    ['today', 'Asia/Tokyo', { fromDate: '2025-04-16', toDate: '2025-04-16' }],
    ['week', 'Asia/Tokyo', { fromDate: '2025-04-14', toDate: '2025-04-16' }],
    ['month', 'Asia/Tokyo', { fromDate: '2025-04-01', toDate: '2025-04-16' }],
    // 05:10 UTC is still the evening before in Los Angeles.
    ['today', 'America/Los_Angeles', { fromDate: '2025-04-15', toDate: '2025-04-15' }],
  ] as const)('datesFor(%s) in %s', (kind, zone, dates) => {
    expect(datesFor(kind, wednesday, zone)).toEqual(dates);
  });

  it.each([
    ['Asia/Tokyo', { fromDate: '2025-04-01', toDate: '2025-04-30' }, { from: '2025-03-31T15:00:00.000Z', to: '2025-04-30T15:00:00.000Z' }],
    // Across the start of daylight saving: midnight moves from UTC-8 to UTC-7.
    ['America/Los_Angeles', { fromDate: '2025-03-08', toDate: '2025-03-09' }, { from: '2025-03-08T08:00:00.000Z', to: '2025-03-10T07:00:00.000Z' }],
  ] as const)('instantsFor in %s', (zone, range, instants) => {
    expect(instantsFor(range, zone)).toEqual(instants);
  });

  it.each([
    [{ fromDate: '2025-04-01', toDate: '2025-04-01' }, true],
    [{ fromDate: '2025-04-02', toDate: '2025-04-01' }, false],
    [{ fromDate: '2024-04-01', toDate: '2025-05-05' }, true],
    [{ fromDate: '2024-04-01', toDate: '2025-05-06' }, false],
    [{ fromDate: '', toDate: '2025-04-01' }, false],
  ])('isValidRange(%o) = %s', (range, valid) => {
    expect(isValidRange(range)).toBe(valid);
  });

  it.each([
    [goal({ status: 'short', callSlotsNeeded: 41, callSlotsPlanned: 29 }), { key: 'short', count: 12 }],
    [goal({ status: 'reachable' }), { key: 'reachable' }],
    [goal({ status: 'met' }), { key: 'met' }],
    [goal({ status: 'not_enough_data', dialsPerSlot: null, rates: { connect: null, conversation: null, opportunity: null } }), { key: 'not_enough_data', missing: 'dials' }],
    [goal({ status: 'not_enough_data', rates: { connect: 0, conversation: null, opportunity: null } }), { key: 'not_enough_data', missing: 'connects' }],
    [goal({ status: 'not_enough_data', rates: { connect: 0.2, conversation: 0, opportunity: null } }), { key: 'not_enough_data', missing: 'conversations' }],
    [goal({ status: 'not_enough_data', rates: { connect: 0.2, conversation: 0.5, opportunity: 0 } }), { key: 'not_enough_data', missing: 'opportunities' }],
  ])('goalSentence %#', (plan, sentence) => {
    expect(goalSentence(plan)).toEqual(sentence);
  });
});

describe('objections on the dashboard', () => {
  it('lists the range’s objections most raised first, with the connect → appointment rate after each', async () => {
    const objections = vi.fn<KomaApi['kpi.objections']>(async () =>
      ok({
        rows: [
          { cardId: 'busy', title: { ja: '今は忙しい', en: 'I’m busy right now' }, raised: 12, connects: 10, appointments: 1, appointmentRate: 0.1 },
          { cardId: 'gatekeeper-only', title: { ja: '担当ではない', en: 'I’m not the right person' }, raised: 3, connects: 0, appointments: 0, appointmentRate: null },
        ],
      }),
    );
    const { user } = renderDashboard({ 'kpi.report': async () => ok(report(busyDay)), 'kpi.goal': async () => ok(goal()), 'kpi.objections': objections });
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'ダッシュボード' }));
    const table = await screen.findByRole('table', { name: '切り返し（多い順）' });
    expect(within(table).getByRole('row', { name: '今は忙しい 12 10 10%' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: '担当ではない 3 0 データ不足' })).toBeInTheDocument();
    // The same range as the report: today in Tokyo.
    expect(objections).toHaveBeenLastCalledWith({ from: '2025-04-06T15:00:00.000Z', to: '2025-04-07T15:00:00.000Z' });
  });
});
