import { screen, waitFor, within } from '@testing-library/react';
import { hubspotLifecycleStages, hubspotLeadStatuses } from '../../shared/domain/sync/hubspotValues';
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

const connected = () => {
  const settings = structuredClone(defaultSyncSettings);
  settings.connector = 'hubspot';
  settings.hubspot.ownerEmail = 'sato@example.co.jp';
  return settings;
};

/** The account's own options as the last setup check read them: a custom stage and status beside HubSpot's. */
const readCheck: SetupCheck = {
  crm: 'hubspot',
  checkedAt: '2026-12-06T01:00:00.000Z',
  ok: true,
  items: [{ id: 'pipeline', kind: 'pipeline', ok: true, required: true, object: 'deals', field: null, problem: null, expected: 'default', actual: null }],
  options: { 'contacts.lifecyclestage': [...hubspotLifecycleStages, 'recycled_nurture'], 'contacts.hs_lead_status': [...hubspotLeadStatuses, 'NURTURING'] },
};

describe('the HubSpot mapping in settings', () => {
  it('edits property names, the pipeline and stage, and chooses Lead Status and lifecycle stage from HubSpot’s values and the account’s own; the save carries them', async () => {
    const backend = syncBackend({ settings: connected(), hubspotToken: token, validHubSpotToken: token, status: syncStatus({ connector: 'hubspot', signedIn: true }), lastSetupCheck: readCheck, setupChecks: [readCheck] });
    const { user } = renderSyncApp(backend.api);
    const section = await openSection(user);
    const properties = within(section).getByRole('table', { name: /プロパティの対応付け/ });
    const budget = within(properties).getByRole('textbox', { name: '予算の状況（取引）' });
    expect(budget).toHaveValue('koma_budget_status');
    await user.clear(budget);
    await user.type(budget, 'bant_budget');
    await user.clear(within(properties).getByRole('textbox', { name: 'リサイクル理由（コンタクト）' }));
    await user.type(within(properties).getByRole('textbox', { name: 'リサイクル理由（コンタクト）' }), 'recycle_reason_jp');
    const deal = within(section).getByRole('table', { name: /トスアップで作る取引/ });
    await user.clear(within(deal).getByRole('textbox', { name: '取引パイプラインの内部ID' }));
    await user.type(within(deal).getByRole('textbox', { name: '取引パイプラインの内部ID' }), 'inside-sales');
    await user.clear(within(deal).getByRole('textbox', { name: 'トスアップで作る取引のステージ（内部ID）' }));
    await user.type(within(deal).getByRole('textbox', { name: 'トスアップで作る取引のステージ（内部ID）' }), 'is_handoff');

    const statuses = within(section).getByRole('table', { name: /リードステータスとライフサイクルステージ/ });
    const qualifiedStage = within(statuses).getByRole('combobox', { name: '商談化のライフサイクルステージ' });
    expect(qualifiedStage).toHaveDisplayValue('SQL（salesqualifiedlead）');
    const recycledStage = within(statuses).getByRole('combobox', { name: 'リサイクルのライフサイクルステージ' });
    expect(recycledStage).toHaveDisplayValue('変更しない');
    // The account's own stage appears once the last check is read.
    await waitFor(() => expect(within(recycledStage).getByRole('option', { name: 'recycled_nurture' })).toBeInTheDocument());
    await user.selectOptions(recycledStage, 'recycled_nurture');
    await user.selectOptions(within(statuses).getByRole('combobox', { name: '除外のリードステータス' }), 'NURTURING');
    await user.selectOptions(within(statuses).getByRole('combobox', { name: '除外のライフサイクルステージ' }), 'other');
    // Labels are not values: the list offers internal values only.
    expect(within(recycledStage).queryByRole('option', { name: 'Sales Qualified Lead' })).toBeNull();

    await user.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.api['sync.settings.save']).toHaveBeenCalled());
    const saved = backend.api['sync.settings.save'].mock.calls.at(-1)![0].settings.hubspot!;
    expect(saved.deal).toMatchObject({ pipeline: 'inside-sales', stage: 'is_handoff', fields: { budgetStatus: 'bant_budget' } });
    expect(saved.lead.fields.recycleReason).toBe('recycle_reason_jp');
    expect(saved.lead.statuses.excluded).toBe('NURTURING');
    expect(saved.lead.lifecycleStages).toEqual({ new: null, working: null, callback: null, recycled: 'recycled_nurture', excluded: 'other', qualified: 'salesqualifiedlead' });
  });

  it('says in Japanese which value HubSpot does not have when the backend refuses one, and keeps the form', async () => {
    const backend = syncBackend({ settings: connected(), hubspotToken: token, status: syncStatus({ connector: 'hubspot', signedIn: true }), lastSetupCheck: readCheck });
    const stored = connected();
    stored.hubspot.lead.lifecycleStages.recycled = 'recycled_nurture';
    backend.state.settings = stored;
    backend.api['sync.settings.save'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'invalid_input', message: 'HubSpot has no such value', issues: [{ path: 'settings.hubspot.lead.lifecycleStages.recycled', message: 'not an internal value' }] },
    });
    const { user } = renderSyncApp(backend.api);
    const section = await openSection(user);
    await user.selectOptions(within(section).getByRole('combobox', { name: '新規のライフサイクルステージ' }), 'lead');
    await user.click(within(section).getByRole('button', { name: '保存' }));
    const stage = await within(section).findByRole('combobox', { name: 'リサイクルのライフサイクルステージ', description: /「recycled_nurture」はHubSpotにない値です/ });
    expect(stage).toHaveAttribute('aria-invalid', 'true');
    expect(within(section).getByRole('combobox', { name: '新規のライフサイクルステージ' })).toHaveValue('lead');
  });

  it('in English: labels, HubSpot’s value names beside the internal values, and reset to defaults', async () => {
    const backend = syncBackend({ settings: connected(), hubspotToken: token, status: syncStatus({ connector: 'hubspot', signedIn: true }) });
    const { user } = renderSyncApp(backend.api, { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'CRM connection' });
    const statuses = within(section).getByRole('table', { name: /Lead Status and lifecycle stage/ });
    expect(within(statuses).getByRole('combobox', { name: 'Lifecycle stage for Qualified' })).toHaveDisplayValue('Sales Qualified Lead (salesqualifiedlead)');
    expect(within(statuses).getByRole('combobox', { name: 'Lead Status for Recycled' })).toHaveDisplayValue('Bad Timing (BAD_TIMING)');
    const need = within(section).getByRole('textbox', { name: 'Need (deal)' });
    await user.clear(need);
    await user.type(need, 'hearing_need');
    await user.selectOptions(within(statuses).getByRole('combobox', { name: 'Lifecycle stage for Recycled' }), 'lead');
    await user.click(within(section).getByRole('button', { name: 'Reset to defaults' }));
    expect(need).toHaveValue('koma_need');
    expect(within(statuses).getByRole('combobox', { name: 'Lifecycle stage for Recycled' })).toHaveDisplayValue('Leave unchanged');
  });
});
