import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSyncSettings, type SetupCheck } from '../../shared/contract/sync';
import { renderSyncApp, syncBackend, syncStatus } from './syncFixtures';

const token = 'pat-na1-11111111-2222-3333-4444-555555555555';

const hubspotCheck: SetupCheck = {
  crm: 'hubspot',
  checkedAt: '2026-12-06T01:00:00.000Z',
  ok: false,
  items: [
    { id: 'scope:crm.objects.deals.write', kind: 'scope', ok: false, required: true, object: null, field: null, problem: 'denied', expected: 'crm.objects.deals.write', actual: null },
    { id: 'property:calls.koma_id', kind: 'field', ok: false, required: true, object: 'calls', field: 'koma_id', problem: 'notUnique', expected: 'string', actual: null },
    { id: 'property:contacts.koma_id', kind: 'field', ok: false, required: true, object: 'contacts', field: 'koma_id', problem: 'missing', expected: 'string', actual: null },
    { id: 'pipeline', kind: 'pipeline', ok: true, required: true, object: 'deals', field: null, problem: null, expected: 'default', actual: null },
  ],
};

async function openSection(user: ReturnType<typeof renderSyncApp>['user']) {
  await user.click(await screen.findByRole('button', { name: '設定' }));
  return screen.findByRole('region', { name: 'CRM連携' });
}

describe('choosing HubSpot in settings', () => {
  it('asks for the owner email and the token, refuses a token HubSpot does not know, keeps a good one masked, and lists the setup check in Japanese', async () => {
    const backend = syncBackend({ status: syncStatus({ connector: 'none', signedIn: false, lastSuccessAt: null, apiUsage: null }), validHubSpotToken: token, setupChecks: [hubspotCheck] });
    const { user } = renderSyncApp(backend.api);
    const section = await openSection(user);
    await user.click(within(section).getByRole('radio', { name: 'HubSpot' }));
    expect(within(section).getByRole('textbox', { name: 'APIのURL' })).toHaveValue('https://api.hubapi.com');
    expect(within(section).getByRole('textbox', { name: 'Koma IDのプロパティ（コンタクト・会社・取引・コール・ノート共通）' })).toHaveValue('koma_id');
    expect(within(section).getByText('まだ保存されていません')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(backend.api['sync.settings.save']).not.toHaveBeenCalled();
    expect(within(section).getByLabelText('アクセストークン（非公開アプリ）')).toHaveAccessibleDescription(expect.stringContaining('アクセストークンを貼り付けてください'));
    expect(within(section).getByRole('textbox', { name: 'あなたのHubSpotログイン（メールアドレス）' })).toHaveAccessibleDescription('入力してください');

    await user.type(within(section).getByRole('textbox', { name: 'あなたのHubSpotログイン（メールアドレス）' }), 'sato@example.co.jp');
    await user.type(within(section).getByLabelText('アクセストークン（非公開アプリ）'), 'pat-na1-wrong-token-0000');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(await within(section).findByText(/HubSpotがこのトークンを受け付けませんでした/)).toBeInTheDocument();
    expect(backend.state.hubspotToken ?? null).toBeNull();

    const field = within(section).getByLabelText('アクセストークン（非公開アプリ）');
    await user.clear(field);
    await user.type(field, token);
    await user.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.state.hubspotToken).toBe(token));
    const saved = backend.api['sync.settings.save'].mock.calls.at(-1)![0];
    expect(saved).toMatchObject({ hubspotToken: token });
    expect(saved.settings).toEqual({ ...defaultSyncSettings, connector: 'hubspot', hubspot: { ...defaultSyncSettings.hubspot, ownerEmail: 'sato@example.co.jp' } });

    backend.state.status = syncStatus({ connector: 'hubspot', signedIn: true });
    const fresh = await screen.findByRole('region', { name: 'CRM連携' });
    expect(await within(fresh).findByText(`保存済み: pat-…${token.slice(-4)}`)).toBeInTheDocument();
    await user.click(await within(fresh).findByRole('button', { name: 'HubSpotの設定を確認' }));
    const list = await within(fresh).findByRole('list', { name: '設定チェック' });
    expect(within(list).getByText(/アクセストークンのスコープ crm\.objects\.deals\.write/).parentElement).toHaveTextContent('非公開アプリ（プライベートアプリ）のスコープに追加し、新しいトークンを貼り付けてください');
    expect(within(list).getByText(/calls の項目 koma_id/).parentElement).toHaveTextContent('「一意の値を必須にする」をオンにしたプロパティにしてください');
    expect(within(list).getByText(/contacts の項目 koma_id/).parentElement).toHaveTextContent('単一行テキストのプロパティとして作成してください');
    expect(within(fresh).getByText(/HubSpotのスーパー管理者に次の対応を依頼してください/)).toBeInTheDocument();
  });
});
