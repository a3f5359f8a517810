import { describe, expect, it } from 'vitest';
import { clippedText, overlappingText } from './harness/clipping';
import { openWeekPage, settled, useSeededWeek } from './harness/seededWeekScreens';

/**
 * No clipped text, and no text drawn over other text (a reading's ruby over the row above it),
 * where a rep looks all day: the call list (with a lead open beside it), the header and the
 * dashboard, on a 13-inch laptop at 150 % in Japanese (1280×720) and at 1440×900 in English, on a
 * realistic week (the sample list's longest company names included).
 */
const week = useSeededWeek();

describe.each([
  { language: 'ja', width: 1280, height: 720, next: '次のリードを開く' },
  { language: 'en', width: 1440, height: 900, next: 'Open the next lead' },
] as const)('at $width×$height in $language', ({ language, width, height, next }) => {
  it('cuts no text and draws none over another in the call list, the lead, the header or the dashboard', async () => {
    const { context, page } = await openWeekPage(week, { language, width, height });
    try {
      await page.getByRole('button', { name: new RegExp(next) }).click();
      await settled(page);
      const found = [...(await clippedText(page, '.call-list')), ...(await clippedText(page, '.app-header'))];
      found.push(...(await overlappingText(page, '.call-list')), ...(await overlappingText(page, '.app-header')), ...(await overlappingText(page, 'main')));

      // Scrolled to the list's end too: every row of the week is checked, not only the first screen.
      await page.locator('.call-list .grid-body').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await settled(page);
      found.push(...(await clippedText(page, '.call-list')), ...(await overlappingText(page, '.call-list')));

      await page.locator('body').press('Alt+4');
      await settled(page);
      await page.locator('.recharts-surface').first().waitFor();
      found.push(...(await clippedText(page, 'main')), ...(await clippedText(page, '.app-header')), ...(await overlappingText(page, 'main')));
      expect([...new Set(found)]).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
