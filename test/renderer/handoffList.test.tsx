import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { HandoffRow, HandoffView } from '../../shared/contract/handoff';
import type { SaveFile } from '../../renderer/src/lib/saveFile';
import { appInfo, ok, pagedCallList, renderApp } from './fakeApi';
import { fieldRep, handoffView } from './hearingFixtures';

const views: HandoffView[] = [
  handoffView({ id: 'h1', companyName: '株式会社コマ', leadName: '山田 太郎', state: 'queued' }),
  handoffView({
    id: 'h2',
    companyName: '北斗物流株式会社',
    leadName: '鈴木 一郎',
    state: 'synced',
    syncedAt: '2025-04-07T03:00:00.000Z',
    fieldState: 'rejected',
    fieldReason: '予算時期が合わない',
    corrections: 1,
  }),
  handoffView({ id: 'h3', companyName: 'アオバシステムズ株式会社', leadName: '長谷川 隆', state: 'failed', lastError: 'CRM returned 400: INVALID_FIELD' }),
  handoffView({ id: 'h4', companyName: '東和精機株式会社', leadName: '伊藤 聡', state: 'draft', fieldState: null }),
];

const toRow = ({ package: _package, ...row }: HandoffView): HandoffRow => row;

function setup(extra: Partial<KomaApi> = {}) {
  const list = vi.fn<KomaApi['handoff.list']>(async (input) =>
    ok({
      rows: views
        .filter((v) => (!input.state || v.state === input.state) && (!input.fieldState || v.fieldState === input.fieldState))
        .filter((v) => !input.search || v.companyName.includes(input.search) || v.leadName.includes(input.search))
        .map(toRow),
    }),
  );
  const saveFile = vi.fn<SaveFile>();
  const app = renderApp(
    {
      'app.info': async () => ok(appInfo(0)),
      'callList.page': pagedCallList(0),
      'handoff.list': list,
      'handoff.get': async ({ handoffId }) => ok(views.find((v) => v.id === handoffId)!),
      'fieldReps.list': async () => ok({ reps: [fieldRep()] }),
      ...extra,
    },
    { language: 'ja', saveFile },
  );
  return { ...app, list, saveFile };
}

async function openScreen(user: ReturnType<typeof setup>['user']) {
  await user.click(await screen.findByRole('button', { name: 'トスアップ' }));
  const table = await screen.findByRole('table', { name: 'トスアップ一覧' });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(views.length + 1));
  return table;
}

const companies = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('the handoffs screen', () => {
  it('lists every handoff with its state and field sales’ answer, and filters them', async () => {
    const { user, list } = setup();
    const table = await openScreen(user);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['会社名', '担当者', '営業担当', 'アポ日時', '状態', '営業の回答', '訂正']);
    const rejected = within(table).getByRole('row', { name: /北斗物流株式会社/ });
    expect(rejected).toHaveTextContent('同期済み');
    expect(rejected).toHaveTextContent('差し戻し理由: 予算時期が合わない');
    expect(within(rejected).getAllByRole('cell').at(-1)).toHaveTextContent('1');
    expect(within(table).getByRole('row', { name: /アオバシステムズ株式会社/ })).toHaveTextContent('送信失敗エラー: CRM returned 400: INVALID_FIELD');
    expect(within(table).getByRole('row', { name: /株式会社コマ/ })).toHaveTextContent('送信待ち');
    expect(within(table).getByRole('row', { name: /東和精機株式会社/ })).toHaveTextContent('下書き');

    await user.selectOptions(screen.getByRole('combobox', { name: '状態' }), '送信待ち');
    await waitFor(() => expect(companies(table)).toEqual(['株式会社コマ']));
    expect(list).toHaveBeenLastCalledWith({ state: 'queued', fieldState: null, search: '' });

    await user.selectOptions(screen.getByRole('combobox', { name: '状態' }), 'すべて');
    await user.selectOptions(screen.getByRole('combobox', { name: '営業の回答' }), '差し戻し');
    await waitFor(() => expect(companies(table)).toEqual(['北斗物流株式会社']));

    await user.selectOptions(screen.getByRole('combobox', { name: '営業の回答' }), 'すべて');
    await user.type(screen.getByRole('searchbox', { name: '会社名・担当者で検索' }), '長谷川');
    await waitFor(() => expect(companies(table)).toEqual(['アオバシステムズ株式会社']));
    expect(list).toHaveBeenLastCalledWith({ state: null, fieldState: null, search: '長谷川' });

    await user.clear(screen.getByRole('searchbox', { name: '会社名・担当者で検索' }));
    await user.type(screen.getByRole('searchbox', { name: '会社名・担当者で検索' }), 'ない会社');
    expect(await screen.findByText('条件に合うトスアップはありません。')).toBeInTheDocument();
  });

  it('shows the selected handoff with its package, and edits a synced one as a correction', async () => {
    const update = vi.fn<KomaApi['handoff.update']>(async (input) => ok({ ...views[1]!, place: input.place ?? null, corrections: 2, state: 'queued' }));
    const { user } = setup({ 'handoff.update': update });
    const table = await openScreen(user);
    await user.click(within(table).getByRole('button', { name: '北斗物流株式会社' }));
    const detail = await screen.findByRole('region', { name: /北斗物流株式会社/ });
    expect(within(detail).getByRole('region', { name: '送信される内容' })).toHaveTextContent('BANTヒアリング');
    expect(detail).toHaveTextContent('高橋 健');
    expect(detail).toHaveTextContent('https://meet.example.com/abc');

    await user.click(within(detail).getByRole('button', { name: '編集' }));
    const dialog = await screen.findByRole('dialog', { name: 'トスアップを編集' });
    expect(dialog).toHaveTextContent('このトスアップは同期済みです。保存した変更は訂正として営業側に再送されます。');
    await user.type(within(dialog).getByRole('textbox', { name: '場所' }), '先方本社 5F');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByRole('heading', { name: 'トスアップを更新しました' })).toBeInTheDocument();
    // The rep did not change, so it is not sent again (a deactivated rep would be refused).
    expect(update).toHaveBeenCalledWith({
      handoffId: 'h2',
      appointmentAt: views[1]!.appointmentAt,
      appointmentEnd: views[1]!.appointmentEnd,
      place: '先方本社 5F',
      meetingUrl: 'https://meet.example.com/abc',
      summary: views[1]!.summary,
      queue: false,
    });
  });

  it('queues a draft for sync', async () => {
    const update = vi.fn<KomaApi['handoff.update']>(async () => ok({ ...views[3]!, state: 'queued' }));
    const { user, list } = setup({ 'handoff.update': update });
    const table = await openScreen(user);
    await user.click(within(table).getByRole('button', { name: '東和精機株式会社' }));
    const detail = await screen.findByRole('region', { name: /東和精機株式会社/ });
    const reads = list.mock.calls.length;
    await user.click(within(detail).getByRole('button', { name: '送信キューに入れる' }));
    expect(update).toHaveBeenCalledWith({ handoffId: 'h4', queue: true });
    await waitFor(() => expect(list.mock.calls.length).toBeGreaterThan(reads));
    expect(within(detail).queryByRole('button', { name: '送信キューに入れる' })).toBeNull();
  });

  it('exports the handoffs as CSV and JSON and one appointment as .ics', async () => {
    const exportAll = vi.fn<KomaApi['handoff.export']>(async ({ format }) =>
      ok({ fileName: `koma-handoffs-2025-04-07.${format}`, mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', content: '\uFEFFhandoff_id,company\r\nh1,株式会社コマ\r\n' }),
    );
    const exportIcs = vi.fn<KomaApi['handoff.exportIcs']>(async () => ok({ fileName: 'koma-appointment.ics', mimeType: 'text/calendar;charset=utf-8', content: 'BEGIN:VCALENDAR' }));
    const { user, saveFile } = setup({ 'handoff.export': exportAll, 'handoff.exportIcs': exportIcs });
    const table = await openScreen(user);
    await user.selectOptions(screen.getByRole('combobox', { name: '状態' }), '送信待ち');
    await user.click(screen.getByRole('button', { name: 'CSVで書き出し' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(exportAll).toHaveBeenCalledWith({ format: 'csv', state: 'queued' });
    expect(saveFile.mock.calls[0]![0]).toBe('koma-handoffs-2025-04-07.csv');
    expect(saveFile.mock.calls[0]![1].type).toBe('text/csv;charset=utf-8');
    expect(screen.getByText('koma-handoffs-2025-04-07.csv を保存しました')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'JSONで書き出し' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(2));
    expect(saveFile.mock.calls[1]![0]).toBe('koma-handoffs-2025-04-07.json');

    await user.click(within(table).getByRole('button', { name: '株式会社コマ' }));
    await user.click(await screen.findByRole('button', { name: '.icsをダウンロード' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(3));
    expect(exportIcs).toHaveBeenCalledWith({ handoffId: 'h1' });
    expect(saveFile.mock.calls[2]![0]).toBe('koma-appointment.ics');
  });
});
