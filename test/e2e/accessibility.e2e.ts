import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { repoRoot } from './harness/paths';
import { openWeekPage, settled, useSeededWeek } from './harness/seededWeekScreens';

/**
 * axe-core on every screen of a realistic week, in Japanese and in English: 0 serious or critical
 * violations. Each screen is reached the way a rep reaches it (Alt+number, N, the buttons).
 */
const week = useSeededWeek();

const words = {
  ja: { next: '次のリードを開く', handoff: '商談化してトスアップ', importCsv: 'CSVをインポート', file: 'CSVファイル（UTF-8 / Shift_JIS）', close: '閉じる', discard: '破棄して閉じる' },
  en: { next: 'Open the next lead', handoff: 'Hand off to field sales', importCsv: 'Import CSV', file: 'CSV file (UTF-8 or Shift_JIS)', close: 'Close', discard: 'Discard and close' },
} as const;

async function screen(page: Page, key: string) {
  await page.locator('body').press(`Alt+${key}`);
  await settled(page);
}

describe.each(['ja', 'en'] as const)('axe-core in %s', (language) => {
  it('finds no serious or critical violation on any screen', async () => {
    const { context, page } = await openWeekPage(week, { language, width: 1280, height: 720 });
    try {
      const w = words[language];
      const found: string[] = [];
      const check = async (name: string) => found.push(...(await axeViolations(page, `${language} ${name}`)));

      await check('call screen, no lead open');
      await page.getByRole('button', { name: new RegExp(w.next) }).click();
      await settled(page);
      await check('call screen with lead, company prep and hearing');

      await page.getByRole('button', { name: w.handoff, exact: true }).click();
      const handoff = page.getByRole('dialog');
      await handoff.waitFor();
      await settled(page);
      await check('handoff dialog');
      await handoff.getByRole('button', { name: w.close, exact: true }).click();
      await handoff.waitFor({ state: 'detached' });

      for (const [key, name] of [
        ['2', 'handoff list'],
        ['3', 'planner'],
        ['4', 'dashboard'],
        ['5', 'sync'],
        ['6', 'settings (all sections)'],
      ] as const) {
        await screen(page, key);
        await check(name);
      }

      await page.getByRole('button', { name: w.importCsv }).first().click();
      const importDialog = page.getByRole('dialog');
      await check('import dialog, file step');
      await importDialog.getByLabel(w.file).setInputFiles(join(repoRoot, 'resources', 'sample-call-list.csv'));
      await importDialog.getByRole('table').first().waitFor();
      await settled(page);
      await check('import dialog, mapping and preview');

      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
