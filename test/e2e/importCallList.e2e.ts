import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { useAppPerTest, type OpenedApp } from './harness';
import { repoRoot } from './harness/paths';

const t = useAppPerTest({ at: '2025-04-07T01:00:00.000Z' }); // Monday 10:00 in Tokyo, inside calling hours.

async function importFile(path: string) {
  const { page } = t.opened;
  await page.getByRole('button', { name: 'CSVをインポート' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('CSVファイル（UTF-8 / Shift_JIS）').setInputFiles(path);
  await dialog.getByRole('button', { name: 'インポート', exact: true }).click();
  await dialog.getByRole('heading', { name: 'インポートが完了しました' }).waitFor();
  return dialog;
}

const fact = (dialog: ReturnType<OpenedApp['page']['getByRole']>, label: string) =>
  dialog.locator('dl.facts div').filter({ has: dialog.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

it('imports the Shift_JIS sample through the UI, counts it, and finds a lead by search', async () => {
  const { page, problems } = t.opened;
  const dialog = await importFile(join(repoRoot, 'resources', 'sample-call-list.csv'));
  await expect.poll(() => fact(dialog, '新規追加').textContent()).toBe('200');
  await expect.poll(() => fact(dialog, '取り込めなかった行').textContent()).toBe('0');
  await dialog.getByRole('button', { name: '完了' }).click();

  await page.getByText('リード 200 件').waitFor();
  const search = page.getByRole('searchbox', { name: '会社名・氏名・電話番号で検索' });
  await search.fill('長谷川');
  await page.getByRole('cell', { name: '長谷川 隆' }).first().waitFor();
  await expect.poll(() => page.getByRole('cell', { name: 'アオバシステムズ株式会社' }).count()).toBeGreaterThan(0);
  await search.fill('045-000-1675');
  await page.getByRole('status').filter({ hasText: /^1 件$/ }).waitFor();
  expect(problems).toEqual([]);
});

it('imports the good rows of a file with bad rows and reports each bad row with its number and reason', async () => {
  const { page } = t.opened;
  const lines = [
    '会社名,氏名,電話番号,メール,従業員数',
    '株式会社テスト商事,山田 太郎,03-0000-0001,taro@example.co.jp,120',
    ',名無し 権兵衛,03-0000-0002,,10',
    '株式会社テスト商事,佐藤 花子,03-0000-0003,hanako@example,50',
    '北斗物流株式会社,鈴木 一郎,03-0000-0004,ichiro@example.co.jp,たくさん',
    '北斗物流株式会社,高橋 次郎,03-0000-0005,jiro@example.co.jp,3000',
  ];
  const path = join(t.scratch, 'bad-rows.csv');
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932'));
  const dialog = await importFile(path);
  await expect.poll(() => fact(dialog, '新規追加').textContent()).toBe('2');
  await expect.poll(() => fact(dialog, '取り込めなかった行').textContent()).toBe('3');
  const report = dialog.getByRole('table', { name: '取り込めなかった行' });
  const rows = report.getByRole('row');
  await expect.poll(() => rows.count()).toBe(4);
  expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('3');
  expect(await rows.nth(2).getByRole('cell').first().textContent()).toBe('4');
  expect(await rows.nth(3).getByRole('cell').first().textContent()).toBe('5');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'レポートを保存' }).click();
  const saved = await (await download).path();
  const text = (await import('node:fs')).readFileSync(saved!, 'utf8');
  expect(text).toContain('名無し 権兵衛');
  expect(text.split(/\r\n/).filter(Boolean)).toHaveLength(4);

  await dialog.getByRole('button', { name: '完了' }).click();
  await page.getByText('リード 2 件').waitFor();
  await page.getByRole('cell', { name: '高橋 次郎' }).waitFor();
});
