import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { AppError, Result } from '../../shared/contract';
import { renderSyncApp, syncBackend, syncConflict, syncItem, syncStatus } from './syncFixtures';

const refused = (index: number, message: string) => syncItem(index, { state: 'attention', attempts: 1, lastError: message });

async function openSyncScreen(user: ReturnType<typeof renderSyncApp>['user']) {
  await user.click(await screen.findByRole('button', { name: '同期' }));
  return screen.findByRole('region', { name: '同期' });
}

describe('the sync screen', () => {
  it("lists what waits and what the CRM refused, with the CRM's message, and retries them all", async () => {
    const backend = syncBackend({
      items: [
        refused(1, 'Task: FIELD_CUSTOM_VALIDATION_EXCEPTION: 通話メモは必須です'),
        refused(2, 'Opportunity: REQUIRED_FIELD_MISSING: CloseDate'),
        syncItem(3, { attempts: 2, lastError: 'HTTP 503 Server unavailable' }),
      ],
    });
    const { user } = renderSyncApp(backend.api);
    const region = await openSyncScreen(user);
    const attention = await within(region).findByRole('table', { name: /要対応/ });
    expect(within(attention).getAllByRole('row')).toHaveLength(3);
    expect(within(attention).getByText('Task: FIELD_CUSTOM_VALIDATION_EXCEPTION: 通話メモは必須です')).toBeInTheDocument();
    const pending = within(region).getByRole('table', { name: /送信待ち/ });
    const row = within(pending).getByRole('row', { name: /山田 太郎 3/ });
    expect(row).toHaveTextContent('架電記録');
    expect(row).toHaveTextContent('HTTP 503 Server unavailable');

    await user.click(within(region).getByRole('button', { name: '要対応をすべて再送' }));
    expect(backend.api['sync.retry']).toHaveBeenCalledWith({ all: true });
    expect(await within(region).findByRole('status')).toHaveTextContent('2 件を送信待ちに戻しました');
    expect(await within(region).findByText('要対応の項目はありません。')).toBeInTheDocument();
    expect(within(within(region).getByRole('table', { name: /送信待ち/ })).getAllByRole('row')).toHaveLength(4);
    await waitFor(() => expect(screen.getByRole('status', { name: /^同期: / })).toHaveAccessibleName(/送信待ち 3 件/));
  });

  it('retries one item and syncs now', async () => {
    const backend = syncBackend({ items: [refused(1, 'Task: INVALID_FIELD'), refused(2, 'Task: INVALID_FIELD')] });
    const { user } = renderSyncApp(backend.api);
    const region = await openSyncScreen(user);
    await user.click(await within(region).findByRole('button', { name: '山田 太郎 2（株式会社サクラテック） への架電: 通話できた（09:02） を再送' }));
    expect(backend.api['sync.retry']).toHaveBeenCalledWith({ ids: ['item-2'] });
    expect(await within(region).findByText('1 件を送信待ちに戻しました')).toBeInTheDocument();

    await user.click(within(region).getByRole('button', { name: '今すぐ同期' }));
    expect(backend.api['sync.now']).toHaveBeenCalledWith({});
    expect(await within(region).findByText('同期を開始しました')).toBeInTheDocument();
  });

  it('edits a refused payload: checks the fields, sends only what changed, and queues it again', async () => {
    const backend = syncBackend({ items: [refused(1, 'Task: STRING_TOO_LONG: Description')] });
    const { user } = renderSyncApp(backend.api);
    const region = await openSyncScreen(user);
    await user.click(await within(region).findByRole('button', { name: '山田 太郎 1（株式会社サクラテック） への架電: 通話できた（09:01） を修正' }));
    const dialog = screen.getByRole('dialog', { name: '送信内容を修正' });
    expect(within(dialog).getByText('Task: STRING_TOO_LONG: Description')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: '修正して再送' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('変更された項目がありません。');

    const duration = within(dialog).getByRole('textbox', { name: '通話時間（秒）' });
    await user.clear(duration);
    await user.type(duration, '5分');
    await user.click(within(dialog).getByRole('button', { name: '修正して再送' }));
    expect(duration).toHaveAccessibleDescription('数値を入力してください');
    expect(backend.api['sync.editPayload']).not.toHaveBeenCalled();

    await user.clear(duration);
    await user.type(duration, '240');
    const notes = within(dialog).getByRole('textbox', { name: 'メモ' });
    await user.clear(notes);
    await user.type(notes, '予算は来期');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: '架電結果' }), '折り返し依頼');
    await user.click(within(dialog).getByRole('button', { name: '修正して再送' }));
    expect(backend.api['sync.editPayload']).toHaveBeenCalledWith({ id: 'item-1', patch: { notes: '予算は来期', outcome: 'callback_requested', durationSec: 240 } });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(region).findByText('修正した内容を送信待ちに戻しました')).toBeInTheDocument();
    expect(within(region).getByText('要対応の項目はありません。')).toBeInTheDocument();
  });

  it("shows the backend's refusal of an edit at the field and keeps what was typed", async () => {
    const backend = syncBackend({ items: [refused(1, 'Task: INVALID_FIELD')] });
    const refusal: AppError = {
      code: 'invalid_input',
      message: 'These fields cannot be edited: nextAction',
      issues: [{ path: 'patch.nextAction', message: 'not an editable field of this item' }],
    };
    const editPayload: KomaApi['sync.editPayload'] = async () => ({ ok: false, error: refusal }) satisfies Result<never>;
    const { user } = renderSyncApp({ ...backend.api, 'sync.editPayload': editPayload });
    const region = await openSyncScreen(user);
    await user.click(await within(region).findByRole('button', { name: /を修正$/ }));
    const dialog = screen.getByRole('dialog', { name: '送信内容を修正' });
    const next = within(dialog).getByRole('textbox', { name: '次のアクション' });
    expect(next).toHaveAccessibleDescription('空欄にすると「値なし」になります');
    await user.type(next, '資料送付');
    await user.click(within(dialog).getByRole('button', { name: '修正して再送' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('この内容では送信できません');
    expect(next).toHaveAccessibleDescription('not an editable field of this item');
    expect(next).toHaveValue('資料送付');
  });

  it("puts a pulled conflict's two versions side by side and keeps the rep's choice", async () => {
    const backend = syncBackend({ conflicts: [syncConflict(), syncConflict({ id: 'conflict-2', leadName: '鈴木 一郎', companyName: '株式会社ミドリ' })] });
    const { user } = renderSyncApp(backend.api);
    const region = await openSyncScreen(user);
    const conflict = await within(region).findByRole('region', { name: '佐藤 花子（株式会社アオバ）' });
    const phone = within(conflict).getByRole('row', { name: /Phone/ });
    expect(within(phone).getAllByRole('cell').map((c) => c.textContent)).toEqual(['03-1111-2222', '03-9999-0000']);
    expect(within(within(conflict).getByRole('row', { name: /Title/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['（空）', '部長']);

    await user.click(within(conflict).getByRole('button', { name: 'CRMの内容を採用' }));
    expect(backend.api['sync.resolveConflict']).toHaveBeenCalledWith({ id: 'conflict-1', keep: 'crm' });
    await waitFor(() => expect(within(region).queryByRole('region', { name: '佐藤 花子（株式会社アオバ）' })).not.toBeInTheDocument());
    expect(within(region).getByText('CRMの内容を採用しました')).toBeInTheDocument();

    await user.click(within(within(region).getByRole('region', { name: '鈴木 一郎（株式会社ミドリ）' })).getByRole('button', { name: 'Komaの内容を残す' }));
    expect(backend.api['sync.resolveConflict']).toHaveBeenLastCalledWith({ id: 'conflict-2', keep: 'local' });
    await waitFor(() => expect(within(region).queryByRole('region', { name: 'CRMとの競合' })).not.toBeInTheDocument());
  });

  it("shows the org's API use and Koma's share of it", async () => {
    const backend = syncBackend({ status: syncStatus({ apiUsage: { used: 1200, max: 15000, komaUsedToday: 30, budget: 750, percent: 5 } }) });
    const { user } = renderSyncApp(backend.api);
    const region = await openSyncScreen(user);
    const usage = await within(region).findByRole('region', { name: 'APIの使用量' });
    const org = within(usage).getByRole('progressbar', { name: '組織のAPI要求数' });
    expect(org).toHaveAttribute('aria-valuenow', '1200');
    expect(org).toHaveAttribute('aria-valuemax', '15000');
    const koma = within(usage).getByRole('progressbar', { name: 'Komaの本日の使用' });
    expect(koma).toHaveAttribute('aria-valuetext', '30 / 750（組織の上限の 5%）');
  });

  it('with kintone, says kintone reports no use and shows Koma’s own count', async () => {
    const backend = syncBackend({ status: syncStatus({ connector: 'kintone', apiUsage: { used: null, max: null, komaUsedToday: 42, budget: null, percent: 5 } }) });
    const { user } = renderSyncApp(backend.api);
    const region = await openSyncScreen(user);
    const usage = await within(region).findByRole('region', { name: 'APIの使用量' });
    expect(usage).toHaveTextContent('kintoneは使用量を返しません');
    expect(usage).toHaveTextContent('42 件（Komaが数えた本日の要求数）');
    expect(usage).not.toHaveTextContent('Salesforce');
  });
});
