import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { defaultBusinessCalendar } from '../../shared/contract/calendar';
import { recycleSchedule } from '../../shared/domain/queue/retry';
import { defaultQualificationCriteria } from '../../shared/contract/hearing';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { fail, ok } from './fakeApi';
import { at, leadDetail, mondayTen, renderWork, testRules, workApi } from './workFixtures';

/** The default recontact date for a reason, on an open time of the default calendar (as the backend keeps it). */
const recycleAt = (reason: 'not_reached' | 'timing') => recycleSchedule(reason, testRules, mondayTen, 'Asia/Tokyo', defaultBusinessCalendar).at;
const lead = () => screen.getByRole('region', { name: 'Current lead' });
const callLog = () => within(lead()).getByRole('region', { name: 'Call log' });

async function openFirstLead(api: ReturnType<typeof workApi>, options: Parameters<typeof renderWork>[1] = {}) {
  const app = renderWork(api, options);
  await screen.findByRole('table', { name: 'Call list' });
  await app.user.keyboard('n');
  await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
  return app;
}

describe('the call workspace', () => {
  it('opens the next lead with N and shows who, how to reach them and why now', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    expect(api['queue.next']).toHaveBeenCalledWith({ excludeLeadId: null, source: null });
    const header = within(lead()).getByRole('group', { name: 'Person 1' });
    expect(within(header).getByRole('link', { name: '03-1234-0001' })).toHaveAttribute('href', 'tel:0312340001');
    expect(header).toHaveTextContent('情報システム部 部長');
    expect(header).toHaveTextContent('Company 1');
    expect(header).toHaveTextContent('Web inquiry: 23 min left');
    expect(header).toHaveTextContent('New');

    const score = within(header).getByText('Score 48');
    expect(within(header).getByRole('list', { name: 'Score breakdown' })).not.toBeVisible();
    await user.click(score);
    const parts = within(within(header).getByRole('list', { name: 'Score breakdown' })).getAllByRole('listitem');
    expect(parts.map((p) => p.textContent)).toEqual([
      'Company size (450 employees)15 pts',
      'Industry (ITサービス: matches “IT”)20 pts',
      'Title (部長: Manager)5 pts',
      'Content download ×18 pts',
    ]);
  });

  it('logs "no answer" with key 2 and Ctrl+Enter, then opens the next lead', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);

    await user.keyboard('2');
    expect(within(callLog()).getByRole('radio', { name: 'No answer' })).toBeChecked();
    await user.keyboard('{Control>}{Enter}{/Control}');

    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['calls.log']).toHaveBeenCalledTimes(1);
    expect(api['calls.log']).toHaveBeenCalledWith({
      leadId: 'lead-1',
      startedAt: mondayTen.toISOString(),
      endedAt: mondayTen.toISOString(),
      outcome: 'no_answer',
      notes: '',
      nextAction: '',
      nextActionAt: null,
      callbackAt: null,
      conversation: false,
      durationSec: null,
      decision: null,
    });
    // One request logs the call and brings the next lead.
    expect(api['calls.logAndNext']).toHaveBeenCalledTimes(1);
    expect(api['calls.logAndNext']).toHaveBeenCalledWith({ call: expect.objectContaining({ leadId: 'lead-1', outcome: 'no_answer' }), source: null });
    expect(api['queue.next']).toHaveBeenCalledWith({ excludeLeadId: 'lead-1', source: null });
    // The new lead starts with an empty form.
    expect(within(callLog()).getByRole('radio', { name: 'No answer' })).not.toBeChecked();
  });

  it('starts the call with S: dials the tel: link (the rep chose dialling) and runs the timer', async () => {
    const api = workApi([leadDetail(1, { lead: { phone: '+81 3-1234-0001' } })], {
      'settings.get': vi.fn<KomaApi['settings.get']>(() =>
        ok({ queueRules: testRules, scoringRules: defaultScoringRules, qualificationCriteria: defaultQualificationCriteria, profile: { repName: '', dialMode: 'tel' } }),
      ),
    });
    const { user, dial } = await openFirstLead(api);
    await user.keyboard('s');
    expect(dial).toHaveBeenCalledWith('tel:+81312340001');
    expect(within(callLog()).getByRole('timer', { name: 'Call time' })).toHaveTextContent('00:00');
    await waitFor(() => expect(api['callDraft.save']).toHaveBeenCalledWith({ leadId: 'lead-1', draft: expect.objectContaining({ startedAt: mondayTen.toISOString() }) }));
  });

  it('takes the length of a call made from another phone, and hides it once Koma times the call', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    const length = within(callLog()).getByRole('spinbutton', { name: 'Call length (minutes)' });
    expect(length).toHaveAccessibleDescription(/Koma did not time/);
    await user.click(within(callLog()).getByRole('radio', { name: 'Connected' }));
    await user.type(length, '12');
    await waitFor(() => expect(api['callDraft.save']).toHaveBeenCalledWith({ leadId: 'lead-1', draft: expect.objectContaining({ durationMin: 12 }) }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['calls.log']).toHaveBeenCalledWith(expect.objectContaining({ leadId: 'lead-1', outcome: 'connected', durationSec: 720 }));

    await user.keyboard('s');
    await within(callLog()).findByRole('timer', { name: 'Call time' });
    expect(within(callLog()).queryByRole('spinbutton', { name: 'Call length (minutes)' })).toBeNull();
  });

  it('needs a date and time for a callback: the backend refusal is shown and nothing typed is lost', async () => {
    const log = vi.fn<KomaApi['calls.log']>((input) =>
      input.outcome === 'callback_requested' && !input.callbackAt
        ? Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'Invalid input', issues: [{ path: 'callbackAt', message: 'a callback needs a date and time' }] } })
        : ok({ callId: 'call-1', leadStatus: 'callback', nextCallAt: input.callbackAt ?? null }),
    );
    const api = workApi([leadDetail(1), leadDetail(2)], { 'calls.log': log });
    const { user } = await openFirstLead(api);

    await user.keyboard('7');
    const when = await within(callLog()).findByLabelText('Callback date and time');
    expect(when).toBeRequired();
    // 7 moved the focus into the date input: typing there is not a shortcut.
    await waitFor(() => expect(when).toHaveFocus());
    await user.keyboard('{Escape}');
    await user.keyboard('m');
    await user.keyboard('折り返しは午後');
    await user.keyboard('{Control>}{Enter}{/Control}');

    // The next lead (read ahead) went on screen at once; the refusal brings this one back, its fields drawn anew.
    const alert = await within(callLog()).findByRole('alert');
    expect(alert).toHaveTextContent('a callback needs a date and time');
    const whenAgain = within(callLog()).getByLabelText('Callback date and time');
    expect(whenAgain).toHaveAttribute('aria-invalid', 'true');
    expect(within(callLog()).getByRole('textbox', { name: 'Call notes' })).toHaveValue('折り返しは午後');
    expect(within(callLog()).getByRole('radio', { name: 'Callback requested' })).toBeChecked();
    expect(within(lead()).getByRole('heading', { level: 2, name: 'Person 1' })).toBeInTheDocument();

    await user.type(whenAgain, '2025-04-08T14:30');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    await waitFor(() => expect(log).toHaveBeenCalledTimes(2));
    expect(log).toHaveBeenLastCalledWith(
      expect.objectContaining({ outcome: 'callback_requested', notes: '折り返しは午後', callbackAt: new Date(2025, 3, 8, 14, 30).toISOString() }),
    );
  });

  it('keeps single-key shortcuts quiet while typing, and leaves the field with Esc', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('m');
    const notes = within(callLog()).getByRole('textbox', { name: 'Call notes' });
    expect(notes).toHaveFocus();
    await user.keyboard('n2ks?');
    expect(notes).toHaveValue('n2ks?');
    expect(within(lead()).getByRole('heading', { level: 2, name: 'Person 1' })).toBeInTheDocument();
    expect(within(callLog()).getByRole('radio', { name: 'No answer' })).not.toBeChecked();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.keyboard('{Escape}1');
    expect(notes).not.toHaveFocus();
    expect(within(callLog()).getByRole('radio', { name: 'Connected' })).toBeChecked();
  });

  it('saves the draft continuously and restores a saved draft when the lead is opened again', async () => {
    const draft = { startedAt: at(-3), outcome: 'connected' as const, notes: 'Budget approved in June', nextAction: 'Send the quote', nextActionAt: null, callbackAt: null };
    const api = workApi([leadDetail(1), leadDetail(2, { draft })]);
    const { user } = await openFirstLead(api);

    await user.keyboard('m');
    await user.keyboard('Interested in the API');
    await waitFor(() => expect(api['callDraft.save']).toHaveBeenLastCalledWith({ leadId: 'lead-1', draft: expect.objectContaining({ notes: 'Interested in the API' }) }));
    // Debounced: not one save per keystroke.
    expect(api['callDraft.save'].mock.calls.length).toBeLessThan('Interested in the API'.length);
    expect(await within(callLog()).findByRole('status')).toHaveTextContent('Draft saved 10:01');

    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('table', { name: 'Call list' })).getByRole('row', { name: /Person 2/ }));
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(within(callLog()).getByRole('textbox', { name: 'Call notes' })).toHaveValue('Budget approved in June');
    expect(within(callLog()).getByRole('textbox', { name: 'Next action' })).toHaveValue('Send the quote');
    expect(within(callLog()).getByRole('radio', { name: 'Connected' })).toBeChecked();
    expect(within(callLog()).getByRole('timer', { name: 'Call time' })).toHaveTextContent('03:00');
  });

  it('recycles with the call: R picks the reason, the date defaults from the rules and is sent', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('1r');
    const reason = await within(callLog()).findByRole('combobox', { name: 'Recycle reason' });
    await waitFor(() => expect(reason).toHaveFocus());
    const date = within(callLog()).getByLabelText('Recontact on');
    expect(date).toHaveValue(toDateValue(recycleAt('not_reached')));

    await user.selectOptions(reason, 'Timing: 3 months out');
    expect(date).toHaveValue(toDateValue(recycleAt('timing')));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['calls.log']).toHaveBeenCalledWith(
      expect.objectContaining({ outcome: 'connected', decision: { kind: 'recycle', reason: 'timing', until: recycleAt('timing') } }),
    );
  });

  it('excludes with the call only with a reason', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('1x');
    const reason = await within(callLog()).findByRole('combobox', { name: 'Exclude reason' });
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(callLog()).findByRole('alert')).toHaveTextContent('Choose why the lead is excluded.');
    expect(api['calls.log']).not.toHaveBeenCalled();

    await user.selectOptions(reason, 'Competitor');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['calls.log']).toHaveBeenCalledWith(expect.objectContaining({ decision: { kind: 'exclude', reason: 'competitor' } }));
  });

  it('asks for an outcome before saving', async () => {
    const api = workApi([leadDetail(1)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(callLog()).findByRole('alert')).toHaveTextContent('Choose an outcome (keys 1–8).');
    expect(api['calls.log']).not.toHaveBeenCalled();
  });

  it('skips with K and a reason, then moves on', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('k');
    const dialog = screen.getByRole('dialog', { name: 'Skip this lead' });
    expect(within(dialog).getByText('A skipped lead comes back to the list after 60 minutes.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Needs research' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'check the group company');
    await user.click(within(dialog).getByRole('button', { name: 'Skip and next' }));

    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['lead.skip']).toHaveBeenCalledWith({ leadId: 'lead-1', reason: 'needs_research', note: 'check the group company', call: null });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('cancels a dialog with Esc', async () => {
    const api = workApi([leadDetail(1)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('k');
    expect(screen.getByRole('dialog', { name: 'Skip this lead' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api['lead.skip']).not.toHaveBeenCalled();
  });

  it('lists every shortcut in the help overlay opened with ?', async () => {
    const api = workApi([leadDetail(1)]);
    const { user } = renderWork(api, { language: 'ja' });
    await screen.findByRole('table', { name: 'コールリスト' });
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'キーボードショートカット' });
    const rows = within(help).getAllByRole('row').map((row) => row.textContent);
    for (const expected of [
      'N次のリードを開く',
      'S通話開始（電話をかける）',
      '1架電結果: 通話できた',
      '2架電結果: 不在',
      '7架電結果: 折り返し依頼',
      '8架電結果: 興味なし',
      'Ctrl Enter保存して次のリードへ',
      'Kスキップ（理由を選ぶ）',
      'Escダイアログを閉じる／入力欄を抜ける',
      '?このヘルプを表示',
      'Alt+1コール画面へ切り替え',
    ]) {
      expect(rows).toContain(expected);
    }
    expect(rows.some((row) => /^Alt\+\d設定画面へ切り替え$/.test(row ?? ''))).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('recycles, excludes and restores from the lead header without a call', async () => {
    let status: 'new' | 'recycled' | 'excluded' = 'new';
    const api = workApi([leadDetail(1)], {
      'lead.get': vi.fn<KomaApi['lead.get']>(() => ok(leadDetail(1, { lead: { status, recycleUntil: status === 'recycled' ? at(90 * 24 * 60) : null, recycleReason: status === 'recycled' ? 'timing' : null } }))),
      'lead.recycle': vi.fn<KomaApi['lead.recycle']>(() => ((status = 'recycled'), ok({ status: 'recycled' as const }))),
      'lead.restore': vi.fn<KomaApi['lead.restore']>(() => ((status = 'new'), ok({ status: 'working' as const }))),
      'lead.exclude': vi.fn<KomaApi['lead.exclude']>(() => fail('conflict', 'This lead is already excluded.')),
    });
    const { user } = await openFirstLead(api);
    const actions = within(lead()).getByRole('group', { name: 'Lead actions' });

    await user.click(within(actions).getByRole('button', { name: 'Recycle…' }));
    const recycle = screen.getByRole('dialog', { name: 'Recycle' });
    await user.selectOptions(within(recycle).getByRole('combobox', { name: 'Recycle reason' }), 'Timing: 3 months out');
    expect(within(recycle).getByLabelText('Recontact on')).toHaveValue(toDateValue(recycleAt('timing')));
    await user.click(within(recycle).getByRole('button', { name: 'Recycle' }));
    expect(api['lead.recycle']).toHaveBeenCalledWith({ leadId: 'lead-1', reason: 'timing', until: recycleAt('timing'), note: '', call: null });
    expect(await within(lead()).findByText(/Recycled until/)).toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(within(actions).queryByRole('button', { name: 'Restore' })).not.toBeInTheDocument());

    await user.click(within(actions).getByRole('button', { name: 'Exclude…' }));
    const exclude = screen.getByRole('dialog', { name: 'Exclude' });
    expect(within(exclude).getByRole('button', { name: 'Exclude' })).toBeDisabled();
    await user.selectOptions(within(exclude).getByRole('combobox', { name: 'Exclude reason' }), 'Student');
    await user.click(within(exclude).getByRole('button', { name: 'Exclude' }));
    expect(await within(exclude).findByRole('alert')).toHaveTextContent('This clashed with another change');
    expect(api['lead.exclude']).toHaveBeenCalledWith({ leadId: 'lead-1', reason: 'student', note: '', call: null });
  });
});

function toDateValue(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
