import { expect, it } from 'vitest';
import { useApp } from './harness';
import { connectToFakeSalesforce, signInToFakeSalesforce, syncIndicatorName } from './harness/salesforceSettings';

/**
 * The Salesforce setup check in the real UI, against the fake Salesforce in its own process: right
 * after sign-in it has already run and sync is paused; an org without Koma's fields is listed item
 * by item; once the admin created them, a new check passes and sync resumes.
 */
const t = useApp({ crm: true, viewport: { width: 1280, height: 720 } });

const indicatorName = syncIndicatorName;

it('lists what an org without Koma’s fields lacks, pauses sync, and passes once the admin created them', async () => {
  const { page, context } = t.opened;
  await t.crm.setOptions({ komaFields: false });
  const crmSection = await connectToFakeSalesforce(page, t.crm.url);
  await signInToFakeSalesforce(context, crmSection);
  // The check ran by itself right after sign-in: sync is already paused, before any button.
  await expect.poll(() => indicatorName(page), { timeout: 15_000 }).toContain('Salesforceの設定が足りないため停止中');

  const setup = crmSection.getByRole('region', { name: '設定チェック' });
  await setup.getByRole('button', { name: 'Salesforceの設定を確認' }).click();
  await setup.getByRole('status').filter({ hasText: /必須の項目が \d+ 件足りません/ }).waitFor({ timeout: 15_000 });
  const list = setup.getByRole('list', { name: '設定チェック' });
  await list.getByRole('listitem').filter({ hasText: 'Activity の外部ID項目 Koma_Id__c: 活動（Activity）にテキスト(100)・外部ID・ユニークで作成してください' }).waitFor();
  await list.getByRole('listitem').filter({ hasText: 'Opportunity の項目 Koma_Budget_Status__c: 作成してください' }).waitFor();
  await list.getByRole('listitem').filter({ hasText: 'APIバージョン v67.0: OK' }).waitFor();
  await expect.poll(() => indicatorName(page), { timeout: 15_000 }).toContain('Salesforceの設定が足りないため停止中');
  await setup.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/sync-setup-check.png' });

  // The admin creates the fields; a new check passes and sync resumes.
  await t.crm.setOptions({ komaFields: true });
  await setup.getByRole('button', { name: 'Salesforceの設定を確認' }).click();
  await setup.getByRole('status').filter({ hasText: 'すべての項目がそろっています。同期できます。' }).waitFor({ timeout: 15_000 });
  await expect.poll(() => indicatorName(page), { timeout: 15_000 }).not.toContain('停止中');
  expect(t.opened.problems).toEqual([]);
});
