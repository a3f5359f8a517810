import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { defaultQualificationCriteria } from '../../shared/contract/hearing';
import { defaultQueueRules } from '../../shared/contract/queueRules';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { appInfo, ok, pagedCallList, renderApp } from './fakeApi';

function setup(extra: Partial<KomaApi> = {}) {
  const app = renderApp(
    {
      'app.info': async () => ok(appInfo(0)),
      'callList.page': pagedCallList(0),
      'settings.get': async () => ok({ queueRules: defaultQueueRules, scoringRules: defaultScoringRules, qualificationCriteria: defaultQualificationCriteria, profile: { repName: '佐藤 美咲' } }),
      'fieldReps.list': async () => ok({ reps: [] }),
      'backup.list': async () => ok({ backups: [], recovery: null }),
      ...extra,
    },
    { language: 'ja' },
  );
  return app;
}

async function openSection(user: ReturnType<typeof setup>['user'], name: string) {
  await user.click(await screen.findByRole('button', { name: '設定' }));
  return screen.findByRole('region', { name });
}

describe('qualification criteria and profile in settings', () => {
  it('saves the criteria the team chose: a subset of BANT, floors, custom fields and pain options', async () => {
    const save = vi.fn<KomaApi['settings.saveQualificationCriteria']>(async () => ok({}));
    const { user } = setup({ 'settings.saveQualificationCriteria': save });
    const section = await openSection(user, '商談化の条件');
    const required = await within(section).findByRole('group', { name: '確認済みにすべきBANT項目' });
    await user.click(within(required).getByRole('checkbox', { name: '導入時期' }));
    await user.type(within(section).getByRole('textbox', { name: '最低スコア' }), '60');
    await user.type(within(section).getByRole('textbox', { name: '下限金額' }), '1,000,000');
    await user.click(within(section).getByRole('button', { name: '項目を追加' }));
    await user.type(within(section).getByRole('textbox', { name: '項目名 1' }), '案件名');
    await user.click(within(section).getByRole('button', { name: '「属人化の解消」を削除' }));
    await user.type(within(section).getByRole('textbox', { name: '新しい選択肢' }), '人手不足{Enter}');
    await user.click(within(section).getByRole('button', { name: '条件を保存' }));

    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save).toHaveBeenCalledWith({
      criteria: {
        requireConfirmed: { budget: true, authority: true, need: true, timeline: false },
        minScore: 60,
        budgetFloor: { amount: 1_000_000, currency: 'JPY' },
        customFields: [{ key: 'field_1', label: '案件名', required: true }],
        painOptions: ['業務効率化', 'コスト削減', '売上拡大', 'データ活用', 'セキュリティ強化', 'システム老朽化', '人手不足'],
      },
    });
    expect(within(section).getByRole('status')).toHaveTextContent('商談化の条件を保存しました');
  });

  it('does not send a score it cannot read', async () => {
    const save = vi.fn<KomaApi['settings.saveQualificationCriteria']>(async () => ok({}));
    const { user } = setup({ 'settings.saveQualificationCriteria': save });
    const section = await openSection(user, '商談化の条件');
    const minScore = await within(section).findByRole('textbox', { name: '最低スコア' });
    await user.type(minScore, '高め');
    await user.click(within(section).getByRole('button', { name: '条件を保存' }));
    expect(minScore).toHaveAccessibleDescription('数字で入力してください');
    expect(save).not.toHaveBeenCalled();
  });

  it('saves the rep’s own name', async () => {
    const save = vi.fn<KomaApi['settings.saveProfile']>(async () => ok({}));
    const { user } = setup({ 'settings.saveProfile': save });
    const section = await openSection(user, 'あなたのプロフィール');
    const name = await within(section).findByRole('textbox', { name: 'あなたの氏名' });
    await waitFor(() => expect(name).toHaveValue('佐藤 美咲'));
    await user.clear(name);
    await user.type(name, '田中 一郎 ');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ profile: { repName: '田中 一郎' } }));
    expect(within(section).getByRole('status')).toHaveTextContent('プロフィールを保存しました');
  });
});
