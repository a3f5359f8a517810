import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SetupCheck, SetupCheckItem } from '../../shared/contract/sync';
import { formatOrgProblem } from '../../shared/domain/sync/orgProblem';
import { renderSyncApp, syncBackend, syncItem, syncStatus } from './syncFixtures';

const item = (over: Partial<SetupCheckItem> & Pick<SetupCheckItem, 'id' | 'kind'>): SetupCheckItem => ({ ok: true, required: true, object: null, field: null, problem: null, expected: null, actual: null, ...over });

const incomplete: SetupCheck = {
  checkedAt: '2025-04-07T01:00:00.000Z',
  ok: false,
  items: [
    item({ id: 'apiVersion', kind: 'apiVersion', expected: 'v67.0', actual: 'v67.0' }),
    item({ id: 'externalId:Task', kind: 'externalId', object: 'Activity', field: 'Koma_Id__c', ok: false, problem: 'missing', expected: 'string' }),
    item({ id: 'externalId:Lead', kind: 'externalId', object: 'Lead', field: 'Koma_Id__c', ok: false, problem: 'notExternalId', expected: 'string', actual: 'string' }),
    item({ id: 'field:Opportunity.Koma_BANT_Confirmed__c', kind: 'field', object: 'Opportunity', field: 'Koma_BANT_Confirmed__c', ok: false, problem: 'wrongType', expected: 'boolean', actual: 'string' }),
    item({ id: 'convertPermission', kind: 'convertPermission', ok: false, problem: 'denied' }),
    item({ id: 'apiLimit', kind: 'apiLimit', required: false, actual: '14000/15000' }),
  ],
};
const complete: SetupCheck = { ...incomplete, ok: true, items: incomplete.items.map((i) => ({ ...i, ok: true, problem: null })) };

async function openSetup(language: 'ja' | 'en', checks: SetupCheck[]) {
  const backend = syncBackend({ status: syncStatus({ connector: 'salesforce', signedIn: true }), setupChecks: checks });
  backend.state.settings = { ...backend.state.settings, connector: 'salesforce' };
  const { user } = renderSyncApp(backend.api, { language });
  await user.click(await screen.findByRole('button', { name: language === 'ja' ? '設定' : 'Settings' }));
  const section = await screen.findByRole('region', { name: language === 'ja' ? 'CRM連携' : 'CRM connection' });
  return { user, backend, setup: await within(section).findByRole('region', { name: language === 'ja' ? '設定チェック' : 'Setup check' }) };
}

describe('the Salesforce setup check', () => {
  it('lists what an org without Koma’s fields lacks, in Japanese, with what the admin should do; passes once it is fixed', async () => {
    const { user, setup } = await openSetup('ja', [incomplete, complete]);
    await user.click(within(setup).getByRole('button', { name: 'Salesforceの設定を確認' }));
    await within(setup).findByRole('list', { name: '設定チェック' });
    expect(within(setup).getByRole('status')).toHaveTextContent('必須の項目が 4 件足りません');
    const list = within(setup).getByRole('list', { name: '設定チェック' });
    const rows = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(rows.slice(0, 4)).toEqual([
      'Activity の外部ID項目 Koma_Id__c: 活動（Activity）にテキスト(100)・外部ID・ユニークで作成してください（ToDoに表示されます）',
      'Lead の外部ID項目 Koma_Id__c: 「外部ID」にチェックを入れてください',
      'Opportunity の項目 Koma_BANT_Confirmed__c: データ型を boolean にしてください（現在 string）',
      '「リードの取引開始」権限: プロファイルまたは権限セットで許可してください',
    ]);
    expect(rows).toContain('APIバージョン v67.0: OK');

    await user.click(within(setup).getByRole('button', { name: 'Salesforceの設定を確認' }));
    expect(await within(setup).findByText('すべての項目がそろっています。同期できます。')).toBeInTheDocument();
  });

  it('speaks English', async () => {
    const { user, setup } = await openSetup('en', [incomplete]);
    await user.click(within(setup).getByRole('button', { name: 'Check the Salesforce setup' }));
    await within(setup).findByRole('list', { name: 'Setup check' });
    expect(within(setup).getByRole('status')).toHaveTextContent('4 required items are missing');
    expect(within(setup).getByText('External ID field Koma_Id__c on Activity')).toBeInTheDocument();
    expect(within(setup).getByText('Create it on Activity as Text(100), External ID, Unique (it shows on Task)')).toBeInTheDocument();
  });
});

describe('setup problems met while sending, in the rep’s language', () => {
  it('words Koma’s own setup messages in Japanese on the sync screen and in the edit dialog; the CRM’s words stay as they are', async () => {
    const backend = syncBackend({
      status: syncStatus({ connector: 'salesforce', signedIn: true }),
      items: [
        syncItem(1, { state: 'attention', attempts: 1, lastError: formatOrgProblem({ kind: 'missing', sobject: 'Opportunity', field: 'Koma_Budget_Status__c' }) }),
        syncItem(2, { state: 'attention', attempts: 1, lastError: formatOrgProblem({ kind: 'picklist', sobject: 'Lead', field: 'Status', value: 'Nurturing' }) }),
        syncItem(3, { state: 'attention', attempts: 1, lastError: formatOrgProblem({ kind: 'convertedStatus' }) }),
        syncItem(4, { state: 'attention', attempts: 1, lastError: 'Task: FIELD_CUSTOM_VALIDATION_EXCEPTION: 通話メモは必須です' }),
      ],
    });
    const { user } = renderSyncApp(backend.api, { language: 'ja' });
    await user.click(await screen.findByRole('button', { name: '同期' }));
    const region = await screen.findByRole('region', { name: '同期' });
    const attention = await within(region).findByRole('table', { name: /要対応/ });
    expect(within(attention).getByText('Opportunity に項目 Koma_Budget_Status__c がありません。管理者に作成を依頼してください（設定 → CRM連携 → 設定チェック）。')).toBeInTheDocument();
    expect(within(attention).getByText(/^Lead の項目 Status に選択肢「Nurturing」がありません。/)).toBeInTheDocument();
    expect(within(attention).getByText(/^リード状況に「取引開始済み」の値がありません。/)).toBeInTheDocument();
    expect(within(attention).getByText('Task: FIELD_CUSTOM_VALIDATION_EXCEPTION: 通話メモは必須です')).toBeInTheDocument();
    expect(attention).not.toHaveTextContent(/ask your Salesforce admin|Setup check/);

    await user.click(within(region).getAllByRole('button', { name: /を修正$/ })[0]!);
    const dialog = screen.getByRole('dialog', { name: '送信内容を修正' });
    expect(within(dialog).getByText(/^Opportunity に項目 Koma_Budget_Status__c がありません。/)).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent(/ask your Salesforce admin/);
  });

  it('says in Japanese why the check could not run, never the backend’s English', async () => {
    const { user, setup } = await openSetup('ja', []);
    await user.click(within(setup).getByRole('button', { name: 'Salesforceの設定を確認' }));
    const alert = await within(setup).findByRole('alert');
    expect(alert).toHaveTextContent('Salesforceの設定を確認できませんでした');
    expect(alert).toHaveTextContent('サインインしていること');
    expect(alert).not.toHaveTextContent(/Sign in|Salesforce first/);
  });
});

describe('after sign-in', () => {
  it('says in Japanese that the automatic check paused sync, before the rep asks for the list', async () => {
    const backend = syncBackend({
      status: syncStatus({ connector: 'salesforce', signedIn: true, paused: { reason: 'setup_incomplete', message: '5 required item(s) of the Salesforce setup are missing', until: null } }),
      setupChecks: [incomplete],
    });
    backend.state.settings = { ...backend.state.settings, connector: 'salesforce' };
    const { user } = renderSyncApp(backend.api, { language: 'ja' });
    await user.click(await screen.findByRole('button', { name: '設定' }));
    const section = await screen.findByRole('region', { name: 'CRM連携' });
    const setup = await within(section).findByRole('region', { name: '設定チェック' });
    expect(await within(setup).findByRole('status')).toHaveTextContent('サインイン直後の設定チェックで、必須の項目が足りないことがわかりました。同期は停止しています。');
    expect(setup).not.toHaveTextContent(/required item|Setup check/);
    await user.click(within(setup).getByRole('button', { name: 'Salesforceの設定を確認' }));
    expect(await within(setup).findByRole('status')).toHaveTextContent('必須の項目が 4 件足りません');
  });

  it('lists the items of the check that ran after sign-in as soon as Settings opens, without checking the org again', async () => {
    const backend = syncBackend({
      status: syncStatus({ connector: 'salesforce', signedIn: true, paused: { reason: 'setup_incomplete', message: '4 required item(s) of the Salesforce setup are missing', until: null } }),
      setupChecks: [complete],
      lastSetupCheck: incomplete,
    });
    backend.state.settings = { ...backend.state.settings, connector: 'salesforce' };
    const { user } = renderSyncApp(backend.api, { language: 'ja' });
    await user.click(await screen.findByRole('button', { name: '設定' }));
    const setup = await within(await screen.findByRole('region', { name: 'CRM連携' })).findByRole('region', { name: '設定チェック' });
    expect(await within(setup).findByRole('status')).toHaveTextContent('必須の項目が 4 件足りません');
    const list = within(setup).getByRole('list', { name: '設定チェック' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Activity の外部ID項目 Koma_Id__c');
    expect(backend.api['sync.setupCheck']).not.toHaveBeenCalled();
  });
});
