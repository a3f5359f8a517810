import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../shared/contract/app';
import { appInfo, ok, pagedCallList, renderApp } from './fakeApi';

const backups = [
  { name: 'koma-20250408-000000.sqlite3', createdAt: '2025-04-08T00:00:00.000Z', sizeBytes: 204_800 },
  { name: 'koma-20250407-000000-prerestore.sqlite3', createdAt: '2025-04-07T00:00:00.000Z', sizeBytes: 102_400 },
];

describe('backups in settings', () => {
  it('lists backups and restores one only after asking', async () => {
    const restore = vi.fn(async () => ok({ restoredFrom: backups[0]!.name, safetyBackup: { name: 'koma-20250409-000000-prerestore.sqlite3', createdAt: '2025-04-09T00:00:00.000Z', sizeBytes: 1 } }));
    renderApp({ 'app.info': () => ok(appInfo(3)), 'callList.page': pagedCallList(3), 'backup.list': async () => ok({ backups, recovery: null }), 'backup.restore': restore }, { language: 'ja' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '設定' }));
    const table = await screen.findByRole('table', { name: 'バックアップ一覧' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('復元前の自動保存', { exact: false })).toBeInTheDocument();

    await user.click(within(table).getAllByRole('button', { name: /この時点に戻す/ })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'バックアップから復元しますか？' });
    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    expect(restore).not.toHaveBeenCalled();

    await user.click(within(table).getAllByRole('button', { name: /この時点に戻す/ })[0]!);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '復元する' }));
    expect(restore).toHaveBeenCalledWith({ name: backups[0]!.name, confirmed: true });
    expect(await screen.findByText(/元のデータは「koma-20250409-000000-prerestore.sqlite3」として保存されています/)).toBeInTheDocument();
  });

  it('says so when the database was replaced from a backup at start, names the missing period, and forgets it once dismissed', async () => {
    const user = userEvent.setup();
    let recovery: AppInfo['recovery'] = { restoredFrom: backups[0]!.name, damagedFileKeptAt: '/d/koma.sqlite3.damaged-1', problem: 'malformed', missingFrom: '2025-04-09T00:00:00.000Z', missingUntil: '2025-04-09T03:00:00.000Z' };
    const dismiss = vi.fn(async () => {
      recovery = null;
      return ok({ dismissed: true });
    });
    renderApp({ 'app.info': () => ok({ ...appInfo(3), recovery }), 'callList.page': pagedCallList(3), 'recovery.dismiss': dismiss }, { language: 'ja' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('データベースが破損していたため、バックアップから復元しました');
    expect(alert).toHaveTextContent('/d/koma.sqlite3.damaged-1');
    expect(alert).toHaveTextContent(/から .* までに記録した作業は、復元したデータに含まれていません/);
    await user.click(within(alert).getByRole('button', { name: '確認しました' }));
    expect(dismiss).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('never says "restored" when no backup was used', async () => {
    renderApp(
      {
        'app.info': () => ok({ ...appInfo(3), recovery: { restoredFrom: null, damagedFileKeptAt: '/d/koma.sqlite3.damaged-1', problem: 'wal', missingFrom: null, missingUntil: '2025-04-09T03:00:00.000Z' } }),
        'callList.page': pagedCallList(3),
      },
      { language: 'en' },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The database was damaged (no usable backup was found)');
    expect(alert).not.toHaveTextContent(/restored from/);
    expect(alert).toHaveTextContent(/Work recorded up to .* is not in this data/);
  });
});
