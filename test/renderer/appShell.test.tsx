import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { ImportJob } from '../../shared/contract/imports';
import type { Result } from '../../shared/contract';
import { languageStorageKey } from '../../renderer/src/i18n/languages';
import { appInfo, deferred, fail, importResult, job, ok, pagedCallList, renderApp } from './fakeApi';

describe('the app shell', () => {
  afterEach(() => localStorage.clear());

  it('offers sample data and a CSV import when there are no leads', async () => {
    renderApp({ 'app.info': () => ok(appInfo(0)), 'callList.page': pagedCallList(0) });
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { name: 'Your call list is empty' })).toBeInTheDocument();
    expect(within(main).getByRole('button', { name: 'Load sample data' })).toBeInTheDocument();
    expect(within(main).getByRole('button', { name: 'Import CSV' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('0 leads');
  });

  it('loads the sample with visible progress, then shows the leads', async () => {
    let leadCount = 0;
    const status = deferred<Result<ImportJob>>();
    const startSample = vi.fn<KomaApi['import.startSample']>(() => ok(job({ processed: 12_000, total: 100_000 })));
    const { user } = renderApp({
      'app.info': () => ok(appInfo(leadCount)),
      'callList.page': pagedCallList(3),
      'import.startSample': startSample,
      'import.status': () => status.promise,
    });

    await user.click(await screen.findByRole('button', { name: 'Load sample data' }));
    const dialog = screen.getByRole('dialog', { name: 'Load sample data' });
    const progress = within(dialog).getByRole('progressbar', { name: 'Import progress' });
    expect(progress).toHaveAttribute('aria-valuenow', '12000');
    expect(progress).toHaveAttribute('aria-valuemax', '100000');
    expect(within(dialog).getByText('12,000 / 100,000 rows')).toBeInTheDocument();

    leadCount = 3;
    status.resolve({ ok: true, value: job({ phase: 'done', processed: 3, total: 3, result: importResult({ totalRows: 3, inserted: 3 }) }) });
    expect(await within(dialog).findByRole('heading', { name: 'Import finished' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Call list' });
    expect(await within(table).findByRole('cell', { name: 'Company 2' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('3 leads');
    expect(startSample).toHaveBeenCalledTimes(1);
  });

  it('switches the visible labels between Japanese and English and remembers the choice', async () => {
    const { user } = renderApp({ 'app.info': () => ok(appInfo(0)), 'callList.page': pagedCallList(0) }, { language: 'ja' });
    expect(await screen.findByRole('button', { name: 'サンプルデータを読み込む' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'ja');

    await user.selectOptions(screen.getByRole('combobox', { name: '表示言語' }), 'English');
    expect(screen.getByRole('button', { name: 'Load sample data' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Import CSV' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(localStorage.getItem(languageStorageKey)).toBe('en');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '日本語');
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'CSVをインポート' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'ja');
  });

  it('tells the user what to do when the page token is refused', async () => {
    renderApp({ 'app.info': () => fail('unauthorized', 'token refused') });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page cannot connect to Koma');
    expect(alert).toHaveTextContent('Restart Koma and continue in the page it opens.');
  });

  it('backend unreachable: says to restart Koma (no developer command) and retries on request', async () => {
    let up = false;
    const info = vi.fn(() => (up ? ok(appInfo(3)) : Promise.reject(new Error('connect ECONNREFUSED'))));
    const { user } = renderApp({ 'app.info': info, 'callList.page': pagedCallList(3) }, { language: 'ja' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Komaに接続できません。Komaを再起動してください');
    expect(document.body.textContent).not.toMatch(/npm run/);
    up = true;
    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(info).toHaveBeenCalledTimes(2);
  });
});
