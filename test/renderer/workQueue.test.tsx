import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { CallListRow } from '../../shared/contract/leads';
import { deferred, leadRow, ok } from './fakeApi';
import { at, leadDetail, renderWork, workApi } from './workFixtures';

const queueRows: CallListRow[] = [
  leadRow(1, { reason: { code: 'callback_due', at: at(30) }, status: 'callback' }),
  leadRow(2, { reason: { code: 'speed_to_lead', deadline: at(23) }, source: 'web_inquiry' }),
  leadRow(3, { reason: { code: 'hot', score: 85 }, score: 85 }),
  leadRow(4, { reason: { code: 'recycle_due', at: at(-60) }, status: 'recycled' }),
  leadRow(5, { reason: { code: 'retry', attempts: 2 }, status: 'working', age: { days: 16, level: 'stale' } }),
  leadRow(6, { reason: { code: 'new' }, age: { days: 40, level: 'old' }, withinCallingHours: false }),
];

function queueApi() {
  return workApi(
    queueRows.map((row) => leadDetail(Number(row.id.slice(5)), { lead: { fullName: row.fullName } })),
    { 'callList.page': vi.fn<KomaApi['callList.page']>(() => ok({ total: queueRows.length, offset: 0, rows: queueRows })) },
  );
}

async function cellsOf(column: number, table: HTMLElement) {
  await within(table).findByRole('cell', { name: 'Company 6' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[column]?.textContent);
}

describe('the queue beside the lead', () => {
  it('says why each lead is here, in Japanese', async () => {
    renderWork(queueApi(), { language: 'ja' });
    const table = await screen.findByRole('table', { name: 'コールリスト' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['会社名', '氏名', '役職', '理由', 'リードソース', 'ステータス', 'スコア', '経過', '時間帯']);
    expect(await cellsOf(3, table)).toEqual(['コールバック予定 10:30', 'Web問い合わせ: あと23分', '有望リード (スコア85)', 'リサイクル期日', '再架電 (3回目)', '新規リード']);
    expect(await cellsOf(7, table)).toEqual(['1日', '2日', '3日', '4日', '16日', '40日']);
    expect(await cellsOf(8, table)).toEqual(['', '', '', '', '', '時間外']);
  });

  it('says why each lead is here, in English, with the age warning levels', async () => {
    renderWork(queueApi());
    const table = await screen.findByRole('table', { name: 'Call list' });
    expect(await cellsOf(3, table)).toEqual(['Callback due 10:30', 'Web inquiry: 23 min left', 'Hot lead (score 85)', 'Recycle date reached', 'Retry (call 3)', 'New lead']);
    const stale = within(table).getByText('16d');
    expect(stale).toHaveClass('age-stale');
    expect(stale).toHaveAttribute('title', 'Last touched 16 days ago (getting stale)');
    expect(within(table).getByText('40d')).toHaveClass('age-old');
    expect(within(table).getByText('Off hours')).toHaveAttribute('title', 'Outside calling hours in the lead’s local time');
  });

  it('flags a callback five days late in red, with its weekday date, above the others', async () => {
    // The queue orders due callbacks by their time, so the latest-promised overdue one comes first.
    const rows = [
      leadRow(1, { reason: { code: 'callback_due', at: at(-5 * 24 * 60 - 2) }, status: 'callback' }),
      leadRow(2, { reason: { code: 'callback_due', at: at(-30) }, status: 'callback' }),
      leadRow(3, { reason: { code: 'new' } }),
    ];
    const api = workApi([leadDetail(1, { queue: { bucket: 1, reason: rows[0]!.reason, age: { days: 5, level: 'fresh' }, withinCallingHours: true } })], {
      'callList.page': vi.fn<KomaApi['callList.page']>(() => ok({ total: rows.length, offset: 0, rows })),
    });
    const { user } = renderWork(api, { language: 'ja' });
    const table = await screen.findByRole('table', { name: 'コールリスト' });
    const late = await within(table).findByText('期限切れ 5日');
    expect(late).toHaveClass('overdue');
    const cell = late.closest('[role="cell"]');
    // Wednesday 2 April 2025, 09:58: the date carries its weekday; the full reason is on hover.
    expect(cell).toHaveTextContent('期限切れ 5日 4/2(水) 09:58');
    expect(cell).toHaveAttribute('title', 'コールバック予定 4/2(水) 09:58（期限切れ 5日）');
    // Half an hour late is still "due now", not overdue.
    expect(within(table).getByText('コールバック予定 09:30')).not.toHaveClass('overdue');
    expect(within(table).getAllByText(/期限切れ/)).toHaveLength(1);

    await user.keyboard('n');
    const lead = screen.getByRole('region', { name: '対応中のリード' });
    expect(await within(lead).findByText('期限切れ 5日')).toHaveClass('overdue');
  });

  it('moves through the rows with the arrow keys and opens the chosen lead with Enter', async () => {
    const api = queueApi();
    const { user } = renderWork(api);
    const table = await screen.findByRole('table', { name: 'Call list' });
    await within(table).findByRole('cell', { name: 'Company 6' });

    await user.keyboard('l');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}{ArrowDown}');
    expect(rows[3]).toHaveFocus();
    await user.keyboard('{Enter}');
    const lead = screen.getByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 4' });
    expect(api['lead.get']).toHaveBeenCalledWith({ leadId: 'lead-4' });
    expect(rows[3]).toHaveAttribute('aria-current', 'true');
    expect(rows[3]).toHaveFocus();

    await user.keyboard('{End}');
    expect(rows[5]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(rows[0]).toHaveFocus();

    // From the search box, ↓ goes to the rows.
    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search company, person or phone' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rows[0]).toHaveFocus();

    await user.click(rows[1]!);
    await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(rows[1]).toHaveAttribute('aria-current', 'true');
    expect(rows[3]).not.toHaveAttribute('aria-current');
  });

  it('narrows the list and the next lead to the source a call block set', async () => {
    const api = queueApi();
    const { stores, user } = renderWork(api);
    await screen.findByRole('table', { name: 'Call list' });
    act(() => stores.callList.getState().setSourceFilter('web_inquiry'));
    await waitFor(() => expect(api['callList.page']).toHaveBeenLastCalledWith({ search: '', offset: 0, limit: 100, source: 'web_inquiry' }));
    expect(screen.getByText('Web inquiry leads only')).toBeInTheDocument();
    await user.keyboard('n');
    await waitFor(() => expect(api['queue.next']).toHaveBeenCalledWith({ excludeLeadId: null, source: 'web_inquiry' }));

    act(() => stores.callList.getState().setSourceFilter(null));
    await waitFor(() => expect(api['callList.page']).toHaveBeenLastCalledWith({ search: '', offset: 0, limit: 100 }));
    expect(screen.queryByText('Web inquiry leads only')).not.toBeInTheDocument();
  });

  it('has the next lead read ahead while the rep is on this one: N shows it without asking again', async () => {
    const api = queueApi();
    const { user } = renderWork(api);
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const lead = screen.getByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await waitFor(() => expect(api['lead.get']).toHaveBeenCalledWith({ leadId: 'lead-2' }));
    await user.keyboard('n');
    await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
    // Person 2 came from the read-ahead: the queue was asked once for the lead after Person 1, and Person 2 read once.
    expect(api['queue.next'].mock.calls.filter(([input]) => input.excludeLeadId === 'lead-1')).toHaveLength(1);
    expect(api['lead.get'].mock.calls.filter(([input]) => input.leadId === 'lead-2')).toHaveLength(1);
  });

  it('shows the read-ahead lead at once on save and next, while the call is still being logged', async () => {
    const api = queueApi();
    const answer = deferred<void>();
    const logAndNext = api['calls.logAndNext'].getMockImplementation()!;
    api['calls.logAndNext'].mockImplementation(async (input) => {
      await answer.promise;
      return logAndNext(input);
    });
    const { user } = renderWork(api);
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const lead = screen.getByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await waitFor(() => expect(api['lead.get']).toHaveBeenCalledWith({ leadId: 'lead-2' }));
    await user.keyboard('2{Control>}{Enter}{/Control}');
    // Person 2 is on screen with an empty form before the backend has answered the call.
    await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
    await waitFor(() => expect(api['calls.logAndNext']).toHaveBeenCalledWith({ call: expect.objectContaining({ leadId: 'lead-1', outcome: 'no_answer' }), source: null }));
    expect(api['calls.log']).not.toHaveBeenCalled();
    expect(within(lead).getByRole('radio', { name: 'No answer' })).not.toBeChecked();
    expect(api['lead.get'].mock.calls.filter(([input]) => input.leadId === 'lead-2')).toHaveLength(1);
    // N waits for the call to be in: the queue is not asked while it could still hand back Person 1.
    const asked = api['queue.next'].mock.calls.length;
    await user.keyboard('n');
    expect(api['queue.next'].mock.calls.length).toBe(asked);
    answer.resolve();
    // Then N goes on from Person 2, asking the queue only after the call was logged.
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    expect(api['calls.log']).toHaveBeenCalledTimes(1);
    const fromPerson2 = api['queue.next'].mock.calls.findIndex(([input]) => input.excludeLeadId === 'lead-2');
    expect(api['queue.next'].mock.invocationCallOrder[fromPerson2]).toBeGreaterThan(api['calls.log'].mock.invocationCallOrder[0]!);
  });

  it('takes the backend’s next lead instead of the read-ahead one when the queue changed during the call', async () => {
    const api = queueApi();
    const hot = leadDetail(9, { lead: { fullName: 'Person 9' } });
    const logAndNext = api['calls.logAndNext'].getMockImplementation()!;
    api['calls.logAndNext'].mockImplementation(async (input) => {
      const answer = await logAndNext(input);
      return answer.ok ? ok({ ...answer.value, next: hot }) : answer;
    });
    const { user } = renderWork(api);
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const lead = screen.getByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await waitFor(() => expect(api['lead.get']).toHaveBeenCalledWith({ leadId: 'lead-2' }));
    await user.keyboard('2{Control>}{Enter}{/Control}');
    await within(lead).findByRole('heading', { level: 2, name: 'Person 9' });
  });

  it('drops the read-ahead lead when a decision changed the queue', async () => {
    const api = queueApi();
    const { user, stores } = renderWork(api);
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const lead = screen.getByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await waitFor(() => expect(api['lead.get']).toHaveBeenCalledWith({ leadId: 'lead-2' }));
    await act(() => stores.work.getState().setDoNotCall(true));
    const before = api['queue.next'].mock.calls.length;
    await user.keyboard('n');
    await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['queue.next'].mock.calls.length).toBeGreaterThan(before);
  });

  it('refreshes the list after a call is logged without blanking the rows', async () => {
    const api = queueApi();
    const { user } = renderWork(api);
    const table = await screen.findByRole('table', { name: 'Call list' });
    await within(table).findByRole('cell', { name: 'Company 6' });
    await user.keyboard('n');
    await within(screen.getByRole('region', { name: 'Current lead' })).findByRole('heading', { level: 2, name: 'Person 1' });
    const before = api['callList.page'].mock.calls.length;
    await user.keyboard('2{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api['callList.page'].mock.calls.length).toBe(before + 1));
    expect(within(table).getAllByRole('row').slice(1).every((row) => row.getAttribute('aria-busy') !== 'true')).toBe(true);
  });
});
