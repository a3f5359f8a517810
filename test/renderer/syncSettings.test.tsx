import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../shared/contract/sync';
import { renderSyncApp, syncBackend, syncStatus } from './syncFixtures';

async function openSection(user: ReturnType<typeof renderSyncApp>['user']) {
  await user.click(await screen.findByRole('button', { name: '設定' }));
  return screen.findByRole('region', { name: 'CRM連携' });
}

const storedSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const newSecret = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

describe('the CRM connection in settings', () => {
  it('configures Salesforce: login URL checked, callback URL shown, mapping with its defaults, then sign-in with a link in browser mode', async () => {
    const backend = syncBackend({ status: syncStatus({ connector: 'none', signedIn: false, lastSuccessAt: null, apiUsage: null }) });
    const { user } = renderSyncApp(backend.api);
    const section = await openSection(user);
    await user.click(within(section).getByRole('radio', { name: 'Salesforce' }));
    const callback = within(section).getByRole('textbox', { name: 'コールバックURL' });
    expect(callback).toHaveValue('http://127.0.0.1:17170/callback');
    expect(callback).toHaveAttribute('readonly');
    const mapping = within(section).getByRole('table', { name: '項目の対応付け' });
    expect(within(mapping).getByRole('textbox', { name: '予算の状況（商談）' })).toHaveValue('Koma_Budget_Status__c');
    expect(within(section).getByRole('button', { name: 'Salesforceにサインイン' })).toBeDisabled();

    const loginUrl = within(section).getByRole('textbox', { name: 'ログインURL' });
    await user.clear(loginUrl);
    await user.type(loginUrl, 'http://login.example.com');
    const budget = within(mapping).getByRole('textbox', { name: '予算の状況（商談）' });
    await user.clear(budget);
    await user.type(budget, 'Budget Status');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(backend.api['sync.settings.save']).not.toHaveBeenCalled();
    expect(loginUrl).toHaveAccessibleDescription('https:// で始まるURLを入力してください（http:// は 127.0.0.1 のみ）');
    expect(budget).toHaveAccessibleDescription('Koma_Id__c のようなAPI名を入力してください');
    expect(within(section).getByRole('textbox', { name: 'コンシューマー鍵（クライアントID）' })).toHaveAccessibleDescription('入力してください');

    await user.clear(loginUrl);
    await user.type(loginUrl, 'https://koma-dev.my.salesforce.com');
    await user.clear(budget);
    await user.type(budget, 'Budget_Status__c');
    await user.type(within(section).getByRole('textbox', { name: 'コンシューマー鍵（クライアントID）' }), 'koma-test-client');
    // An org without a timeline field: left empty, it is not sent.
    await user.clear(within(mapping).getByRole('textbox', { name: '導入時期（商談）' }));
    // An org that does not convert leads.
    const mode = within(section).getByRole('combobox', { name: 'トスアップの送り方' });
    expect(mode).toHaveValue('convert');
    await user.selectOptions(mode, 'リードは残し、取引先・取引先責任者・商談を作成する');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.api['sync.settings.save']).toHaveBeenCalledTimes(1));
    const saved = backend.api['sync.settings.save'].mock.calls[0]![0];
    expect(saved).not.toHaveProperty('webhookSecret');
    expect(saved.settings).toEqual({
      ...defaultSyncSettings,
      connector: 'salesforce',
      salesforce: {
        ...defaultSyncSettings.salesforce,
        loginUrl: 'https://koma-dev.my.salesforce.com',
        clientId: 'koma-test-client',
        handoffMode: 'create_beside',
        opportunity: {
          ...defaultSyncSettings.salesforce.opportunity,
          fields: { ...defaultSyncSettings.salesforce.opportunity.fields, budgetStatus: 'Budget_Status__c', timeline: null },
        },
      },
    });
    expect(await within(section).findByText('CRM連携の設定を保存しました')).toBeInTheDocument();

    const fresh = await screen.findByRole('region', { name: 'CRM連携' });
    await user.click(within(fresh).getByRole('button', { name: 'Salesforceにサインイン' }));
    expect(backend.api['sync.signIn']).toHaveBeenCalledWith({});
    const link = await within(fresh).findByRole('link', { name: 'Salesforceのサインインページを開く' });
    expect(link).toHaveAttribute('href', 'https://login.salesforce.com/services/oauth2/authorize?client_id=koma-test-client&state=abc');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(fresh).getByText('ブラウザでのサインインを待っています…')).toBeInTheDocument();

    backend.state.status = syncStatus({ signedIn: true });
    await user.click(within(fresh).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'CRM連携' })).getByText('サインイン済み')).toBeInTheDocument());
    await user.click(within(screen.getByRole('region', { name: 'CRM連携' })).getByRole('button', { name: 'サインアウト' }));
    expect(backend.api['sync.signOut']).toHaveBeenCalledWith({});
    expect(await within(screen.getByRole('region', { name: 'CRM連携' })).findByText('未サインイン')).toBeInTheDocument();
  });

  it('in the desktop app, the sign-in page opens in the system browser and no link is offered', async () => {
    const backend = syncBackend({ status: syncStatus({ signedIn: false }), settings: { ...defaultSyncSettings, connector: 'salesforce', salesforce: { ...defaultSyncSettings.salesforce, clientId: 'koma-test-client' } } });
    const { user } = renderSyncApp(backend.api, { mode: 'electron' });
    const section = await openSection(user);
    await user.click(await within(section).findByRole('button', { name: 'Salesforceにサインイン' }));
    expect(await within(section).findByText('システムのブラウザでSalesforceのサインインページを開きます。')).toBeInTheDocument();
    expect(within(section).queryByRole('link')).not.toBeInTheDocument();
  });

  it('never echoes the webhook secret: only its masked hint is shown, and a save without a new one does not send one', async () => {
    const backend = syncBackend({ settings: { ...defaultSyncSettings, connector: 'webhook', webhook: { url: 'https://hooks.example.com/koma' } }, secret: storedSecret });
    const { user } = renderSyncApp(backend.api);
    const section = await openSection(user);
    expect(await within(section).findByText('保存済み: whsec_…LaSw')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(storedSecret);
    expect(within(section).getByText('webhook-signature')).toBeInTheDocument();

    const url = within(section).getByRole('textbox', { name: '送信先URL' });
    await user.clear(url);
    await user.type(url, 'https://hooks.example.com/koma/v2');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.api['sync.settings.save']).toHaveBeenCalledTimes(1));
    expect(backend.api['sync.settings.save'].mock.calls[0]![0]).not.toHaveProperty('webhookSecret');
    expect(backend.api['sync.settings.save'].mock.calls[0]![0].settings.webhook).toEqual({ url: 'https://hooks.example.com/koma/v2' });

    await user.click(await within(section).findByRole('button', { name: 'シークレットを置き換える' }));
    const input = within(section).getByRole('textbox', { name: '新しいシークレット' });
    await user.type(input, 'not-a-secret');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(input).toHaveAccessibleDescription('whsec_ に続けて24〜64バイトのBase64を入力してください');
    expect(backend.api['sync.settings.save']).toHaveBeenCalledTimes(1);

    await user.clear(input);
    await user.type(input, newSecret);
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(backend.api['sync.settings.save']).toHaveBeenCalledTimes(2);
    expect(backend.api['sync.settings.save'].mock.calls[1]![0].webhookSecret).toBe(newSecret);
    expect(await within(section).findByText('保存済み: whsec_…b7oD')).toBeInTheDocument();
    // Gone from the form once saved; the backend's answer carries only the hint.
    expect(document.body.innerHTML).not.toContain(newSecret);
    expect(within(section).queryByRole('textbox', { name: '新しいシークレット' })).not.toBeInTheDocument();
  });

  it('generates a Standard Webhooks secret and removes the stored one on request', async () => {
    const backend = syncBackend({ settings: { ...defaultSyncSettings, connector: 'webhook', webhook: { url: 'https://hooks.example.com/koma' } }, secret: storedSecret });
    const { user } = renderSyncApp(backend.api);
    const section = await openSection(user);
    await user.click(await within(section).findByRole('button', { name: 'シークレットを置き換える' }));
    await user.click(within(section).getByRole('button', { name: 'ランダムに生成' }));
    const generated = (within(section).getByRole('textbox', { name: '新しいシークレット' }) as HTMLInputElement).value;
    expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await user.click(within(section).getByRole('button', { name: '置き換えをやめる' }));

    await user.click(within(section).getByRole('button', { name: 'シークレットを削除' }));
    expect(within(section).getByText('保存すると削除されます')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(backend.api['sync.settings.save'].mock.calls[0]![0].webhookSecret).toBeNull();
    expect(await within(section).findByText('未設定')).toBeInTheDocument();
  });
});
