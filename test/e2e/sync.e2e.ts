import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadSampleDataByClick, useApp } from './harness';
import { addFieldRep, logNoAnswer, nextLead, shownLead, twoCallsAndAHandoff } from './harness/offlineWork';
import { connectToFakeSalesforce, signInToFakeSalesforce, syncIndicatorName } from './harness/salesforceSettings';

/**
 * Offline-first against a fake Salesforce in its own process: connect and sign in through the
 * settings, work while the CRM is down (calls logged and a handoff, all through the UI), watch them
 * wait in the header, bring the CRM back, sync now, and find each exactly once in the CRM.
 */

/** Monday 7 April 2025, 10:00 in Tokyo. */
const start = new Date('2025-04-07T01:00:00.000Z');

const t = useApp({ at: start.toISOString(), crm: true, viewport: { width: 1440, height: 900 } });

const indicatorName = syncIndicatorName;
/** A screenshot of the page with the element at the top of its scrolling screen, for a visual check. */
async function shotOf(page: Page, element: Locator, path: string): Promise<void> {
  await element.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path });
}

async function settingsSection(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const section = page.getByRole('region', { name });
  await section.waitFor();
  return section;
}

it('works offline, shows what waits, and drains to the CRM exactly once when it is back', async () => {
  const { page, context, problems } = t.opened;
  await loadSampleDataByClick(page);
  await expect.poll(() => indicatorName(page)).toBe('同期: CRM未接続、送信待ち 0 件');

  // A field rep to hand off to.
  await addFieldRep(page);

  // The CRM connection: the fake's login URL, the test client, any free loopback port for the callback.
  const crmSection = await connectToFakeSalesforce(page, t.crm.url);
  await expect.poll(() => indicatorName(page)).toMatch(/^同期: Salesforce未サインイン/);
  const authorizeUrl = await signInToFakeSalesforce(context, crmSection);
  expect(authorizeUrl.startsWith(`${t.crm.url}/services/oauth2/authorize?`)).toBe(true);
  await expect.poll(() => indicatorName(page), { timeout: 15_000 }).toMatch(/^同期: オンライン、送信待ち 0 件/);
  await shotOf(page, crmSection, '/tmp/sync-settings.png');

  // The CRM goes away; the rep keeps working: two calls logged, then a handoff, all from the call screen.
  await t.crm.down();
  await twoCallsAndAHandoff(page);
  const handoffs = (await t.app.api('handoff.list', {})) as { value: { rows: { id: string; leadName: string }[] } };
  expect(handoffs.value.rows).toHaveLength(1);
  const handedOff = handoffs.value.rows[0]!.leadName;

  // The header says it: offline, with everything waiting.
  await expect.poll(() => indicatorName(page), { timeout: 20_000 }).toMatch(/^同期: オフライン、送信待ち \d+ 件/);
  const waiting = (await t.app.api('sync.items', { state: 'pending' })) as { value: { items: { entity: string; entityId: string }[] } };
  const callIds = waiting.value.items.filter((i) => i.entity === 'call').map((i) => i.entityId);
  const handoffIds = waiting.value.items.filter((i) => i.entity === 'handoff').map((i) => i.entityId);
  expect(callIds).toHaveLength(2);
  expect(handoffIds).toEqual([handoffs.value.rows[0]!.id]);
  // The indicator refreshes on its own schedule: wait until it counts every row the outbox holds.
  await expect.poll(() => indicatorName(page), { timeout: 20_000 }).toContain(`送信待ち ${waiting.value.items.length} 件`);

  // The sync screen lists them, with the handoff among them.
  await page.getByRole('button', { name: '同期', exact: true }).click();
  const syncScreen = page.getByRole('region', { name: '同期' });
  const pendingTable = syncScreen.getByRole('table', { name: /送信待ち/ });
  await pendingTable.getByRole('row').filter({ hasText: 'トスアップ' }).filter({ hasText: handedOff }).waitFor();
  expect(await pendingTable.getByRole('row').filter({ hasText: '架電記録' }).count()).toBe(2);
  await page.screenshot({ path: '/tmp/sync.png' });

  // The CRM is back; "sync now" drains the outbox.
  await t.crm.up();
  await syncScreen.getByRole('button', { name: '今すぐ同期' }).click();
  await expect.poll(() => indicatorName(page), { timeout: 30_000 }).toMatch(/^同期: オンライン、送信待ち 0 件、最終同期 \d{2}:\d{2}$/);
  await syncScreen.getByText('送信待ちの項目はありません。').waitFor();
  await page.screenshot({ path: '/tmp/sync-drained.png' });

  // In the CRM: each handoff and each call exactly once, under Koma's own ids.
  const tasks = await t.crm.records('Task');
  for (const callId of callIds) expect(tasks.filter((t) => t.Koma_Id__c === callId)).toHaveLength(1);
  expect(tasks).toHaveLength(callIds.length);
  const opportunities = await t.crm.records('Opportunity');
  expect(opportunities.filter((o) => o.Koma_Id__c === handoffIds[0])).toHaveLength(1);
  expect(opportunities).toHaveLength(1);
  expect(String(opportunities[0]!.Name)).toContain(handedOff);

  // A call the org's validation rule refuses: it needs attention with Salesforce's message, the rep corrects the notes, it goes through.
  await t.crm.addFaults({ kind: 'validation', sobject: 'Task', when: { field: 'Description', contains: '個人携帯' }, message: '通話メモに個人の連絡先を書かないでください', count: 100 });
  await page.getByRole('button', { name: 'コール', exact: true }).click();
  // The call screen still shows the lead just handed off: on to the next one.
  const qualified = await shownLead(page);
  await page.keyboard.press('n');
  await nextLead(page, qualified);
  await page.keyboard.press('m');
  await page.keyboard.type('個人携帯 090-0000-0000 に折り返し希望');
  await page.keyboard.press('Escape');
  await logNoAnswer(page);
  await page.getByRole('banner').getByRole('button', { name: '要対応 1 件' }).click({ timeout: 20_000 });
  const attentionTable = syncScreen.getByRole('table', { name: /要対応/ });
  const refusedRow = attentionTable.getByRole('row').filter({ hasText: '架電記録' });
  await refusedRow.filter({ hasText: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: 通話メモに個人の連絡先を書かないでください' }).waitFor();
  const refusedCall = ((await t.app.api('sync.items', { state: 'attention' })) as { value: { items: { entityId: string }[] } }).value.items[0]!.entityId;
  await refusedRow.getByRole('button', { name: /を修正$/ }).click();
  const editDialog = page.getByRole('dialog', { name: '送信内容を修正' });
  const notes = editDialog.getByRole('textbox', { name: 'メモ' });
  expect(await notes.inputValue()).toBe('個人携帯 090-0000-0000 に折り返し希望');
  await page.screenshot({ path: '/tmp/sync-edit.png' });
  await notes.fill('代表電話に折り返し希望');
  await editDialog.getByRole('button', { name: '修正して再送' }).click();
  await editDialog.waitFor({ state: 'detached' });
  await expect.poll(() => indicatorName(page), { timeout: 20_000 }).toMatch(/^同期: オンライン、送信待ち 0 件、最終同期/);
  const corrected = (await t.crm.records('Task')).filter((t) => t.Koma_Id__c === refusedCall);
  expect(corrected).toHaveLength(1);
  expect(corrected[0]!.Description).toContain('代表電話に折り返し希望');

  // The webhook form, for a look at its write-only secret (not saved).
  const webhookSection = await settingsSection(page, 'CRM連携');
  await webhookSection.getByRole('radio', { name: '署名付きWebhook' }).check();
  await webhookSection.getByRole('button', { name: 'シークレットを置き換える' }).click();
  await webhookSection.getByText('署名ヘッダー（Standard Webhooks）').click();
  await shotOf(page, webhookSection, '/tmp/sync-webhook.png');
  // A smaller laptop screen: the header still holds the indicator.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('banner').screenshot({ path: '/tmp/sync-header-1280.png' });
  expect(await page.getByRole('banner').getByRole('status', { name: /^同期: / }).isVisible()).toBe(true);
  expect(problems).toEqual([]);
});
