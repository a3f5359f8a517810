import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSalesforce, type FakeSalesforce } from '../fakes/fakeSalesforce';
import type { SyncHarness } from '../fakes/syncHarness';
import { repWorks, teamWork } from '../fakes/teamWork';
import { plainText, useApp } from './harness';
import { connectToFakeSalesforce, signInToFakeSalesforce } from './harness/salesforceSettings';

/**
 * A manager's Koma in Chromium (browser mode) shows three reps' figures: the reps' Komas (backends
 * in this process) planned call blocks, logged calls and handed off while Salesforce was down, then
 * synced to one strict fake org; the manager signs in through Settings, chooses manager mode and
 * the inside sales role, and opens the Team screen, which reads the org with aggregate queries.
 */
/** Tuesday 8 December 2026, 10:00 in Tokyo. */
const start = new Date('2026-12-08T01:00:00Z');
let fake: FakeSalesforce;
const reps: SyncHarness[] = [];

beforeAll(async () => {
  fake = await startFakeSalesforce({ now: () => new Date(start.getTime() + 30 * 60_000) });
  for (let i = 0; i < teamWork.length; i++) reps.push(await repWorks(fake, i, start));
}, 120_000);
afterAll(async () => {
  for (const h of reps) await h.close({ keepFake: true });
  await fake?.close();
});

const t = useApp({ at: new Date(start.getTime() + 60 * 60_000).toISOString(), viewport: { width: 1280, height: 720 } });

it('shows each rep’s dials, connects, planned コマ and handoffs as the org counts them', async () => {
  const { page, context, problems } = t.opened;
  const crm = await connectToFakeSalesforce(page, fake.url);
  fake.signInAs(fake.users.manager);
  await signInToFakeSalesforce(context, crm);

  const profile = page.getByRole('region', { name: 'プロフィール：担当者／マネージャー' });
  await profile.getByRole('radio', { name: 'マネージャー（チーム画面を使う）' }).check();
  await profile.getByRole('combobox', { name: 'チームの選び方' }).selectOption({ label: 'ロール' });
  await profile.getByRole('textbox', { name: 'Salesforce の ID（1行に1つ）' }).fill(fake.users.insideSalesRole);
  await profile.getByRole('spinbutton', { name: 'チームの今月の商談目標（件）' }).fill('12');
  await profile.getByRole('button', { name: '保存' }).click();
  await profile.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();

  await page.getByRole('navigation').getByRole('button', { name: 'チーム' }).click();
  const byRep = page.getByRole('region', { name: 'メンバー別' });
  await byRep.waitFor({ timeout: 20_000 });
  const rowOf = async (name: string) => (await byRep.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').allTextContents()).slice(0, 5);
  // dials, connects, conversations, appointments, opportunities — as the reps logged them.
  expect(await rowOf('高橋 健')).toEqual(['6', '3', '2', '2', '2']);
  expect(await rowOf('佐藤 美咲')).toEqual(['4', '2', '1', '1', '1']);
  expect(await rowOf('鈴木 大輔')).toEqual(['3', '0', '0', '0', '0']);
  expect(await rowOf('髙﨑 玲奈')).toEqual(['0', '0', '0', '0', '0']);
  expect(await byRep.getByRole('row', { name: /^チーム計/ }).getByRole('cell').first().textContent()).toBe('13');
  await expect.poll(() => plainText(page.getByText(/1回の更新で API リクエスト/))).toContain('8 件');
  expect(problems).toEqual([]);
});
