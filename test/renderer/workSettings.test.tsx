import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { defaultQueueRules } from '../../shared/contract/queueRules';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { ok } from './fakeApi';
import { leadDetail, renderWork, workApi } from './workFixtures';

async function openSettings(api: ReturnType<typeof workApi>, language: 'en' | 'ja' = 'en') {
  const app = renderWork(api, { language });
  await app.user.click(await screen.findByRole('button', { name: language === 'en' ? 'Settings' : '設定' }));
  return app;
}

describe('queue and scoring rules in settings', () => {
  it('edits the queue rules and says how many leads were re-placed', async () => {
    const save = vi.fn<KomaApi['settings.saveQueueRules']>(() => ok({ requeued: 1234 }));
    const api = workApi([leadDetail(1)], { 'settings.saveQueueRules': save });
    const { user } = await openSettings(api);
    const section = await screen.findByRole('region', { name: 'Call queue rules' });
    const hot = await within(section).findByRole('spinbutton', { name: 'Hot lead from score' });
    expect(hot).toHaveValue(70);
    await user.clear(hot);
    await user.type(hot, '80');
    const webInquiry = within(within(section).getByRole('group', { name: /First call within/ })).getByRole('spinbutton', { name: 'Web inquiry' });
    await user.clear(webInquiry);
    await user.click(within(section).getByRole('checkbox', { name: 'Sat' }));
    await user.click(within(section).getByRole('button', { name: 'Save' }));

    expect(await within(section).findByText('Saved. 1,234 leads re-placed in the queue.')).toHaveAttribute('role', 'status');
    expect(save).toHaveBeenCalledWith({
      rules: {
        ...defaultQueueRules,
        hotScore: 80,
        speedToLeadMinutes: { ...defaultQueueRules.speedToLeadMinutes, web_inquiry: null },
        callingHours: { ...defaultQueueRules.callingHours, days: [1, 2, 3, 4, 5, 6] },
      },
    });
  });

  it('shows the backend’s message at the field it refused', async () => {
    const save = vi.fn<KomaApi['settings.saveQueueRules']>(() =>
      Promise.resolve({
        ok: false,
        error: { code: 'invalid_input', message: 'Invalid input', issues: [{ path: 'rules.maxAttempts', message: 'Invalid input: expected number, received null' }] },
      }),
    );
    const api = workApi([leadDetail(1)], { 'settings.saveQueueRules': save });
    const { user } = await openSettings(api);
    const section = await screen.findByRole('region', { name: 'Call queue rules' });
    const attempts = await within(section).findByRole('spinbutton', { name: 'Maximum unanswered attempts' });
    await user.clear(attempts);
    await user.click(within(section).getByRole('button', { name: 'Save' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('Some values are not valid.');
    expect(attempts).toHaveAttribute('aria-invalid', 'true');
    expect(attempts).toHaveAccessibleDescription('Invalid input: expected number, received null');
    expect(save.mock.calls[0]?.[0].rules.maxAttempts).toBeNaN();
  });

  it('edits the scoring rules in Japanese and says how many leads were re-scored', async () => {
    const save = vi.fn<KomaApi['settings.saveScoringRules']>(() => ok({ rescored: 200 }));
    const api = workApi([leadDetail(1)], { 'settings.saveScoringRules': save });
    const { user } = await openSettings(api, 'ja');
    const section = await screen.findByRole('region', { name: 'リードスコアのルール' });
    const industries = await within(section).findByRole('group', { name: '業種キーワード' });
    await user.click(within(industries).getByRole('button', { name: '行を追加' }));
    const rowNumber = defaultScoringRules.industries.length + 1;
    await user.type(within(industries).getByRole('textbox', { name: `キーワード ${rowNumber}行目` }), '物流');
    await user.type(within(industries).getByRole('spinbutton', { name: `点数 ${rowNumber}行目` }), '12');
    await user.click(within(industries).getByRole('button', { name: '1行目を削除' }));
    const titles = within(section).getByRole('group', { name: '役職キーワード' });
    const staffKeywords = within(titles).getByRole('textbox', { name: 'キーワード（読点・カンマ区切り） 3行目' });
    await user.clear(staffKeywords);
    await user.type(staffKeywords, '主任、担当, Staff');
    await user.click(within(section).getByRole('button', { name: '保存' }));

    expect(await within(section).findByText('保存しました。200件のリードを再スコアしました。')).toBeInTheDocument();
    const sent = save.mock.calls[0]?.[0].rules;
    expect(sent?.industries).toEqual([...defaultScoringRules.industries.slice(1), { keyword: '物流', points: 12 }]);
    expect(sent?.titles[2]).toEqual({ ...defaultScoringRules.titles[2], keywords: ['主任', '担当', 'Staff'] });
    expect(sent?.behaviourPoints).toEqual(defaultScoringRules.behaviourPoints);
  });

  it('imports behaviour events from a CSV and reports what it did', async () => {
    const importEvents = vi.fn<KomaApi['behaviour.import']>(() =>
      ok({ imported: 12, duplicates: 3, rescored: 9, invalid: [{ row: 4, reasons: ['event kind is missing'], values: [] }] }),
    );
    const api = workApi([leadDetail(1)], { 'behaviour.import': importEvents });
    const { user } = await openSettings(api);
    const section = await screen.findByRole('region', { name: 'Import behaviour events (CSV)' });
    await user.upload(within(section).getByLabelText('Behaviour events CSV file'), new File(['email,kind,at\n'], 'events.csv', { type: 'text/csv' }));
    expect(await within(section).findByText('12 imported, 3 duplicates, 9 leads re-scored, 1 rows not imported')).toBeInTheDocument();
    expect(importEvents).toHaveBeenCalledWith({ fileName: 'events.csv', contentBase64: btoa('email,kind,at\n') });
    const table = within(section).getByRole('table', { name: 'Rows not imported' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
  });
});
