import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { FollowupContext } from '../../shared/contract/followup';
import { defaultFollowupTemplates } from '../../shared/domain/followup/defaults';
import { deferred, ok } from './fakeApi';
import { leadDetail, renderWork, workApi, type WorkApi } from './workFixtures';

const context: FollowupContext = {
  templates: [...defaultFollowupTemplates],
  values: { company: '株式会社サクラテック', person: '髙橋 一郎', title: null, department: null, seminar: null, lastDownload: null, rep: '山﨑 花子', appointment: '2025-04-10T05:00:00.000Z', fieldRep: '営業 一郎' },
  email: 'ichiro@example.co.jp',
  timeZone: 'Asia/Tokyo',
  callId: 'call-1',
};

function followupApi() {
  const contextFor = vi.fn<KomaApi['followup.context']>(() => ok(context));
  const record = vi.fn<KomaApi['followup.record']>(() => ok({ id: 'followup-1', callbackAt: null, moved: null }));
  const api: WorkApi & Pick<KomaApi, 'followup.context' | 'followup.record'> = { ...workApi([leadDetail(1), leadDetail(2)]), 'followup.context': contextFor, 'followup.record': record };
  return { api, contextFor, record };
}

/** Logs a "no answer" on Person 1 with the keyboard; Person 2 is then on screen. */
async function logFirstCall(app: ReturnType<typeof renderWork>, language: 'en' | 'ja') {
  await screen.findByRole('table', { name: language === 'en' ? 'Call list' : 'コールリスト' });
  await app.user.keyboard('n');
  const lead = await screen.findByRole('region', { name: language === 'en' ? 'Current lead' : '対応中のリード' });
  await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
  await app.user.keyboard('2');
  await app.user.keyboard('{Control>}{Enter}{/Control}');
  await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
}

describe('the follow-up mail after a call (W)', () => {
  it('opens for the lead just logged, chooses a template by key, and opens the recorded mail with mailto:', async () => {
    const { api, contextFor, record } = followupApi();
    const app = renderWork(api);
    await logFirstCall(app, 'en');
    await app.user.keyboard('w');

    const dialog = await screen.findByRole('dialog', { name: 'Follow-up mail: Person 1' });
    expect(contextFor).toHaveBeenCalledWith({ leadId: 'lead-1' });
    const templates = within(dialog).getByRole('group', { name: 'Template' });
    expect(within(templates).getAllByRole('radio').map((r) => r.getAttribute('aria-keyshortcuts'))).toEqual(['1', '2', '3', '4']);
    expect(within(templates).getByRole('radio', { name: 'Thank you' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'To' })).toHaveValue('ichiro@example.co.jp');

    // 4: アポ確定, with the appointment in the lead's time zone and the field rep.
    await app.user.keyboard('4');
    expect(within(templates).getByRole('radio', { name: 'Appointment confirmed' })).toBeChecked();
    expect(within(templates).getByRole('radio', { name: 'Appointment confirmed' })).toHaveFocus();
    expect((within(dialog).getByRole('textbox', { name: 'Subject' }) as HTMLInputElement).value).toMatch(/^Meeting confirmed: Thu 10 April\D*14:00$/);
    expect((within(dialog).getByRole('textbox', { name: 'Body' }) as HTMLTextAreaElement).value).toContain('With: 営業 一郎');

    // A digit typed during an IME conversion chooses nothing.
    fireEvent.keyDown(within(templates).getByRole('radio', { name: 'Appointment confirmed' }), { key: '1', isComposing: true });
    expect(within(templates).getByRole('radio', { name: 'Appointment confirmed' })).toBeChecked();

    await app.user.keyboard('1');
    expect(within(dialog).getByRole('textbox', { name: 'Subject' })).toHaveValue('Thank you for your time today');
    await app.user.keyboard('{Control>}{Enter}{/Control}');

    expect(await within(dialog).findByRole('status')).toHaveTextContent('Opened in your mail app. Recorded on the timeline and queued for the CRM.');
    expect(record).toHaveBeenCalledWith({
      leadId: 'lead-1',
      callId: 'call-1',
      templateId: 'thanks',
      kind: 'thanks',
      to: 'ichiro@example.co.jp',
      subject: 'Thank you for your time today',
      body: expect.stringContaining('Dear 髙橋 一郎,'),
      channel: 'mailto',
      dueAt: null,
    });
    expect(app.openMail).toHaveBeenCalledTimes(1);
    const url = app.openMail.mock.calls[0]![0];
    expect(url.startsWith('mailto:ichiro@example.co.jp?subject=Thank%20you%20for%20your%20time%20today&body=Dear%20%E9%AB%99')).toBe(true);
    expect(app.saveFile).not.toHaveBeenCalled();
  });

  it('W pressed right after Ctrl+Enter, while the call is still being logged, answers the lead just left', async () => {
    const { api, contextFor } = followupApi();
    const answer = deferred<void>();
    const logAndNext = api['calls.logAndNext'].getMockImplementation()!;
    api['calls.logAndNext'].mockImplementation(async (input) => {
      await answer.promise;
      return logAndNext(input);
    });
    const app = renderWork(api);
    await screen.findByRole('table', { name: 'Call list' });
    await app.user.keyboard('n');
    const lead = await screen.findByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await waitFor(() => expect(api['lead.get']).toHaveBeenCalledWith({ leadId: 'lead-2' }));
    await app.user.keyboard('2{Control>}{Enter}{/Control}');
    // Person 2 (read ahead) is on screen before the call is in; W waits for it.
    await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
    await app.user.keyboard('w');
    expect(contextFor).not.toHaveBeenCalled();
    answer.resolve();
    expect(await screen.findByRole('dialog', { name: 'Follow-up mail: Person 1' })).toBeInTheDocument();
    expect(contextFor).toHaveBeenCalledWith({ leadId: 'lead-1' });
    expect(contextFor).toHaveBeenCalledTimes(1);
  });

  it('in Japanese: お礼 / 資料送付 / 日程調整 / アポ確定; a long mail is saved as .eml; a refusal opens nothing', async () => {
    const { api, record } = followupApi();
    const app = renderWork(api, { language: 'ja' });
    await logFirstCall(app, 'ja');
    await app.user.keyboard('w');
    const dialog = await screen.findByRole('dialog', { name: 'フォローアップメール：Person 1' });
    const templates = within(dialog).getByRole('group', { name: 'テンプレート' });
    expect(within(templates).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['お礼 1', '資料送付 2', '日程調整 3', 'アポ確定 4']);
    expect(within(dialog).getByRole('textbox', { name: '件名' })).toHaveValue('【お礼】本日のお電話について');

    // The first try is refused: the backend's words are shown and no mail app opens.
    record.mockImplementationOnce(() => Promise.resolve({ ok: false, error: { code: 'conflict', message: 'This lead is excluded, so a follow-up cannot put it back in the queue.' } }));
    const body = within(dialog).getByRole('textbox', { name: '本文' });
    fireEvent.change(body, { target: { value: 'ご案内'.repeat(400) } });
    await app.user.click(within(dialog).getByRole('button', { name: 'メールソフトで開く' }));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
    expect(app.openMail).not.toHaveBeenCalled();
    expect(app.saveFile).not.toHaveBeenCalled();

    await app.user.click(within(dialog).getByRole('button', { name: 'メールソフトで開く' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('本文が長いため .eml ファイルとして保存しました。');
    expect(record).toHaveBeenLastCalledWith(expect.objectContaining({ channel: 'eml', kind: 'thanks' }));
    expect(app.openMail).not.toHaveBeenCalled();
    await waitFor(() => expect(app.saveFile).toHaveBeenCalledTimes(1));
    const [name, blob] = app.saveFile.mock.calls[0]!;
    expect(name).toBe('followup-2025-04-07-Person_1.eml');
    const eml = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    expect(eml).toContain('Subject: =?UTF-8?B?');
    expect(eml).toContain('Content-Type: text/plain; charset=UTF-8\r\n');
  });
});
