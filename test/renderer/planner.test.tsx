import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { SlotView, WeekView } from '../../shared/contract/planner';
import { defaultWorkWeek } from '../../shared/contract/slots';
import { weekGrid } from '../../shared/domain/slots/grid';
import { createClient } from '../../renderer/src/api/client';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { Root } from '../../renderer/src/components/Root';
import { moveCell, slotsBetween, columnsOf } from '../../renderer/src/components/planner/gridModel';
import { formatCountdown } from '../../renderer/src/components/planner/useSlotFormat';
import { createI18n } from '../../renderer/src/i18n/createI18n';
import { createStores } from '../../renderer/src/stores/createStores';
import type { NotificationState, SlotNotifier } from '../../renderer/src/stores/plannerStore';
import { appInfo, ok, pagedCallList, type FakeApi } from './fakeApi';

const monday = '2025-04-07';

/** A week as planner.week answers it: every slot of the default 09:00–17:00 week, patched by index. */
function week(patches: Record<number, Partial<SlotView>> = {}, extra: Partial<WeekView> = {}): WeekView {
  const slots = weekGrid(monday, defaultWorkWeek).map(
    (g, i): SlotView => ({ ...g, kind: null, target: null, appointment: null, calls: 0, status: 'upcoming', ...patches[i] }),
  );
  return {
    weekStart: monday,
    workWeek: defaultWorkWeek,
    slots,
    current: null,
    summary: { plannedSlots: 0, plannedCallBlocks: 0, plannedDials: 0, callsInCallBlocks: 0, callsOutsideCallBlocks: 0, counts: {} },
    templates: [],
    ...extra,
  };
}

/** Slot index in the week: day 0 = Monday, 16 slots a day. */
const at = (day: number, slot: number) => day * 16 + slot;

function fakeNotifier(initial: NotificationState = 'unsupported', answer: NotificationState = 'granted') {
  let permission = initial;
  return {
    show: vi.fn<SlotNotifier['show']>(),
    request: vi.fn(async () => (permission = answer)),
    permission: () => permission,
  };
}

function renderPlanner(api: FakeApi, notifier: SlotNotifier = fakeNotifier()) {
  const full: FakeApi = { 'app.info': () => ok(appInfo(0)), 'callList.page': pagedCallList(0), ...api };
  const stores = createStores(createClient(sendThroughPreload(full)), { searchDebounceMs: 10, planner: { notifier } });
  const i18n = createI18n({ language: 'ja', root: document.documentElement });
  render(<Root i18n={i18n} stores={stores} />);
  return { stores };
}

async function openPlanner(user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: '週間計画' }));
  return screen.findByRole('grid', { name: '2025年4月7日 の週のコマ' });
}

afterEach(() => vi.useRealTimers());

describe('the week planner grid', () => {
  it('assigns kinds by keyboard: arrows move, a number sets the kind, Shift extends, Delete clears', async () => {
    const assign = vi.fn<KomaApi['planner.assign']>(async () => ok(week()));
    renderPlanner({ 'planner.week': async () => ok(week()), 'planner.assign': assign });
    const user = userEvent.setup();
    const grid = await openPlanner(user);

    expect(within(grid).getAllByRole('row')).toHaveLength(17);
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(80);
    const first = within(grid).getByRole('gridcell', { name: /^4\/7\(月\)、09:00–09:30、未計画/ });
    expect(first).toHaveAttribute('tabindex', '0');

    await user.click(first);
    await user.keyboard('{ArrowDown}{ArrowRight}');
    const tuesday0930 = within(grid).getByRole('gridcell', { name: /^4\/8\(火\)、09:30–10:00/ });
    expect(tuesday0930).toHaveFocus();
    expect(tuesday0930).toHaveAttribute('tabindex', '0');
    expect(first).toHaveAttribute('tabindex', '-1');

    await user.keyboard('1');
    expect(assign).toHaveBeenLastCalledWith({ weekStart: monday, assignments: [{ startsAt: '2025-04-08T00:30:00.000Z', kind: 'call_block', target: null }] });

    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}2');
    expect(assign).toHaveBeenLastCalledWith({
      weekStart: monday,
      assignments: ['2025-04-08T00:30:00.000Z', '2025-04-08T01:00:00.000Z', '2025-04-08T01:30:00.000Z'].map((startsAt) => ({ startsAt, kind: 'prep', target: null })),
    });
    expect(within(grid).getAllByRole('gridcell', { selected: true })).toHaveLength(3);

    await user.keyboard('{Delete}');
    expect(assign.mock.lastCall?.[0].assignments.map((a) => a.kind)).toEqual([null, null, null]);
    // Alt+number is the app's screen switch, never a slot kind.
    await user.keyboard('{Alt>}3{/Alt}');
    expect(assign).toHaveBeenCalledTimes(3);
  });

  it('sets a dial target and a lead source with T, turning the slots into call blocks', async () => {
    const assign = vi.fn<KomaApi['planner.assign']>(async () => ok(week()));
    renderPlanner({ 'planner.week': async () => ok(week()), 'planner.assign': assign });
    const user = userEvent.setup();
    const grid = await openPlanner(user);
    await user.click(within(grid).getByRole('gridcell', { name: /^4\/7\(月\)、10:00–10:30/ }));
    await user.keyboard('t');

    const dialog = screen.getByRole('dialog', { name: '目標を設定（1コマ）' });
    await user.type(within(dialog).getByRole('spinbutton', { name: '架電件数（任意）' }), '300');
    await user.click(within(dialog).getByRole('button', { name: '設定する' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('1〜200の整数を入力してください。');
    expect(assign).not.toHaveBeenCalled();

    await user.clear(within(dialog).getByRole('spinbutton', { name: '架電件数（任意）' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: '架電件数（任意）' }), '10');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'リードソースで絞り込む（任意）' }), 'Web問い合わせ');
    await user.click(within(dialog).getByRole('button', { name: '設定する' }));
    expect(assign).toHaveBeenCalledWith({ weekStart: monday, assignments: [{ startsAt: '2025-04-07T01:00:00.000Z', kind: 'call_block', target: { dials: 10, source: 'web_inquiry' } }] });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('assigns by mouse: click, shift-click a range, then a kind from the palette', async () => {
    const assign = vi.fn<KomaApi['planner.assign']>(async () => ok(week()));
    renderPlanner({ 'planner.week': async () => ok(week()), 'planner.assign': assign });
    const user = userEvent.setup();
    const grid = await openPlanner(user);
    await user.click(within(grid).getByRole('gridcell', { name: /^4\/9\(水\)、13:00–13:30/ }));
    await user.keyboard('{Shift>}');
    await user.click(within(grid).getByRole('gridcell', { name: /^4\/9\(水\)、14:00–14:30/ }));
    await user.keyboard('{/Shift}');
    expect(screen.getByText('3コマ選択中')).toBeInTheDocument();
    await user.click(within(screen.getByRole('group', { name: 'コマの種類' })).getByRole('button', { name: '休憩 (6)' }));
    expect(assign.mock.lastCall?.[0].assignments).toEqual(
      ['2025-04-09T04:00:00.000Z', '2025-04-09T04:30:00.000Z', '2025-04-09T05:00:00.000Z'].map((startsAt) => ({ startsAt, kind: 'break', target: null })),
    );
  });

  it('shows kind, target, calls and how each slot went, and the week against the plan', async () => {
    const view = week(
      {
        [at(0, 0)]: { kind: 'call_block', target: { dials: 3, source: null }, calls: 3, status: 'as_planned' },
        [at(0, 1)]: { kind: 'call_block', target: { dials: 10, source: 'web_inquiry' }, calls: 2, status: 'below_target' },
        [at(0, 2)]: { kind: 'call_block', target: null, calls: 0, status: 'empty' },
        [at(0, 3)]: { kind: 'admin', calls: 1, status: 'overrun' },
        [at(1, 14)]: { kind: 'appointment', appointment: { handoffId: 'h1', leadName: '山田 太郎', companyName: '株式会社コマ' } },
      },
      {
        summary: { plannedSlots: 5, plannedCallBlocks: 3, plannedDials: 13, callsInCallBlocks: 5, callsOutsideCallBlocks: 1, counts: { as_planned: 1, below_target: 1, empty: 1, overrun: 1 } },
      },
    );
    renderPlanner({ 'planner.week': async () => ok(view) });
    const user = userEvent.setup();
    const grid = await openPlanner(user);

    expect(within(grid).getByRole('gridcell', { name: /09:00–09:30、架電ブロック、目標 3件、架電 3\/3件、計画どおり$/ })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: /09:30–10:00、架電ブロック、目標 10件、Web問い合わせのみ、架電 2\/10件、目標未達$/ })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: /10:00–10:30、架電ブロック、架電 0件、未実施$/ })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: /10:30–11:00、事務、架電 1件、超過$/ })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: /^4\/8\(火\)、16:00–16:30、アポ、株式会社コマ（山田 太郎）$/ })).toBeInTheDocument();

    expect(screen.getByText('80コマ中 5コマ計画 · 架電ブロック 3 · 目標 13件 / 実績 5件')).toBeInTheDocument();
    const actual = screen.getByRole('list', { name: '計画と実績' });
    expect(within(actual).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['計画どおり 1', '目標未達 1', '未実施 1', '超過 1', 'ブロック外の架電 1件']);
  });

  it('moves between weeks and copies last week only after asking when this week has a plan', async () => {
    const planned = week({ [at(0, 0)]: { kind: 'prep', status: 'upcoming' } });
    const weekFn = vi.fn<KomaApi['planner.week']>(async (input) => ok({ ...planned, weekStart: input.weekStart ?? monday }));
    const copy = vi.fn<KomaApi['planner.copyWeek']>(async () => ok(planned));
    renderPlanner({ 'planner.week': weekFn, 'planner.copyWeek': copy });
    const user = userEvent.setup();
    await openPlanner(user);

    await user.click(screen.getByRole('button', { name: '次の週' }));
    expect(weekFn).toHaveBeenLastCalledWith({ weekStart: '2025-04-14' });
    await user.click(await screen.findByRole('button', { name: '前の週' }));
    expect(weekFn).toHaveBeenLastCalledWith({ weekStart: monday });

    await user.click(screen.getByRole('button', { name: '先週をコピー' }));
    const dialog = screen.getByRole('dialog', { name: 'この週の計画を上書きしますか？' });
    expect(dialog).toHaveTextContent('2025年3月31日 の週の計画をこの週にコピーします。この週に入力済みの 1 コマは置き換わります。');
    await user.click(within(dialog).getByRole('button', { name: '上書きする' }));
    expect(copy).toHaveBeenCalledWith({ from: '2025-03-31', to: monday });
  });
});

describe('the slot under way', () => {
  it('counts down in the header, narrows the call list to the slot’s source, and toasts when the slot ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date('2025-04-07T00:17:26Z') });
    const running = week({ [at(0, 0)]: { kind: 'call_block', target: { dials: 8, source: 'web_inquiry' } } }, { current: { startsAt: '2025-04-07T00:00:00.000Z', secondsLeft: 754 } });
    const after = week({ [at(0, 0)]: { kind: 'call_block', target: { dials: 8, source: 'web_inquiry' }, status: 'empty' } }, { current: { startsAt: '2025-04-07T00:30:00.000Z', secondsLeft: 1800 } });
    const weekFn = vi.fn<KomaApi['planner.week']>(async () => ok(running));
    const callList = pagedCallList(0);
    const notifier = fakeNotifier('granted');
    renderPlanner({ 'planner.week': weekFn, 'callList.page': callList }, notifier);

    const banner = await screen.findByRole('region', { name: '現在のコマ' });
    const timer = within(banner).getByRole('timer', { name: '残り時間' });
    // Minutes left, rounded up: never 12:34, which reads like a clock time.
    expect(timer).toHaveTextContent('残り 13分');
    for (const part of ['架電ブロック', '09:00–09:30', '目標 8件', 'このコマは Web問い合わせ のみ']) expect(banner).toHaveTextContent(part);
    await vi.waitFor(() => expect(callList).toHaveBeenLastCalledWith(expect.objectContaining({ source: 'web_inquiry' })));

    await act(async () => vi.advanceTimersByTime(35_000));
    expect(timer).toHaveTextContent('残り 12分');
    await act(async () => vi.advanceTimersByTime(660_000));
    expect(timer).toHaveTextContent('残り 59秒');
    expect(screen.queryByText(/が終わりました/)).not.toBeInTheDocument();

    weekFn.mockImplementation(async () => ok(after));
    await act(async () => vi.advanceTimersByTime(59_000));
    const toast = await screen.findByText('09:00–09:30 の架電ブロックが終わりました');
    expect(toast.closest('[role="status"]')).not.toBeNull();
    expect(notifier.show).toHaveBeenCalledWith('コマが終わりました', '09:00–09:30 の架電ブロックが終わりました');
    // The next slot has no source: the call list shows every source again, and the banner follows the backend.
    await vi.waitFor(() => expect(callList).toHaveBeenLastCalledWith(expect.not.objectContaining({ source: expect.anything() })));
    expect(await within(screen.getByRole('region', { name: '現在のコマ' })).findByRole('timer')).toHaveTextContent('残り 30分');

    await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('button', { name: '閉じる' }));
    expect(screen.queryByText('09:00–09:30 の架電ブロックが終わりました')).not.toBeInTheDocument();
  });

  it.each([
    ['granted', 'デスクトップ通知とアプリ内で知らせます'],
    ['denied', 'アプリ内で知らせます（デスクトップ通知は許可されていません）'],
  ] as const)('asks for desktop notifications on a click; answer %s', async (answer, shown) => {
    const notifier = fakeNotifier('default', answer);
    renderPlanner({ 'planner.week': async () => ok(week()) }, notifier);
    const user = userEvent.setup();
    await openPlanner(user);
    const group = screen.getByRole('group', { name: 'コマ終了の通知' });
    await user.click(within(group).getByRole('button', { name: '有効にする' }));
    expect(notifier.request).toHaveBeenCalledTimes(1);
    expect(group).toHaveTextContent(shown);
    expect(within(group).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('planner helpers', () => {
  it.each([
    [{ col: 0, row: 0 }, 'ArrowUp', { col: 0, row: 0 }],
    [{ col: 0, row: 0 }, 'ArrowDown', { col: 0, row: 1 }],
    [{ col: 4, row: 3 }, 'ArrowRight', { col: 4, row: 3 }],
    [{ col: 2, row: 3 }, 'ArrowLeft', { col: 1, row: 3 }],
    [{ col: 2, row: 3 }, 'End', { col: 2, row: 15 }],
    [{ col: 2, row: 3 }, 'Home', { col: 2, row: 0 }],
    [{ col: 2, row: 3 }, 'x', null],
  ])('moveCell(%o, %s) → %o', (from, key, to) => {
    expect(moveCell(from, key, 5, 16)).toEqual(to);
  });

  it('selects the rectangle between two cells, day by day', () => {
    const columns = columnsOf(week());
    expect(slotsBetween(columns, { col: 1, row: 3 }, { col: 0, row: 2 }).map((s) => s.startsAt)).toEqual([
      '2025-04-07T01:00:00.000Z',
      '2025-04-07T01:30:00.000Z',
      '2025-04-08T01:00:00.000Z',
      '2025-04-08T01:30:00.000Z',
    ]);
  });

  it.each([
    [1800, '30:00'],
    [754, '12:34'],
    [59, '00:59'],
    [0, '00:00'],
    [-3, '00:00'],
    [3725, '1:02:05'],
  ])('formatCountdown(%i) = %s', (seconds, shown) => {
    expect(formatCountdown(seconds)).toBe(shown);
  });
});
