import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { callListRowHeight } from '../../renderer/src/components/callList/columns';
import { appInfo, deferred, leadRow, ok, pagedCallList, renderApp } from './fakeApi';

type Page = Awaited<ReturnType<KomaApi['callList.page']>>;

function dataRows(table: HTMLElement): HTMLElement[] {
  // Row 1 is the header row.
  return within(table)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');
}

describe('the call list', () => {
  it('shows the leads with translated source and status', async () => {
    renderApp({
      'app.info': () => ok(appInfo(1)),
      'callList.page': () =>
        ok({
          total: 1,
          offset: 0,
          rows: [leadRow(0, { companyName: '株式会社コマ', fullName: '山田 太郎', title: '部長', source: 'exhibition', status: 'callback', score: 87, reason: { code: 'hot', score: 87 }, age: { days: 3, level: 'fresh' } })],
        }),
    }, { language: 'ja' });
    const table = await screen.findByRole('table', { name: 'コールリスト' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['会社名', '氏名', '役職', '理由', 'リードソース', 'ステータス', 'スコア', '経過', '時間帯']);
    const row = await within(table).findByRole('row', { name: /株式会社コマ/ });
    expect(within(row).getAllByRole('cell').slice(1).map((c) => c.textContent)).toEqual(['山田 太郎', '部長', '有望リード (スコア87)', '展示会', '再架電予定', '87', '3日', '']);
    // The distinctive name first and the legal form small; read out and hovered as written.
    const company = within(row).getByRole('cell', { name: '株式会社コマ' });
    expect(company).toHaveAttribute('title', '株式会社コマ');
    expect(within(company).getByText('コマ')).toHaveClass('company-distinctive');
    expect(within(company).getByText('(株)')).toHaveClass('legal-form');
    expect(screen.getByText('1 件')).toBeInTheDocument();
  });

  it('requests the filtered page when the rep types a search, and shows it', async () => {
    const page = vi.fn<KomaApi['callList.page']>(async (input) =>
      input.search === 'yamada'
        ? ok({ total: 1, offset: 0, rows: [leadRow(42, { fullName: 'Yamada Taro' })] })
        : ok({ total: 250, offset: input.offset ?? 0, rows: Array.from({ length: 100 }, (_, i) => leadRow((input.offset ?? 0) + i)) }),
    );
    renderApp({ 'app.info': () => ok(appInfo(250)), 'callList.page': page });
    expect(await screen.findByText('250 leads')).toBeInTheDocument();

    // Six keystrokes within one task, as a quick typist's land inside one debounce window however
    // slow the machine is (user.type yields between keys, so its spacing would depend on speed).
    const box = screen.getByRole('searchbox', { name: 'Search company, person or phone' });
    act(() => {
      for (let n = 1; n <= 'yamada'.length; n++) fireEvent.change(box, { target: { value: 'yamada'.slice(0, n) } });
    });
    expect(await screen.findByText('1 lead')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Call list' });
    expect(table).toHaveAttribute('aria-rowcount', '2');
    expect(dataRows(table)).toHaveLength(1);
    expect(within(table).getByRole('cell', { name: 'Yamada Taro' })).toBeInTheDocument();
    // Debounced: the keystrokes in between did not each cost a query.
    const searches = page.mock.calls.map(([input]) => input.search);
    expect(searches).toContain('yamada');
    expect(searches).not.toContain('yam');
  });

  it('renders only a window of rows for a 10,000-lead list', async () => {
    const page = pagedCallList(10_000);
    renderApp({ 'app.info': () => ok(appInfo(10_000)), 'callList.page': page });
    const table = await screen.findByRole('table', { name: 'Call list' });
    await within(table).findByRole('cell', { name: 'Company 0' });
    expect(table).toHaveAttribute('aria-rowcount', '10001');
    const rows = dataRows(table);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    // Only the first page was needed for what is in view.
    expect(page).toHaveBeenCalledWith({ search: '', offset: 0, limit: 100 });
    expect(page.mock.calls.every(([input]) => input.offset === 0)).toBe(true);
  });

  it('draws the rows a scroll brings into view (rendered after the scroll, not inside it)', async () => {
    const page = pagedCallList(10_000);
    renderApp({ 'app.info': () => ok(appInfo(10_000)), 'callList.page': page });
    const table = await screen.findByRole('table', { name: 'Call list' });
    await within(table).findByRole('cell', { name: 'Company 0' });
    const body = table.querySelector<HTMLElement>('.grid-body')!;
    act(() => {
      body.scrollTop = 5_000 * callListRowHeight;
      fireEvent.scroll(body);
    });
    expect(await within(table).findByRole('cell', { name: 'Company 5000' })).toBeInTheDocument();
    expect(within(table).queryByRole('cell', { name: 'Company 0' })).not.toBeInTheDocument();
  });

  it('keeps the last search’s rows on screen until the new search answers, then shows its rows at once', async () => {
    const replies = new Map<string, ReturnType<typeof deferred<Page>>>();
    const page = vi.fn<KomaApi['callList.page']>((input) => {
      const reply = deferred<Page>();
      replies.set(input.search ?? '', reply);
      return reply.promise;
    });
    renderApp({ 'app.info': () => ok(appInfo(300)), 'callList.page': page });
    await vi.waitFor(() => expect(replies.has('')).toBe(true));
    replies.get('')?.resolve({ ok: true, value: { total: 300, offset: 0, rows: [leadRow(0)] } });
    const table = await screen.findByRole('table', { name: 'Call list' });
    expect(await within(table).findByText('Company 0')).toBeInTheDocument();

    const box = screen.getByRole('searchbox', { name: 'Search company, person or phone' });
    act(() => void fireEvent.change(box, { target: { value: 'yamada' } }));
    await vi.waitFor(() => expect(replies.has('yamada')).toBe(true));
    // Asked, not answered: the rows of the list before stay, none turned into a placeholder.
    expect(within(table).getByText('Company 0')).toBeInTheDocument();
    expect(dataRows(table).some((row) => row.getAttribute('aria-busy') === 'true' && row.getAttribute('aria-rowindex') === '2')).toBe(false);

    replies.get('yamada')?.resolve({ ok: true, value: { total: 1, offset: 0, rows: [leadRow(42, { fullName: 'Yamada Taro' })] } });
    expect(await within(table).findByRole('cell', { name: 'Yamada Taro' })).toBeInTheDocument();
    expect(dataRows(table)).toHaveLength(1);
  });

  it('shows placeholder rows while a refresh is on the way, then the new rows', async () => {
    const replies = [deferred<Page>(), deferred<Page>()];
    let call = 0;
    const { stores } = renderApp({ 'app.info': () => ok(appInfo(300)), 'callList.page': () => (replies[call++] ?? deferred<Page>()).promise });
    expect(await screen.findByText('Counting leads…')).toBeInTheDocument();
    replies[0]?.resolve({ ok: true, value: { total: 300, offset: 0, rows: [leadRow(0)] } });
    const table = await screen.findByRole('table', { name: 'Call list' });
    expect(await within(table).findByText('Company 0')).toBeInTheDocument();

    // What an import does when it finishes: every cached page is dropped and fetched again.
    act(() => stores.callList.getState().reload());
    expect(dataRows(table).length).toBeGreaterThan(1);
    expect(dataRows(table).every((row) => row.getAttribute('aria-busy') === 'true')).toBe(true);
    expect(within(table).getAllByText('Loading')).toHaveLength(dataRows(table).length);

    replies[1]?.resolve({ ok: true, value: { total: 300, offset: 0, rows: [leadRow(0, { companyName: 'Refreshed Co' })] } });
    expect(await within(table).findByText('Refreshed Co')).toBeInTheDocument();
  });
});
