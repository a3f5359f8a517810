import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSyncSettings, type SetupCheck } from '../../shared/contract/sync';
import { renderSyncApp, syncBackend, syncStatus } from './syncFixtures';

const tokens = { leads: 'KmLeadsTokenA1b2C3d4E5f6', calls: 'KmCallsTokenZ9y8X7w6V5u4', handoffs: 'KmHandoffTokenQ1w2E3r4T5' };

const kintoneCheck: SetupCheck = {
  crm: 'kintone',
  checkedAt: '2026-12-06T01:00:00.000Z',
  ok: false,
  items: [
    { id: 'app:leads', kind: 'objectAccess', ok: true, required: true, object: 'leads', field: null, problem: null, expected: '101', actual: null },
    { id: 'field:leads.役職', kind: 'field', ok: false, required: true, object: 'leads', field: '役職', problem: 'missing', expected: 'SINGLE_LINE_TEXT', actual: null },
    { id: 'field:calls.通話秒数', kind: 'field', ok: false, required: true, object: 'calls', field: '通話秒数', problem: 'wrongType', expected: 'NUMBER', actual: 'SINGLE_LINE_TEXT' },
    { id: 'field:calls.koma_id', kind: 'field', ok: false, required: true, object: 'calls', field: 'koma_id', problem: 'notUnique', expected: 'SINGLE_LINE_TEXT', actual: null },
    { id: 'value:calls.結果.受付止まり', kind: 'picklistValue', ok: false, required: true, object: 'calls', field: '結果', problem: 'noValue', expected: '受付止まり', actual: null },
    { id: 'app:handoffs', kind: 'objectAccess', ok: false, required: true, object: 'handoffs', field: null, problem: 'denied', expected: '103', actual: 'GAIA_NO01' },
  ],
};

async function openSection(user: ReturnType<typeof renderSyncApp>['user']) {
  await user.click(await screen.findByRole('button', { name: '設定' }));
  return screen.findByRole('region', { name: 'CRM連携' });
}

describe('choosing kintone in settings', () => {
  it('asks for the login, each app’s id and token, refuses a token kintone does not take, keeps good ones masked, and lists the setup check in Japanese', async () => {
    const backend = syncBackend({ status: syncStatus({ connector: 'none', signedIn: false, lastSuccessAt: null, apiUsage: null }), validKintoneTokens: tokens, setupChecks: [kintoneCheck] });
    const { user } = renderSyncApp(backend.api);
    const section = await openSection(user);
    await user.click(within(section).getByRole('radio', { name: 'kintone' }));
    expect(within(section).getByRole('textbox', { name: 'kintoneのURL' })).toHaveValue('https://example.cybozu.com');
    expect(within(section).getAllByText('まだ保存されていません')).toHaveLength(3);

    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(backend.api['sync.settings.save']).not.toHaveBeenCalled();
    expect(within(section).getByRole('textbox', { name: 'あなたのkintoneログイン名' })).toHaveAccessibleDescription('入力してください');
    expect(within(section).getByRole('textbox', { name: 'リードアプリのアプリID' })).toHaveAccessibleDescription('入力してください');
    expect(within(section).getByLabelText('架電履歴アプリのAPIトークン')).toHaveAccessibleDescription(expect.stringContaining('APIトークンを貼り付けてください'));

    // Keyboard first: the fields are reached and filled by typing.
    const url = within(section).getByRole('textbox', { name: 'kintoneのURL' });
    await user.clear(url);
    await user.type(url, 'https://minato.cybozu.com');
    await user.type(within(section).getByRole('textbox', { name: 'あなたのkintoneログイン名' }), 'sato');
    await user.type(within(section).getByRole('textbox', { name: 'リードアプリのアプリID' }), '101');
    await user.type(within(section).getByRole('textbox', { name: '架電履歴アプリのアプリID' }), '102');
    await user.type(within(section).getByRole('textbox', { name: 'トスアップアプリのアプリID' }), '103');
    await user.type(within(section).getByLabelText('リードアプリのAPIトークン'), tokens.leads);
    await user.type(within(section).getByLabelText('架電履歴アプリのAPIトークン'), 'KmWrongToken00000000');
    await user.type(within(section).getByLabelText('トスアップアプリのAPIトークン'), tokens.handoffs);
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(await within(section).findByText(/kintoneがこのAPIトークンを受け付けませんでした/)).toBeInTheDocument();
    expect(within(section).getByLabelText('架電履歴アプリのAPIトークン')).toHaveAccessibleDescription(expect.stringContaining('何も変更していません'));
    expect(backend.state.kintoneTokens).toBeUndefined();

    // A field code with a space is refused before anything is sent.
    await user.click(within(section).getByText('フィールドコードの対応（既定値はKomaの標準アプリ）'));
    const company = within(section).getAllByRole('textbox', { name: '会社名' })[0]!;
    await user.clear(company);
    await user.type(company, '会社 名');
    const calls = within(section).getByLabelText('架電履歴アプリのAPIトークン');
    await user.clear(calls);
    await user.type(calls, tokens.calls);
    const savesBefore = backend.api['sync.settings.save'].mock.calls.length;
    await user.click(within(section).getByRole('button', { name: '保存' }));
    expect(company).toHaveAccessibleDescription(expect.stringContaining('フィールドコードを入力してください'));
    expect(backend.api['sync.settings.save'].mock.calls.length).toBe(savesBefore);
    await user.clear(company);
    await user.type(company, '取引先名');

    await user.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.state.kintoneTokens).toEqual(tokens));
    const saved = backend.api['sync.settings.save'].mock.calls.at(-1)![0];
    expect(saved.kintoneTokens).toEqual(tokens);
    expect(saved.settings).toEqual({
      ...defaultSyncSettings,
      connector: 'kintone',
      kintone: { ...defaultSyncSettings.kintone, baseUrl: 'https://minato.cybozu.com', ownerLogin: 'sato', apps: { leads: '101', calls: '102', handoffs: '103' }, leadFields: { ...defaultSyncSettings.kintone.leadFields, company: '取引先名' } },
    });

    backend.state.status = syncStatus({ connector: 'kintone', signedIn: true });
    const fresh = await screen.findByRole('region', { name: 'CRM連携' });
    expect(await within(fresh).findByText(`保存済み: KmLe…${tokens.leads.slice(-4)}`)).toBeInTheDocument();
    await user.click(await within(fresh).findByRole('button', { name: 'kintoneの設定を確認' }));
    const list = await within(fresh).findByRole('list', { name: '設定チェック' });
    expect(within(list).getByText('リードアプリのフィールド「役職」').parentElement).toHaveTextContent('文字列（1行）のフィールドを追加し、フィールドコードを「役職」にしてください');
    expect(within(list).getByText('架電履歴アプリのフィールド「通話秒数」').parentElement).toHaveTextContent('フィールドの種類を数値にしてください（現在 文字列（1行））');
    expect(within(list).getByText('架電履歴アプリのフィールド「koma_id」').parentElement).toHaveTextContent('「値の重複を禁止する」にチェックを入れてください');
    expect(within(list).getByText('架電履歴アプリの「結果」の選択肢「受付止まり」').parentElement).toHaveTextContent('選択肢に「受付止まり」を追加してください');
    expect(within(list).getByText('トスアップアプリ（アプリID 103）とAPIトークン').parentElement).toHaveTextContent('GAIA_NO01');
    expect(within(fresh).getByText(/kintoneのアプリ管理者に次の対応を依頼してください/)).toBeInTheDocument();
  });
});
