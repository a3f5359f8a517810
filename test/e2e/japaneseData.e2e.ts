import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { useAppPerTest, type OpenedApp } from './harness';

const t = useAppPerTest({ at: '2025-04-07T01:00:00.000Z' });

/** The call list's own count (the header counts every lead). */
const listCount = (page: OpenedApp['page'], n: number) => page.getByRole('status').filter({ hasText: new RegExp(`^${n} 件$`) });

const fact = (dialog: ReturnType<OpenedApp['page']['getByRole']>, label: string) =>
  dialog.locator('dl.facts div').filter({ has: dialog.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

it('imports a Shift_JIS file with readings and a shared switchboard through the UI, and finds a lead by its reading typed in hiragana', async () => {
  const { page, problems } = t.opened;
  // Readings before and after the names; two people on the company's main number; a blank row.
  const lines = [
    '姓（フリガナ）,名（フリガナ）,会社名,姓,名,電話番号,メールアドレス,会社名（フリガナ）',
    'ハセガワ,イチロウ,株式会社見本精機,長谷川,一郎,03-0000-0000,hasegawa@mihon.example.jp,ミホンセイキ',
    'タカハシ,タロウ,㈱見本精機,髙橋,太郎,03-0000-0000,takahashi@mihon.example.jp,ミホンセイキ',
    ',,,,,,,',
    'ヤマザキ,ハナコ,スズラン商事株式会社,山﨑,花子,06-1111-2222,,スズランショウジ',
  ];
  const path = join(t.scratch, 'readings.csv');
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932'));

  await page.getByRole('button', { name: 'CSVをインポート' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('CSVファイル（UTF-8 / Shift_JIS）').setInputFiles(path);
  // The readings are mapped to their own fields, not taken for the names.
  await expect.poll(() => dialog.getByLabel('姓（フリガナ）', { exact: true }).inputValue()).toBe('0');
  await expect.poll(() => dialog.getByLabel('姓', { exact: true }).inputValue()).toBe('3');
  await dialog.getByRole('button', { name: 'インポート', exact: true }).click();
  await dialog.getByRole('heading', { name: 'インポートが完了しました' }).waitFor();
  await expect.poll(() => fact(dialog, 'データ行').textContent()).toBe('4');
  await expect.poll(() => fact(dialog, '新規追加').textContent()).toBe('3');
  await expect.poll(() => fact(dialog, '空行（スキップ）').textContent()).toBe('1');
  await dialog.getByRole('button', { name: '完了' }).click();

  const search = page.getByRole('searchbox', { name: '会社名・氏名・電話番号で検索' });
  await search.fill('はせがわ');
  await listCount(page, 1).waitFor();
  const cell = page.getByRole('cell', { name: /長谷川 一郎/ });
  await expect.poll(() => cell.locator('rt').textContent()).toBe('ハセガワ イチロウ');

  // Both people at the shared number are there, under one company.
  await search.fill('みほんせいき');
  await listCount(page, 2).waitFor();
  // The list keeps the last search's rows (both people) until this one's answer: wait for the
  // answer (one row), or the click could land on 長谷川 before it is replaced.
  await search.fill('高橋');
  await listCount(page, 1).waitFor();
  const takahashi = page.getByRole('cell', { name: /髙橋 太郎/ });
  await expect.poll(() => page.getByRole('cell', { name: /長谷川 一郎/ }).count()).toBe(0);
  await takahashi.click();
  const heading = page.getByRole('heading', { level: 2, name: /髙橋 太郎/ });
  await expect.poll(() => heading.locator('rt').textContent()).toBe('タカハシ タロウ');
  // The number both people were given is the company's switchboard (代表電話) in the prep.
  await expect.poll(() => page.locator('.company-facts').textContent()).toMatch(/代表電話\s*03-?0000-?0000/);
  expect(problems).toEqual([]);
});

type Ok<T> = { ok: true; value: T };
async function api<T>(command: string, input: unknown): Promise<T> {
  const result = (await t.app.api(command, input)) as Ok<T> | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`${command}: ${JSON.stringify(result.error)}`);
  return result.value;
}

it('lists two leads that may be one person after an import, and merges them on the duplicates screen with every call and hearing kept', async () => {
  const { page, problems } = t.opened;
  const path = join(t.scratch, 'pair.csv');
  writeFileSync(
    path,
    ['会社名,氏名,フリガナ,メールアドレス', '株式会社見本精機,佐藤 健,サトウ ケン,ken@mihon.example.jp', '株式会社見本精機,佐藤 健,,ken.sato@mihon.example.jp'].join('\r\n'),
  );
  // Both leads already have history: a hearing and a call each (entered through the API to keep the test on the merge).

  await page.getByRole('button', { name: 'CSVをインポート' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('CSVファイル（UTF-8 / Shift_JIS）').setInputFiles(path);
  await dialog.getByRole('button', { name: 'インポート', exact: true }).click();
  await dialog.getByRole('heading', { name: 'インポートが完了しました' }).waitFor();
  await dialog.getByText('重複の可能性: 1 組').waitFor();

  const ids = (await api<{ rows: { id: string }[] }>('callList.page', { search: '佐藤' })).rows.map((r) => r.id);
  expect(ids).toHaveLength(2);
  for (const [i, leadId] of ids.entries()) {
    await api('hearing.save', { leadId, hearing: { budget: { status: 'planned', amount: 1_000_000 * (i + 1) }, authority: {}, need: {}, timeline: {} } });
    await api('calls.log', { leadId, startedAt: `2025-04-07T00:0${i}:00.000Z`, endedAt: `2025-04-07T00:0${i}:30.000Z`, outcome: 'connected', notes: `通話${i + 1}` });
  }

  await dialog.getByRole('button', { name: '重複の可能性を確認' }).click();
  const review = page.getByRole('dialog', { name: '重複の可能性があるリード' });
  await review.getByText('1 組').waitFor();
  await expect.poll(() => review.getByText('架電 1 件・ヒアリング 1 件').count()).toBe(2);
  await review.getByRole('button', { name: '佐藤 健（ken@mihon.example.jp） に統合' }).click();
  await review.getByText('0 組').waitFor();
  await review.getByRole('button', { name: '閉じる' }).first().click();

  // One 佐藤 健 left to work; the other stays findable, excluded as a duplicate. (Both were called,
  // so neither is in today's list: they are found through the search over all leads.)
  type Found = { rows: { id: string; status: string }[] };
  const found = (await api<Found>('leads.search', { search: '佐藤' })).rows;
  expect(found.map((r) => r.status).sort()).toEqual(['excluded', 'working'].sort());
  const kept = found.find((r) => r.status !== 'excluded')!.id;
  // The kept lead's history is complete: both calls, both hearings in order, the merge recorded on the other.
  const detail = await api<{ timeline: { kind: string; leadId: string; notes?: string }[] }>('lead.get', { leadId: kept });
  expect(detail.timeline.filter((i) => i.kind === 'call').map((i) => i.notes).sort()).toEqual(['通話1', '通話2']);
  const hearing = await api<{ history: { version: number }[] }>('hearing.get', { leadId: kept, version: null });
  expect(hearing.history.map((h) => h.version).sort()).toEqual([1, 2]);

  await page.getByRole('button', { name: /すべてのリードを検索/ }).click();
  const finder = page.getByRole('dialog', { name: 'すべてのリードを検索' });
  // The kept lead carries the reading the other row lacked: found by it in hiragana.
  await finder.getByLabel('名前・会社・電話・メールで検索').fill('さとう');
  await finder.getByRole('status').filter({ hasText: '1件' }).waitFor();
  await finder.getByRole('button', { name: /佐藤 健/ }).filter({ hasNotText: '除外' }).click();
  await page.getByRole('heading', { level: 2, name: /佐藤 健/ }).waitFor();
  await expect.poll(() => page.getByText('通話1').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText('通話2').count()).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
