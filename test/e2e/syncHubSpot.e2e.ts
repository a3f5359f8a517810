import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeHubSpot, type FakeHubSpot, type FakeHubSpotRecord, type HubSpotType } from '../fakes/fakeHubSpot';
import { loadSampleDataByClick, useApp } from './harness';
import { axeViolations } from './harness/axe';
import { clippedText } from './harness/clipping';
import { addFieldRep, twoCallsAndAHandoff } from './harness/offlineWork';
import { syncIndicatorName } from './harness/salesforceSettings';

/**
 * Offline-first against the strict fake HubSpot (a loopback server in the test's process): the rep
 * connects HubSpot through Settings by pasting the private app token, works while HubSpot is
 * unreachable (calls logged, a handoff), and once it is back finds each exactly once in HubSpot —
 * one call engagement per call, one deal, with the associations the mapping promises.
 */

/** Monday 7 April 2025, 10:00 in Tokyo. */
const start = new Date('2025-04-07T01:00:00.000Z');
const t = useApp({ at: start.toISOString(), viewport: { width: 1280, height: 720 } });
let hs: FakeHubSpot;

beforeAll(async () => {
  hs = await startFakeHubSpot();
});
afterAll(async () => {
  await hs?.close();
});

const byKomaId = (type: HubSpotType): Map<string, FakeHubSpotRecord[]> => {
  const map = new Map<string, FakeHubSpotRecord[]>();
  for (const r of hs.records(type)) map.set(r.properties.koma_id ?? '', [...(map.get(r.properties.koma_id ?? '') ?? []), r]);
  return map;
};

it('connects HubSpot in Settings, works offline, and finds every call and the handoff in HubSpot exactly once', async () => {
  const { page, problems } = t.opened;
  await loadSampleDataByClick(page);
  await addFieldRep(page);

  // Settings → CRM連携 → HubSpot: the fake's API URL, the rep's login, the token pasted once.
  const crm = page.getByRole('region', { name: 'CRM連携' });
  await crm.getByRole('radio', { name: 'HubSpot' }).check();
  await crm.getByRole('textbox', { name: 'APIのURL' }).fill(hs.url);
  await crm.getByRole('textbox', { name: 'あなたのHubSpotログイン（メールアドレス）' }).fill('sato@example.co.jp');
  await crm.getByLabel('アクセストークン（非公開アプリ）').fill(hs.token);
  await crm.getByRole('button', { name: '保存' }).click();
  await crm.getByRole('status').filter({ hasText: 'CRM連携の設定を保存しました' }).waitFor();
  await crm.getByText(`保存済み: pat-…${hs.token.slice(-4)}`).waitFor();
  await expect.poll(() => syncIndicatorName(page), { timeout: 20_000 }).toMatch(/^同期: オンライン、送信待ち 0 件/);

  // The setup check on what was saved: everything there in the default fake account.
  await crm.getByRole('button', { name: 'HubSpotの設定を確認' }).click();
  await crm.getByRole('status').filter({ hasText: 'すべての項目がそろっています' }).waitFor();
  const checkList = crm.getByRole('list', { name: '設定チェック' });
  await checkList.getByText(/contacts\.lifecyclestage の選択肢「salesqualifiedlead」/).waitFor();
  // The mapping as the rep sees it at 1280×720: nothing cut off, nothing axe calls serious.
  const statuses = crm.getByRole('table', { name: /リードステータスとライフサイクルステージ/ });
  await statuses.scrollIntoViewIfNeeded();
  expect(await statuses.getByRole('combobox', { name: '商談化のライフサイクルステージ' }).inputValue()).toBe('salesqualifiedlead');
  await page.screenshot({ path: '/tmp/hubspot-settings.png' });
  await crm.getByRole('table', { name: /プロパティの対応付け/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/hubspot-settings-properties.png' });
  expect([...(await clippedText(page, '.sync-settings')), ...(await axeViolations(page, 'settings (HubSpot)'))]).toEqual([]);

  // HubSpot goes away; the rep keeps working: two calls logged, then a handoff, from the call screen.
  hs.setDown(true);
  await twoCallsAndAHandoff(page);
  const handoffs = (await t.app.api('handoff.list', {})) as { value: { rows: { id: string; leadId: string }[] } };
  expect(handoffs.value.rows).toHaveLength(1);
  const handoff = handoffs.value.rows[0]!;
  const waiting = (await t.app.api('sync.items', { state: 'pending' })) as { value: { items: { entity: string; entityId: string }[] } };
  const callIds = waiting.value.items.filter((i) => i.entity === 'call').map((i) => i.entityId);
  expect(callIds).toHaveLength(2);
  await expect.poll(() => syncIndicatorName(page), { timeout: 30_000 }).toMatch(/^同期: オフライン、送信待ち \d+ 件/);
  expect(hs.records('calls')).toEqual([]);

  // HubSpot is back; "sync now" drains the outbox.
  hs.setDown(false);
  await page.getByRole('button', { name: '同期', exact: true }).click();
  const syncScreen = page.getByRole('region', { name: '同期' });
  await syncScreen.getByRole('button', { name: '今すぐ同期' }).click();
  await expect.poll(() => syncIndicatorName(page), { timeout: 30_000 }).toMatch(/^同期: オンライン、送信待ち 0 件、最終同期 \d{2}:\d{2}$/);

  // In HubSpot: one call engagement per call, one deal and its note, each by Koma's id, associated.
  const hsCalls = byKomaId('calls');
  expect(hs.records('calls')).toHaveLength(2);
  const contacts = byKomaId('contacts');
  const companies = hs.records('companies');
  for (const callId of callIds) {
    const [call, ...more] = hsCalls.get(callId) ?? [];
    expect(more).toEqual([]);
    expect(call!.properties).toMatchObject({ hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED', hs_call_disposition: '73a0d17f-1163-4015-bdd5-ec830791da20', hubspot_owner_id: '31234567' });
    const [contactId] = hs.associated('calls', call!.id, 'contacts');
    expect(hs.associated('calls', call!.id, 'contacts')).toHaveLength(1);
    expect(hs.associated('calls', call!.id, 'companies')).toEqual(hs.associated('contacts', contactId!, 'companies'));
    expect(hs.associated('calls', call!.id, 'companies')).toHaveLength(1);
  }
  expect(hs.records('deals')).toHaveLength(1);
  const deal = byKomaId('deals').get(handoff.id)![0]!;
  expect(deal.properties).toMatchObject({ pipeline: 'default', dealstage: 'appointmentscheduled' });
  const handedOffContact = contacts.get(handoff.leadId)![0]!;
  expect(contacts.get(handoff.leadId)).toHaveLength(1);
  expect(handedOffContact.properties).toMatchObject({ hs_lead_status: 'OPEN_DEAL', lifecyclestage: 'salesqualifiedlead' });
  expect(hs.associated('deals', deal.id, 'contacts')).toEqual([handedOffContact.id]);
  expect(hs.associated('deals', deal.id, 'companies')).toEqual(hs.associated('contacts', handedOffContact.id, 'companies'));
  const notes = byKomaId('notes').get(handoff.id)!;
  expect(notes).toHaveLength(1);
  expect(hs.associated('notes', notes[0]!.id, 'deals')).toEqual([deal.id]);
  // Every contact and company once: Koma's ids are unique in the fake, and no record lacks one.
  for (const type of ['contacts', 'companies', 'calls', 'deals', 'notes'] as const) {
    const all = hs.records(type);
    expect(new Set(all.map((r) => r.properties.koma_id)).size).toBe(all.length);
  }
  expect(companies.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
