import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { FollowupTemplate } from '../../shared/contract/followup';
import { defaultFollowupTemplates } from '../../shared/domain/followup/defaults';
import { ok } from './fakeApi';
import { leadDetail, renderWork, workApi } from './workFixtures';

// Issue 15: the team's follow-up mail templates, edited in Settings.
async function openTemplates(language: 'en' | 'ja') {
  const stored = { templates: [...defaultFollowupTemplates] as FollowupTemplate[] };
  const api = {
    ...workApi([leadDetail(1)]),
    'followup.templates.get': vi.fn<KomaApi['followup.templates.get']>(() => ok({ templates: stored.templates, defaults: [...defaultFollowupTemplates] })),
    'followup.templates.save': vi.fn<KomaApi['followup.templates.save']>((input) => {
      stored.templates = input.templates;
      return ok({ templates: input.templates, defaults: [...defaultFollowupTemplates] });
    }),
  };
  const app = renderWork(api, { language });
  await app.user.click(await screen.findByRole('button', { name: language === 'en' ? 'Settings' : '設定' }));
  const section = await screen.findByRole('region', { name: language === 'en' ? 'Follow-up mail templates' : 'フォローアップメールのテンプレート' });
  return { ...app, api, section };
}

describe('follow-up mail templates in settings', () => {
  it('edits the scheduling mail’s English subject and saves all four', async () => {
    const { user, api, section } = await openTemplates('en');
    await user.selectOptions(await within(section).findByRole('combobox', { name: 'Template to edit' }), 'Scheduling');
    const subject = within(section).getByRole('textbox', { name: /Subject.*English/ });
    await user.clear(subject);
    await user.type(subject, 'Meeting with {{{{company}}');
    await user.click(within(section).getByRole('button', { name: 'Save the templates' }));
    expect(await within(section).findByText('Templates saved.')).toHaveAttribute('role', 'status');
    const saved = api['followup.templates.save'].mock.calls[0]![0].templates;
    expect(saved.map((t) => t.kind)).toEqual(['thanks', 'materials', 'scheduling', 'appointment']);
    expect(saved[2]!.subject).toEqual({ ja: '【日程調整】お打ち合わせのお願い', en: 'Meeting with {{company}}' });
  });

  it('refuses a body empty in both languages, in Japanese, and saves nothing', async () => {
    const { user, api, section } = await openTemplates('ja');
    await within(section).findByRole('combobox', { name: '編集するテンプレート' });
    await user.clear(within(section).getByRole('textbox', { name: /本文.*日本語/ }));
    await user.clear(within(section).getByRole('textbox', { name: /本文.*English/ }));
    await user.click(within(section).getByRole('button', { name: 'テンプレートを保存' }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('お礼 body: 日本語か英語のどちらかを入力してください');
    await waitFor(() => expect(api['followup.templates.save']).not.toHaveBeenCalled());
  });
});
