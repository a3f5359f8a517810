import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { defaultBusinessCalendar } from '../../shared/contract/calendar';
import type { SlotView, WeekView } from '../../shared/contract/planner';
import { defaultWorkWeek } from '../../shared/contract/slots';
import { closedDaysOfWeek, weekGrid } from '../../shared/domain/slots/grid';
import { createClient } from '../../renderer/src/api/client';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { Root } from '../../renderer/src/components/Root';
import { createI18n } from '../../renderer/src/i18n/createI18n';
import type { Language } from '../../renderer/src/i18n/languages';
import { createStores } from '../../renderer/src/stores/createStores';
import { appInfo, ok, pagedCallList, type FakeApi } from './fakeApi';
import { leadDetail, renderWork, workApi } from './workFixtures';

/** The week as planner.week answers it, on the default calendar: closed days have no slots. */
function weekOf(monday: string): WeekView {
  const slots = weekGrid(monday, defaultWorkWeek, defaultBusinessCalendar).map(
    (g): SlotView => ({ ...g, kind: null, target: null, appointment: null, calls: 0, status: 'upcoming' }),
  );
  return {
    weekStart: monday,
    workWeek: defaultWorkWeek,
    slots,
    closedDays: closedDaysOfWeek(monday, defaultWorkWeek, defaultBusinessCalendar),
    current: null,
    summary: { plannedSlots: 0, plannedCallBlocks: 0, plannedDials: 0, callsInCallBlocks: 0, callsOutsideCallBlocks: 0, counts: {} },
    templates: [],
  };
}

const calendarView = {
  calendar: defaultBusinessCalendar,
  upcoming: [
    { date: '2027-01-11', reason: { kind: 'holiday' as const, name: '成人の日', nameEn: 'Coming of Age Day' } },
    { date: '2027-08-13', reason: { kind: 'closure' as const, name: 'お盆' } },
  ],
  holidaysUntil: 2050,
};

function renderApp(api: FakeApi, language: Language = 'ja') {
  const full: FakeApi = { 'app.info': () => ok(appInfo(0)), 'callList.page': pagedCallList(0), ...api };
  const stores = createStores(createClient(sendThroughPreload(full)), { searchDebounceMs: 10 });
  render(<Root i18n={createI18n({ language, root: document.documentElement })} stores={stores} />);
  return { user: userEvent.setup() };
}

describe('closed days in the week plan', () => {
  it('the week of 成人の日: Monday closed and named, 64 slots, the keyboard starts on Tuesday and skips Monday', async () => {
    const { user } = renderApp({ 'planner.week': async () => ok(weekOf('2027-01-11')) });
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: '週間計画' }));
    const grid = await screen.findByRole('grid', { name: '2027年1月11日 の週のコマ' });
    expect(within(grid).getByRole('columnheader', { name: '1/11(月)' })).toHaveClass('closed-day');
    const closed = within(grid).getByRole('gridcell', { name: '休業（成人の日）' });
    expect(closed).toHaveAttribute('aria-readonly', 'true');
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(64 + 1);
    expect(screen.getByText(/64コマ中 0コマ計画/)).toBeInTheDocument();

    const tuesday = within(grid).getByRole('gridcell', { name: /^1\/12\(火\)、09:00–09:30、未計画/ });
    expect(tuesday).toHaveAttribute('tabindex', '0');
    await user.click(tuesday);
    await user.keyboard('{ArrowLeft}');
    expect(tuesday).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowLeft}');
    expect(tuesday).toHaveFocus();
  });

  it('年末年始 in English: four days closed, named by the closure and the holiday', async () => {
    const { user } = renderApp({ 'planner.week': async () => ok(weekOf('2026-12-28')) }, 'en');
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Week plan' }));
    const grid = await screen.findByRole('grid');
    expect(within(grid).getAllByRole('gridcell', { name: 'Closed (年末年始)' })).toHaveLength(3);
    expect(within(grid).getByRole('gridcell', { name: "Closed (New Year's Day)" })).toBeInTheDocument();
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(16 + 4);
  });
});

describe('the business calendar in settings', () => {
  async function openCalendar(api: FakeApi, language: Language = 'ja') {
    const app = renderApp(api, language);
    await app.user.click(await screen.findByRole('button', { name: language === 'ja' ? '設定' : 'Settings' }));
    const section = await screen.findByRole('region', { name: language === 'ja' ? '営業日カレンダー' : 'Business calendar' });
    await within(section).findByRole('checkbox', { name: /国民の祝日|national holidays/ });
    return { ...app, section };
  }

  it('shows the holidays setting, 年末年始 and お盆, and the coming closed days', async () => {
    const { section } = await openCalendar({ 'calendar.get': async () => ok(calendarView) });
    expect(within(section).getByRole('checkbox', { name: /国民の祝日/ })).toBeChecked();
    expect(within(section).getByRole('textbox', { name: '1行目の名称' })).toHaveValue('年末年始');
    expect(within(section).getByRole('textbox', { name: '1行目の開始' })).toHaveValue('12-29');
    expect(within(section).getByRole('textbox', { name: '1行目の終了' })).toHaveValue('01-03');
    expect(within(section).getByRole('textbox', { name: '2行目の名称' })).toHaveValue('お盆');
    const upcoming = within(section).getByRole('list', { name: '今後の休業日' });
    expect(within(upcoming).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['2027/01/11(月) 成人の日', '2027/08/13(金) お盆']);
    expect(within(section).getByText('祝日データは2050年まで収録しています。')).toBeInTheDocument();
  });

  it('adds a company closure and saves the whole calendar', async () => {
    const save = vi.fn<KomaApi['calendar.save']>(async () => ok({ requeued: 3 }));
    const { user, section } = await openCalendar({ 'calendar.get': async () => ok(calendarView), 'calendar.save': save });
    await user.click(within(section).getByRole('button', { name: '休業日を追加' }));
    const closures = within(section).getByRole('group', { name: '会社の休業日（創立記念日など）' });
    await user.type(within(closures).getByRole('textbox', { name: '1行目の名称' }), '創立記念日');
    // Date inputs take their value as typed in jsdom.
    await user.type(within(closures).getByLabelText('1行目の開始'), '2027-06-15');
    await user.type(within(closures).getByLabelText('1行目の終了'), '2027-06-15');
    await user.click(within(section).getByRole('button', { name: 'カレンダーを保存' }));
    expect(save).toHaveBeenCalledWith({ calendar: { ...defaultBusinessCalendar, closures: [{ name: '創立記念日', from: '2027-06-15', to: '2027-06-15' }] } });
    expect(await within(section).findByText('保存しました。リードの順番を更新しました。')).toHaveAttribute('role', 'status');
  });

  it('says which row is wrong and sends nothing', async () => {
    const save = vi.fn<KomaApi['calendar.save']>(async () => ok({ requeued: 0 }));
    const { user, section } = await openCalendar({ 'calendar.get': async () => ok(calendarView), 'calendar.save': save }, 'en');
    const yearly = within(section).getByRole('group', { name: 'Closed every year (New Year, Obon…)' });
    const from = within(yearly).getByRole('textbox', { name: 'From, row 2' });
    await user.clear(from);
    await user.type(from, '8/13');
    await user.click(within(section).getByRole('button', { name: 'Save calendar' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('Row 2: enter month-day as 12-29.');
    expect(save).not.toHaveBeenCalled();
    await user.click(within(yearly).getByRole('button', { name: 'Remove お盆' }));
    await user.click(within(section).getByRole('button', { name: 'Save calendar' }));
    expect(save).toHaveBeenCalledWith({ calendar: { ...defaultBusinessCalendar, yearlyClosures: [defaultBusinessCalendar.yearlyClosures[0]] } });
  });
});

describe('a next call moved off a closed time', () => {
  it('tells the rep where the next call went and why', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)], {
      'calls.log': vi.fn<KomaApi['calls.log']>(() =>
        ok({
          callId: 'call-1',
          leadStatus: 'working',
          nextCallAt: '2027-01-12T00:00:00.000Z',
          moved: { from: '2027-01-11T02:00:00.000Z', to: '2027-01-12T00:00:00.000Z', reason: { kind: 'holiday', name: '成人の日', nameEn: 'Coming of Age Day' } },
        }),
      ),
    });
    const { user } = renderWork(api);
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const lead = screen.getByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await user.keyboard('2{Control>}{Enter}{/Control}');
    await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(within(lead).getByText(/^Person 1’s next call .* fell on Coming of Age Day; moved to .*\.$/)).toHaveAttribute('role', 'status');
  });
});
