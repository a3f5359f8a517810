import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { GoalPlanView, KpiFiguresView } from '../../shared/contract/planner';
import { defaultReferenceValues, type ReferenceValues } from '../../shared/contract/reference';
import { appInfo, ok, pagedCallList, renderApp, type FakeApi } from './fakeApi';

const figures: KpiFiguresView = {
  dials: 57,
  connects: 12,
  connectRate: 12 / 57,
  conversations: 8,
  appointmentsBooked: 3,
  appointmentsHeld: 1,
  opportunities: 2,
  leadsWorked: 40,
  qualificationRate: 0.05,
  recycles: {},
  exclusions: {},
};

const goal: GoalPlanView = {
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
};

/** A backend whose reference values are `stored` until saved. */
function api(stored: ReferenceValues = defaultReferenceValues, extra: FakeApi = {}) {
  let values = stored;
  const save = vi.fn<KomaApi['reference.save']>(async (input) => {
    values = input.values;
    return ok({ values, defaults: defaultReferenceValues });
  });
  const full: FakeApi = {
    'app.info': () => ok(appInfo(0)),
    'callList.page': pagedCallList(0),
    'kpi.objections': () => ok({ rows: [] }),
    'kpi.report': async () => ok({ total: figures, bySource: {}, trend: [] }),
    'kpi.goal': async () => ok(goal),
    'reference.get': async () => ok({ values, defaults: defaultReferenceValues }),
    'reference.save': save,
    ...extra,
  };
  return { full, save };
}

async function openDashboard(user: ReturnType<typeof renderApp>['user'], name: string) {
  await user.click(within(screen.getByRole('navigation')).getByRole('button', { name }));
}

// Monday 2025-04-07, 12:00 in Tokyo.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-04-07T03:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('reference values on the dashboard', () => {
  it('shows each reference beside the rep’s own figure, with its definition and source, marked as not a target', async () => {
    const { full } = api();
    const { user } = renderApp(full, { language: 'ja' });
    await openDashboard(user, 'ダッシュボード');
    const panel = await screen.findByRole('region', { name: '参考値（目標ではありません）' });
    const table = within(panel).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['接続率', 'アポ率', '1日あたり架電数']);
    // Today: 12 of 57 dials connected, 3 appointments, 57 dials on one working day.
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['21.1%参考値より高い', '15%〜20%', '担当者につながった架電 ÷ 架電数']);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5.3%参考値より高い', '0.5%〜2%', '獲得したアポ ÷ 架電数']);
    expect(within(rows[2]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['57件参考値より高い', '40件〜50件', '架電数 ÷ 期間中の営業日数（祝日・休業日を除く）']);
    expect(panel).toHaveTextContent('出典: IS factory magazine「テレアポの適正コール数は1日何件？」BtoB営業のKPI平均値（wsf-is.com/?p=6591）');

    // This month so far: 1–7 April has five working days.
    await user.click(screen.getByRole('button', { name: '今月' }));
    await within(rows[2]!).findByText('11.4件');
    expect(within(panel).getAllByRole('row')[3]).toHaveTextContent('参考値より低い');
  });

  it('a team’s own values replace the defaults from settings, and the dashboard says whose they are', async () => {
    const { full, save } = api();
    const { user } = renderApp(full, { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Dashboard reference values' });
    const low = await within(section).findByRole('spinbutton', { name: 'Connect rate (low)' });
    expect(low).toHaveValue(15);
    expect(within(section).getByRole('spinbutton', { name: 'Appointment rate (low)' })).toHaveValue(0.5);
    expect(within(section).getByRole('spinbutton', { name: 'Dials per day (high)' })).toHaveValue(50);
    await user.clear(low);
    await user.type(low, '10');
    await user.click(within(section).getByRole('button', { name: 'Save reference values' }));
    expect(save).toHaveBeenCalledWith({ values: { ...defaultReferenceValues, connectRate: { low: 0.1, high: 0.2 } } });
    expect(await within(section).findByText('Saved.')).toHaveAttribute('role', 'status');

    await openDashboard(user, 'Dashboard');
    const panel = await screen.findByRole('region', { name: 'Reference values (not targets)' });
    await within(panel).findByText('10%–20%');
    expect(panel).toHaveTextContent('Source: values set by the team in Settings');
  });

  it('refuses a low value above its high one and sends nothing; the defaults come back with one button', async () => {
    const { full, save } = api({ ...defaultReferenceValues, dialsPerDay: { low: 30, high: 35 } });
    const { user } = renderApp(full, { language: 'ja' });
    await user.click(await screen.findByRole('button', { name: '設定' }));
    const section = await screen.findByRole('region', { name: 'ダッシュボードの参考値' });
    const high = await within(section).findByRole('spinbutton', { name: 'アポ率（上限）' });
    await user.clear(high);
    await user.type(high, '0.1');
    await user.click(within(section).getByRole('button', { name: '参考値を保存' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('下限は上限以下の数値にしてください');
    expect(save).not.toHaveBeenCalled();

    await user.click(within(section).getByRole('button', { name: '既定値に戻す' }));
    expect(within(section).getByRole('spinbutton', { name: '1日あたり架電数（下限）' })).toHaveValue(40);
    await user.click(within(section).getByRole('button', { name: '参考値を保存' }));
    expect(save).toHaveBeenCalledWith({ values: defaultReferenceValues });
  });
});
