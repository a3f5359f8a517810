import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { FieldRep } from '../../shared/contract/handoff';
import { defaultQualificationCriteria } from '../../shared/contract/hearing';
import { defaultQueueRules } from '../../shared/contract/queueRules';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { appInfo, ok, pagedCallList, renderApp } from './fakeApi';
import { fieldRep } from './hearingFixtures';

describe('field reps in settings', () => {
  it('adds, renames and deactivates reps without ever deleting one', async () => {
    let stored: FieldRep[] = [fieldRep()];
    const save = vi.fn<KomaApi['fieldReps.save']>(async ({ reps }) => {
      stored = reps.map((rep, i) => ({ ...rep, id: rep.id ?? `rep-new-${i}` }));
      return ok({ reps: stored });
    });
    const { user } = renderApp(
      {
        'app.info': async () => ok(appInfo(0)),
        'callList.page': pagedCallList(0),
        'settings.get': async () => ok({ queueRules: defaultQueueRules, scoringRules: defaultScoringRules, qualificationCriteria: defaultQualificationCriteria, profile: { repName: '' } }),
        'fieldReps.list': async () => ok({ reps: stored }),
        'fieldReps.save': save,
        'backup.list': async () => ok({ backups: [], recovery: null }),
      },
      { language: 'ja' },
    );
    await user.click(await screen.findByRole('button', { name: '設定' }));
    const section = await screen.findByRole('region', { name: '営業担当者（トスアップ先）' });
    const table = await within(section).findByRole('table', { name: '営業担当者' });
    expect(within(table).queryByRole('button', { name: /削除/ })).toBeNull();

    await user.clear(within(table).getByRole('textbox', { name: '1行目の氏名' }));
    await user.type(within(table).getByRole('textbox', { name: '1行目の氏名' }), '高橋 健一');
    await user.click(within(table).getByRole('checkbox', { name: '1行目の有効' }));
    await user.click(within(section).getByRole('button', { name: '担当者を追加' }));
    await user.type(within(table).getByRole('textbox', { name: '2行目の氏名' }), '伊藤 聡');
    await user.type(within(table).getByRole('textbox', { name: '2行目のメールアドレス' }), 'ito@example.co.jp');
    await user.type(within(table).getByRole('textbox', { name: '2行目のCRMユーザーID' }), '005xx000001');
    // A row added and left empty is not sent.
    await user.click(within(section).getByRole('button', { name: '担当者を追加' }));
    await user.click(within(section).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save).toHaveBeenCalledWith({
      reps: [
        { id: 'rep-1', name: '高橋 健一', email: 'takahashi@example.co.jp', crmUserId: null, active: false },
        { id: null, name: '伊藤 聡', email: 'ito@example.co.jp', crmUserId: '005xx000001', active: true },
      ],
    });
    expect(within(section).getByRole('status')).toHaveTextContent('営業担当者を保存しました');
    // The form starts again from what was stored: the new rep has its id, so a second save updates it.
    await user.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.lastCall?.[0].reps.map((rep) => rep.id)).toEqual(['rep-1', 'rep-new-1']);
  });
});
