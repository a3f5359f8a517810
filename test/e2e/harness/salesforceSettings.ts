import type { BrowserContext, Locator, Page } from 'playwright-core';

/**
 * The rep's way to Salesforce, through Settings → CRM連携, against the fake CRM: save the fake's
 * login URL and the test client (any free loopback port for the callback), then sign in. Browser
 * mode shows the sign-in page as a link; the fake approves and redirects to Koma's loopback callback.
 */

/** Opens Settings and saves the connection to the fake; returns the CRM section. */
export async function connectToFakeSalesforce(page: Page, loginUrl: string): Promise<Locator> {
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const crmSection = page.getByRole('region', { name: 'CRM連携' });
  await crmSection.getByRole('radio', { name: 'Salesforce' }).check();
  await crmSection.getByRole('textbox', { name: 'ログインURL' }).fill(loginUrl);
  await crmSection.getByRole('textbox', { name: 'コンシューマー鍵（クライアントID）' }).fill('koma-test-client');
  await crmSection.getByRole('textbox', { name: 'コールバックのポート' }).fill('0');
  await crmSection.getByRole('button', { name: '保存' }).click();
  await crmSection.getByRole('status').filter({ hasText: 'CRM連携の設定を保存しました' }).waitFor();
  return page.getByRole('region', { name: 'CRM連携' });
}

/** Signs in from the CRM section; resolves with the authorize URL once the section says signed in. */
export async function signInToFakeSalesforce(context: BrowserContext, crmSection: Locator): Promise<string> {
  await crmSection.getByRole('button', { name: 'Salesforceにサインイン' }).click();
  const authorizeUrl = (await crmSection.getByRole('link', { name: 'Salesforceのサインインページを開く' }).getAttribute('href'))!;
  const signInPage = await context.newPage();
  await signInPage.goto(authorizeUrl);
  await signInPage.close();
  await crmSection.getByRole('status').filter({ hasText: 'サインイン済み' }).waitFor({ timeout: 15_000 });
  return authorizeUrl;
}

/** The header's sync indicator, as its accessible name reads. */
export async function syncIndicatorName(page: Page): Promise<string> {
  return (await page.getByRole('banner').getByRole('status', { name: /^同期: / }).getAttribute('aria-label')) ?? '';
}
