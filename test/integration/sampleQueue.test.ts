import { afterEach, beforeEach, expect, it } from 'vitest';
import { importSample } from '../helpers/imports';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

let temp: TempBackend;
beforeEach(() => {
  temp = createTempBackend();
});
afterEach(() => temp.close());

it('imported leads arrive scored and in queue order', async () => {
  const job = await importSample(temp);
  expect(job.result?.inserted).toBe(200);
  const page = await temp.call('callList.page', { limit: 500 });
  expect(page.total).toBe(200);
  const scores = page.rows.map((r) => r.score);
  expect(Math.max(...scores)).toBeGreaterThan(0);
  // Within a bucket the queue runs by score, highest first.
  const hot = page.rows.filter((r) => r.reason.code === 'hot').map((r) => r.score);
  expect(hot).toEqual([...hot].sort((a, b) => b - a));
  const detail = await temp.call('lead.get', { leadId: page.rows[0]!.id });
  expect(detail.score.total).toBe(page.rows[0]!.score);
  expect(detail.score.breakdown.reduce((sum, p) => sum + p.points, 0)).toBe(detail.score.total);
});
