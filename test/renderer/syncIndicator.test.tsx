import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { fail } from './fakeApi';
import { renderSyncApp, syncBackend, syncItem, syncStatus, todayAt } from './syncFixtures';

const indicator = () => screen.getByRole('status', { name: /^同期: / });

describe('the sync indicator in the header', () => {
  const cases: { name: string; status: Partial<SyncStatus>; pending?: number; attention?: number; label: string; shown: string[] }[] = [
    {
      name: 'online with everything sent',
      status: {},
      label: '同期: オンライン、送信待ち 0 件、最終同期 09:58',
      shown: ['オンライン', '送信待ち 0 件', '最終同期 09:58'],
    },
    {
      name: 'offline with work pending',
      status: { online: false },
      pending: 3,
      label: '同期: オフライン、送信待ち 3 件、最終同期 09:58',
      shown: ['オフライン', '送信待ち 3 件'],
    },
    {
      name: 'items the CRM refused',
      status: {},
      pending: 1,
      attention: 2,
      label: '同期: オンライン、送信待ち 1 件、要対応 2 件、最終同期 09:58',
      shown: ['送信待ち 1 件'],
    },
    {
      name: "paused on Salesforce's daily limit",
      status: { paused: { reason: 'request_limit', message: 'REQUEST_LIMIT_EXCEEDED', until: todayAt(15) } },
      pending: 4,
      label: '同期: Salesforceの1日のAPI上限に達したため停止中（再開 15:00）、送信待ち 4 件、最終同期 09:58',
      shown: ['Salesforceの1日のAPI上限に達したため停止中（再開 15:00）'],
    },
    {
      name: 'signed out of Salesforce, never synced',
      status: { signedIn: false, lastSuccessAt: null },
      pending: 2,
      label: '同期: Salesforce未サインイン、送信待ち 2 件、未同期',
      shown: ['Salesforce未サインイン', '未同期'],
    },
    {
      name: 'no CRM connected',
      status: { connector: 'none', configured: false, signedIn: false, lastSuccessAt: null, apiUsage: null },
      label: '同期: CRM未接続、送信待ち 0 件',
      shown: ['CRM未接続'],
    },
  ];

  it.each(cases)('says the state in words and in its accessible name: $name', async ({ status, pending = 0, attention = 0, label, shown }) => {
    const items = [
      ...Array.from({ length: pending }, (_, i) => syncItem(i)),
      ...Array.from({ length: attention }, (_, i) => syncItem(100 + i, { state: 'attention', lastError: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' })),
    ];
    renderSyncApp(syncBackend({ status: syncStatus(status), items }).api);
    await waitFor(() => expect(indicator()).toHaveAccessibleName(label));
    for (const text of shown) expect(within(indicator()).getByText(text)).toBeInTheDocument();
    // The "needs attention" count is a way to the sync screen, and only there when something needs it.
    const button = screen.queryByRole('button', { name: /^要対応/ });
    if (attention > 0) expect(button).toHaveTextContent(`要対応 ${attention} 件`);
    else expect(button).not.toBeInTheDocument();
  });

  it('opens the sync screen from the needs-attention count', async () => {
    const { user } = renderSyncApp(syncBackend({ items: [syncItem(1, { state: 'attention', lastError: 'Opportunity: REQUIRED_FIELD_MISSING: CloseDate' })] }).api);
    await user.click(await screen.findByRole('button', { name: '要対応 1 件' }));
    const screenRegion = await screen.findByRole('region', { name: '同期' });
    const attention = await within(screenRegion).findByRole('table', { name: /要対応/ });
    expect(within(attention).getByText('Opportunity: REQUIRED_FIELD_MISSING: CloseDate')).toBeInTheDocument();
  });

  it('follows the backend as it polls: the pending count drains to zero', async () => {
    const backend = syncBackend({ status: syncStatus({ online: false }), items: [syncItem(1), syncItem(2)] });
    renderSyncApp(backend.api, { pollMs: 20 });
    await waitFor(() => expect(indicator()).toHaveAccessibleName(/オフライン、送信待ち 2 件/));
    backend.state.items = [];
    backend.state.status = syncStatus({ online: true, lastSuccessAt: todayAt(10, 5) });
    await waitFor(() => expect(indicator()).toHaveAccessibleName('同期: オンライン、送信待ち 0 件、最終同期 10:05'));
  });

  it('stays quiet, in words, when the status cannot be read', async () => {
    const { api } = syncBackend();
    renderSyncApp({ ...api, 'sync.status': () => fail('internal', 'boom') });
    await waitFor(() => expect(indicator()).toHaveAccessibleName('同期: 同期状態を取得できません'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks English too', async () => {
    renderSyncApp(syncBackend({ status: syncStatus({ online: false }), items: [syncItem(1)] }).api, { language: 'en' });
    await waitFor(() => expect(screen.getByRole('status', { name: /^Sync: / })).toHaveAccessibleName('Sync: Offline, 1 pending, Last sync 09:58'));
  });
});
