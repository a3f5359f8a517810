import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { leadPane } from './lead';
import { plainText } from './plainText';

/**
 * The rep's work the sync flows do while the CRM is away (ja), all through the UI: a field rep to
 * hand off to, calls logged with the keyboard, and a handoff from the hearing.
 */

export async function shownLead(page: Page): Promise<string> {
  return plainText(leadPane(page).getByRole('heading', { level: 2 }));
}

/** Resolves once another lead than `before` shows with a fresh call form. */
export async function nextLead(page: Page, before: string): Promise<void> {
  await expect.poll(() => shownLead(page), { timeout: 10_000 }).not.toBe(before);
  await expect.poll(() => leadPane(page).getByRole('radio', { name: '不在' }).isChecked()).toBe(false);
}

/** 2 = no answer, Ctrl+Enter = save and open the next lead. Resolves once the next one shows. */
export async function logNoAnswer(page: Page): Promise<void> {
  const before = await shownLead(page);
  const noAnswer = leadPane(page).getByRole('radio', { name: '不在' });
  // The shortcut works once the lead's call form is there.
  await noAnswer.waitFor({ state: 'attached' });
  await expect.poll(() => noAnswer.isEnabled()).toBe(true);
  await page.keyboard.press('2');
  await expect.poll(() => noAnswer.isChecked()).toBe(true);
  await page.keyboard.press('Control+Enter');
  await nextLead(page, before);
}

/** Settings → 営業担当者: adds 高橋 健 as the one field rep. */
export async function addFieldRep(page: Page): Promise<void> {
  await page.getByRole('button', { name: '設定', exact: true }).click();
  const reps = page.getByRole('region', { name: '営業担当者（トスアップ先）' });
  await reps.getByRole('button', { name: '担当者を追加' }).click();
  await reps.getByRole('textbox', { name: '1行目の氏名' }).fill('高橋 健');
  await reps.getByRole('textbox', { name: '1行目のメールアドレス' }).fill('takahashi@example.co.jp');
  await reps.getByRole('button', { name: '保存' }).click();
  await reps.getByRole('status').filter({ hasText: '営業担当者を保存しました' }).waitFor();
}

/** Hands the lead on screen off to 高橋 健 (BANT not all confirmed, so with a reason); resolves once done. */
export async function handOffShownLead(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'BANTヒアリング' }).getByRole('button', { name: '商談化してトスアップ' }).click();
  const dialog = page.getByRole('dialog', { name: '商談化してトスアップ' });
  await dialog.getByRole('combobox', { name: '営業担当者' }).selectOption({ label: '高橋 健 <takahashi@example.co.jp>' });
  await dialog.getByLabel('アポ日').fill('2025-04-10');
  await dialog.getByLabel('開始').fill('14:00');
  await dialog.getByRole('textbox', { name: '条件未達のままトスアップする理由' }).fill('決裁者から直接の依頼があったため');
  await dialog.getByRole('button', { name: 'トスアップする' }).click();
  await dialog.getByRole('heading', { name: 'トスアップしました' }).waitFor();
  await dialog.getByRole('button', { name: '閉じる' }).first().click();
}

/** From the call screen: opens the next lead (N), logs two no-answer calls, hands the third lead off. */
export async function twoCallsAndAHandoff(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'コール', exact: true }).click();
  await page.keyboard.press('n');
  // The lead's own header, not the empty state's level-2 heading (リードを開いていません).
  await leadPane(page).locator('.lead-header h2').waitFor();
  await logNoAnswer(page);
  await logNoAnswer(page);
  await handOffShownLead(page);
}
