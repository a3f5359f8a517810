import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { SaveFile } from '../../renderer/src/lib/saveFile';
import { appInfo, ok, pagedCallList } from './fakeApi';
import { allConfirmed, fieldRep, handoffView, hearingBackend, hearingView, hearingWith, leadDetail, renderHearingPanel } from './hearingFixtures';

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

/** What the form sends for a local date and time: the rep's own wall clock, as an instant. */
const localInstant = (date: string, time: string) => new Date(`${date}T${time}:00`).toISOString();

function setup(hearing: Parameters<typeof hearingWith>[0], extra: Partial<KomaApi> = {}) {
  const backend = hearingBackend(hearingView(hearingWith(hearing)));
  const create = vi.fn<KomaApi['handoff.create']>(async (input) =>
    ok(handoffView({ state: input.asDraft ? 'draft' : 'queued', overrideReason: input.overrideReason ?? null, summary: input.summary })),
  );
  const exportIcs = vi.fn<KomaApi['handoff.exportIcs']>(async () =>
    ok({ fileName: 'koma-appointment-2025-04-10-handoff.ics', mimeType: 'text/calendar;charset=utf-8', content: 'BEGIN:VCALENDAR\r\nSUMMARY:株式会社コマ 山田 太郎 様\r\nEND:VCALENDAR\r\n' }),
  );
  const callListPage = pagedCallList(3);
  const saveFile = vi.fn<SaveFile>();
  const rendered = renderHearingPanel(
    {
      ...backend.api,
      'lead.get': async () => ok(leadDetail()),
      'fieldReps.list': async () => ok({ reps: [fieldRep(), fieldRep({ id: 'rep-2', name: '元 担当', active: false })] }),
      'handoff.create': create,
      'handoff.exportIcs': exportIcs,
      'handoff.list': async () => ok({ rows: [] }),
      'callList.page': callListPage,
      'app.info': async () => ok(appInfo(3)),
      ...extra,
    },
    { saveFile },
  );
  return { ...rendered, create, exportIcs, callListPage, saveFile };
}

async function openDialog(user: ReturnType<typeof setup>['user']) {
  await user.click(await screen.findByRole('button', { name: '商談化してトスアップ' }));
  return screen.findByRole('dialog', { name: '商談化してトスアップ' });
}

describe('the handoff dialog', () => {
  it('requires an override reason for a lead short of the criteria, sends it, and offers the .ics', async () => {
    const { user, create, exportIcs, callListPage, saveFile } = setup({
      budget: { confirmed: true, status: 'approved', amount: 3_000_000 },
      need: { confirmed: true, pains: ['業務効率化'], requirements: 'SFA連携' },
    });
    const dialog = await openDialog(user);
    expect(within(dialog).getByText('商談化の条件を満たしていません。未達: 決裁権の確認、導入時期の確認')).toBeInTheDocument();

    // Only active reps are offered; the only one is chosen already.
    const rep = within(dialog).getByRole('combobox', { name: '営業担当者' });
    expect(within(rep).getAllByRole('option').map((o) => o.textContent)).toEqual(['選択してください', '高橋 健 <takahashi@example.co.jp>']);
    expect(rep).toHaveValue('rep-1');

    // The summary starts from the hearing, unconfirmed items marked.
    const summary = within(dialog).getByRole('textbox', { name: '申し送り' });
    expect(summary).toHaveValue(
      ['予算: 承認済み、￥3,000,000', '決裁: 不明（未確認）', '課題: 業務効率化、SFA連携', '時期: 不明（未確認）'].join('\n'),
    );

    // The package preview shows what will be sent.
    const preview = within(dialog).getByRole('region', { name: '送信される内容' });
    expect(preview).toHaveTextContent('株式会社コマ');
    expect(preview).toHaveTextContent('山田 太郎');
    expect(preview).toHaveTextContent('中期経営計画でDXを掲げている');
    expect(preview).toHaveTextContent('予算を確認');
    expect(within(within(preview).getByRole('table', { name: 'BANTヒアリング' })).getAllByRole('row').map((r) => r.textContent)).toEqual([
      '予算確認済み承認済み、￥3,000,000',
      '決裁権未確認不明',
      '必要性確認済み業務効率化、SFA連携',
      '導入時期未確認不明',
    ]);

    await user.type(within(dialog).getByLabelText('アポ日'), '2025-04-10');
    const start = within(dialog).getByLabelText('開始');
    await user.clear(start);
    await user.type(start, '14:00');
    expect(within(dialog).getByLabelText('終了')).toHaveValue('15:00');
    await user.type(within(dialog).getByRole('textbox', { name: 'オンライン会議のURL' }), 'https://meet.example.com/x');

    await user.click(within(dialog).getByRole('button', { name: 'トスアップする' }));
    const reason = within(dialog).getByRole('textbox', { name: '条件未達のままトスアップする理由' });
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/条件を満たしていないため、理由の入力が必要です/);
    expect(reason).toHaveFocus();
    expect(create).not.toHaveBeenCalled();

    await user.type(reason, '先方の希望で決裁者同席の面談を設定');
    const listReadsBefore = callListPage.mock.calls.length;
    await user.click(within(dialog).getByRole('button', { name: 'トスアップする' }));
    expect(await within(dialog).findByRole('heading', { name: 'トスアップしました' })).toBeInTheDocument();
    expect(create).toHaveBeenCalledWith({
      leadId: 'lead-1',
      fieldRepId: 'rep-1',
      appointmentAt: localInstant('2025-04-10', '14:00'),
      appointmentEnd: localInstant('2025-04-10', '15:00'),
      place: null,
      meetingUrl: 'https://meet.example.com/x',
      summary: expect.stringContaining('予算: 承認済み'),
      overrideReason: '先方の希望で決裁者同席の面談を設定',
      asDraft: false,
      call: null,
    });
    expect(within(dialog).getByText('送信待ち')).toBeInTheDocument();
    // The lead leaves the call list: the list asks again.
    await waitFor(() => expect(callListPage.mock.calls.length).toBeGreaterThan(listReadsBefore));

    await user.click(within(dialog).getByRole('button', { name: '.icsをダウンロード' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(exportIcs).toHaveBeenCalledWith({ handoffId: 'handoff-1' });
    const [fileName, blob] = saveFile.mock.calls[0]!;
    expect(fileName).toBe('koma-appointment-2025-04-10-handoff.ics');
    expect(blob.type).toBe('text/calendar;charset=utf-8');
    expect(await blobText(blob)).toContain('SUMMARY:株式会社コマ 山田 太郎 様');
    expect(within(dialog).getByRole('status')).toHaveTextContent('koma-appointment-2025-04-10-handoff.ics を保存しました');
  });

  it('asks no reason for a qualified lead, shows the backend’s word on a bad link, and saves a draft', async () => {
    const create = vi.fn<KomaApi['handoff.create']>(async (input) =>
      input.meetingUrl?.startsWith('https://')
        ? ok(handoffView({ state: input.asDraft ? 'draft' : 'queued' }))
        : { ok: false, error: { code: 'invalid_input', message: 'Invalid input for handoff.create: meetingUrl: the meeting link must start with https://', issues: [{ path: 'meetingUrl', message: 'the meeting link must start with https://' }] } },
    );
    const { user } = setup(allConfirmed, { 'handoff.create': create });
    const dialog = await openDialog(user);
    expect(within(dialog).queryByRole('textbox', { name: '条件未達のままトスアップする理由' })).toBeNull();
    expect(within(dialog).queryByText(/商談化の条件を満たしていません/)).toBeNull();

    await user.type(within(dialog).getByLabelText('アポ日'), '2025-04-11');
    const url = within(dialog).getByRole('textbox', { name: 'オンライン会議のURL' });
    await user.type(url, 'http://meet.example.com/x');
    await user.click(within(dialog).getByRole('button', { name: '下書き保存' }));
    await waitFor(() => expect(url).toHaveAccessibleDescription('the meeting link must start with https://'));
    expect(url).toHaveFocus();

    await user.clear(url);
    await user.type(url, 'https://meet.example.com/x');
    await user.click(within(dialog).getByRole('button', { name: '下書き保存' }));
    expect(await within(dialog).findByRole('heading', { name: '下書きとして保存しました。トスアップ一覧から送信できます。' })).toBeInTheDocument();
    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ overrideReason: null, asDraft: true, appointmentAt: localInstant('2025-04-11', '10:00'), appointmentEnd: localInstant('2025-04-11', '11:00') }));
  });

  it('refuses to send without a field rep, a date or a summary', async () => {
    const { user, create } = setup(allConfirmed, { 'fieldReps.list': async () => ok({ reps: [fieldRep(), fieldRep({ id: 'rep-3', name: '伊藤 聡' })] }) });
    const dialog = await openDialog(user);
    await user.clear(within(dialog).getByRole('textbox', { name: '申し送り' }));
    await user.click(within(dialog).getByRole('button', { name: 'トスアップする' }));
    expect(within(dialog).getByRole('combobox', { name: '営業担当者' })).toHaveAccessibleDescription('入力してください');
    expect(within(dialog).getByLabelText('アポ日')).toHaveAccessibleDescription('入力してください');
    expect(within(dialog).getByRole('textbox', { name: '申し送り' })).toHaveAccessibleDescription('入力してください');
    expect(create).not.toHaveBeenCalled();
  });
});
