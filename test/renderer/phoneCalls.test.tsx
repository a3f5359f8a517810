import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { PhoneCallImportResult, PhoneCallRow } from '../../shared/contract/phoneCalls';
import { fail, ok } from './fakeApi';
import { renderSyncApp, syncBackend, todayAt } from './syncFixtures';
import { at, leadDetail, renderWork, workApi } from './workFixtures';

function phoneRow(id: string, overrides: Partial<PhoneCallRow> = {}): PhoneCallRow {
  return {
    id,
    source: 'miitel',
    state: 'unmatched',
    matchedBy: null,
    startedAt: todayAt(10, 3),
    durationSec: 205,
    direction: 'outbound',
    result: null,
    recordingUrl: 'https://koma.miitel.jp/app/calls/9f2c',
    summary: '予算は来期に確保予定',
    lead: { id: 'lead-1', fullName: '髙橋 一郎', companyName: '㈱見本精機' },
    call: null,
    candidates: [
      { callId: 'call-2', startedAt: todayAt(10, 2), outcome: 'connected', durationSec: 180 },
      { callId: 'call-1', startedAt: todayAt(9, 30), outcome: 'no_answer', durationSec: 20 },
    ],
    ...overrides,
  };
}

/** The sync screen's app with the phone calls' commands faked on top: a list the commands change. */
function phoneApi(rows: PhoneCallRow[], importResult?: PhoneCallImportResult) {
  let current = rows;
  const api = {
    ...syncBackend().api,
    'phoneCalls.list': vi.fn<KomaApi['phoneCalls.list']>(() => ok({ total: current.length, rows: current })),
    'phoneCalls.attach': vi.fn<KomaApi['phoneCalls.attach']>(({ phoneCallId, callId }) => {
      current = current.map((r) =>
        r.id === phoneCallId ? { ...r, state: 'matched', matchedBy: 'rep', call: r.candidates.find((c) => c.callId === callId)!, candidates: r.candidates.filter((c) => c.callId !== callId) } : r,
      );
      return ok({});
    }),
    'phoneCalls.detach': vi.fn<KomaApi['phoneCalls.detach']>(({ phoneCallId }) => {
      current = current.map((r) => (r.id === phoneCallId ? { ...r, state: 'unmatched', matchedBy: 'rep', call: null } : r));
      return ok({});
    }),
    'phoneCalls.dismiss': vi.fn<KomaApi['phoneCalls.dismiss']>(({ phoneCallId }) => {
      current = current.filter((r) => r.id !== phoneCallId);
      return ok({});
    }),
    'phoneCalls.import': vi.fn<KomaApi['phoneCalls.import']>(() => (importResult ? ok(importResult) : fail('invalid_input', "This is not a MiiTel or Zoom Phone call history: no column for the call's start time"))),
  };
  return api;
}

async function openDialog(user: ReturnType<typeof renderSyncApp>['user'], button = '電話システムの通話…', title = '電話システムの通話') {
  await user.click(await screen.findByRole('button', { name: '同期' }));
  await user.click(await screen.findByRole('button', { name: button }));
  return screen.findByRole('dialog', { name: title });
}

describe('the phone system calls screen', () => {
  it('lists an unattached call with its lead, duration and recording, and attaches it to the chosen Koma call (keyboard only)', async () => {
    const api = phoneApi([phoneRow('p1'), phoneRow('p2', { state: 'matched', matchedBy: 'auto', call: { callId: 'call-9', startedAt: todayAt(9, 0), outcome: 'connected', durationSec: 60 }, candidates: [], startedAt: todayAt(9, 0), recordingUrl: null, summary: '' })]);
    const { user } = renderSyncApp(api);
    const dialog = await openDialog(user);
    const item = await within(dialog).findByRole('group', { name: /10:03 髙橋 一郎（㈱見本精機） の通話/ });
    expect(item).toHaveTextContent('MiiTel');
    expect(item).toHaveTextContent('3分25秒');
    expect(item).toHaveTextContent('未紐付け');
    expect(within(item).getByRole('link', { name: '録音・応対履歴を開く' })).toHaveAttribute('href', 'https://koma.miitel.jp/app/calls/9f2c');
    expect(within(dialog).getByText('未紐付け・紐付け済み 2 件')).toBeInTheDocument();

    // Choose the 9:30 call with the arrow keys, then Enter on 紐付ける.
    const select = within(item).getByRole('combobox', { name: '紐付ける Koma の通話' });
    select.focus();
    await user.selectOptions(select, 'call-1');
    await user.tab();
    expect(within(item).getByRole('button', { name: '紐付ける' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(api['phoneCalls.attach']).toHaveBeenCalledWith({ phoneCallId: 'p1', callId: 'call-1' });
    const attached = await within(dialog).findByRole('group', { name: /10:03.*髙橋/ });
    await waitFor(() => expect(attached).toHaveTextContent('紐付け済み（手動）'));
    expect(attached).toHaveTextContent(/Koma の通話 .*09:30（不在）/);
  });

  it('detaches and dismisses', async () => {
    const matched = phoneRow('p1', { state: 'matched', matchedBy: 'auto', call: { callId: 'call-2', startedAt: todayAt(10, 2), outcome: 'connected', durationSec: 180 }, candidates: [] });
    const stranger = phoneRow('p2', { lead: null, candidates: [], startedAt: todayAt(11, 0) });
    const api = phoneApi([stranger, matched]);
    const { user } = renderSyncApp(api);
    const dialog = await openDialog(user);
    const item = await within(dialog).findByRole('group', { name: /髙橋 一郎/ });
    await user.click(within(item).getByRole('button', { name: '紐付けを外す' }));
    expect(api['phoneCalls.detach']).toHaveBeenCalledWith({ phoneCallId: 'p1' });
    await waitFor(() => expect(within(dialog).getByRole('group', { name: /髙橋 一郎/ })).toHaveTextContent('未紐付け（手動）'));

    const unknown = within(dialog).getByRole('group', { name: /Koma にないリード/ });
    expect(within(unknown).queryByRole('combobox')).toBeNull();
    await user.click(within(unknown).getByRole('button', { name: '無視する' }));
    expect(api['phoneCalls.dismiss']).toHaveBeenCalledWith({ phoneCallId: 'p2' });
    await waitFor(() => expect(within(dialog).queryByRole('group', { name: /Koma にないリード/ })).toBeNull());
  });

  it('imports a call history and says what became of every row, in English too', async () => {
    const result: PhoneCallImportResult = { vendor: 'miitel', rows: 6, matched: 2, unmatchedNoLead: 1, unmatchedNoCall: 1, alreadyKnown: 0, skipped: 0, invalid: [{ row: 5, problem: 'bad_start' }, { row: 7, problem: 'no_number' }] };
    const api = phoneApi([], result);
    const { user } = renderSyncApp(api, { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Sync' }));
    await user.click(await screen.findByRole('button', { name: 'Phone system calls…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Phone system calls' });
    await user.upload(within(dialog).getByLabelText('Import a call history CSV (MiiTel / Zoom Phone)'), new File(['通話開始時刻,相手先電話番号\n'], 'miitel.csv', { type: 'text/csv' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('MiiTel call history, 6 rows: 2 attached, 1 with no lead in Koma, 1 with no call near that time, 0 already imported, 2 unreadable, 0 blank');
    expect(within(dialog).getByText('Row 5: the start date and time cannot be read (e.g. 2026/12/07 10:03:12)')).toBeInTheDocument();
    expect(api['phoneCalls.import']).toHaveBeenCalledWith({ fileName: 'miitel.csv', contentBase64: expect.any(String) });
  });

  it('says in Japanese when a file is not a call history, and that nothing changed', async () => {
    const api = phoneApi([]);
    const { user } = renderSyncApp(api);
    const dialog = await openDialog(user);
    await user.upload(within(dialog).getByLabelText('通話履歴 CSV を取り込む（MiiTel / Zoom Phone）'), new File(['会社名,氏名\n'], 'leads.csv', { type: 'text/csv' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('MiiTel / Zoom Phone の通話履歴として読めませんでした');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('何も変更していません');
  });
});

describe("the lead's timeline", () => {
  it("shows the phone system's duration, recording link and summary on the call", async () => {
    const detail = leadDetail(1, {
      timeline: [
        {
          kind: 'call',
          at: at(-60),
          id: 'call-9',
          leadId: 'lead-1',
          leadName: 'Person 1',
          outcome: 'connected',
          notes: '',
          durationSec: null,
          nextAction: null,
          phone: { source: 'zoom', durationSec: 205, recordingUrl: 'https://zoom.us/recording/share/abc', summary: 'Budget next fiscal year' },
        },
      ],
    });
    const { user } = renderWork(workApi([detail]));
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const lead = () => screen.getByRole('region', { name: 'Current lead' });
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
    const timeline = within(lead()).getByRole('region', { name: 'Timeline' });
    // The entries are drawn just after the lead (a deferred render): wait for them.
    expect(await within(timeline).findByText('Zoom Phone: 3 min 25 s')).toBeInTheDocument();
    expect(within(timeline).getByRole('link', { name: 'Open the recording' })).toHaveAttribute('href', 'https://zoom.us/recording/share/abc');
    expect(within(timeline).getByText('Budget next fiscal year')).toBeInTheDocument();
  });
});
