import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { callListPageSql } from '../../electron/backend/app/callList/queries';
import type { CommandOutput } from '../../shared/contract';
import type { CallListRow } from '../../shared/contract/leads';
import { manualClock, sequentialIds } from '../../shared/domain/clock';
import { seedLeads, type LeadSeed } from '../helpers/seedLeads';
import { testDatabaseKey } from '../helpers/testKey';

const now = new Date('2026-11-23T01:00:00.000Z');
let dir: string;
let backend: Backend;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koma-list-'));
  backend = createBackend({ dataDir: dir, resourcesDir: dir, mode: 'browser', databaseKey: testDatabaseKey, version: 'test', clock: manualClock(now), ids: sequentialIds() });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const seed = (leads: LeadSeed[]) => seedLeads(backend, leads);

async function page(input: { search?: string; offset?: number; limit?: number }): Promise<CommandOutput<'callList.page'>> {
  const result = await backend.dispatch('callList.page', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<'callList.page'>;
}

const names = (rows: CallListRow[]) => rows.map((r) => r.fullName);

describe('callList.page', () => {
  it('lists callable leads by score, leaving out excluded, qualified, do-not-call and not-yet-due recycles', async () => {
    seed([
      { company: '株式会社サクラテック', name: '山田 太郎', score: 50 },
      { company: '株式会社サクラテック', name: '佐藤 花子', score: 80, status: 'working' },
      { company: '北斗物流株式会社', name: '鈴木 一郎', score: 70, status: 'excluded' },
      { company: '北斗物流株式会社', name: '高橋 次郎', score: 90, status: 'qualified' },
      { company: '北斗物流株式会社', name: '田中 三郎', score: 99, doNotCall: true },
      { company: '青葉商事', name: '伊藤 四郎', score: 60, status: 'recycled', recycleUntil: '2026-11-22T00:00:00.000Z' },
      { company: '青葉商事', name: '渡辺 五郎', score: 65, status: 'recycled', recycleUntil: '2027-02-23T00:00:00.000Z' },
      { company: '青葉商事', name: '中村 六子', score: 10, status: 'callback' },
    ]);
    const result = await page({});
    expect(result.total).toBe(4);
    expect(names(result.rows)).toEqual(['佐藤 花子', '伊藤 四郎', '山田 太郎', '中村 六子']);
    expect(result.rows[0]).toMatchObject({ companyName: '株式会社サクラテック', status: 'working', score: 80 });
  });

  it.each([
    ['company', 'サクラ', ['佐藤 花子', '山田 太郎']],
    ['half-width company', 'ｻｸﾗ', ['佐藤 花子', '山田 太郎']],
    ['person without the space', '山田太郎', ['山田 太郎']],
    ['phone with hyphens', '1234-5678', ['山田 太郎']],
    ['phone digits', '0312345678', ['山田 太郎']],
    ['LIKE wildcard taken literally', '%', []],
    ['nothing', '存在しない', []],
  ])('searches by %s', async (_case, search, expected) => {
    seed([
      { company: '株式会社サクラテック', name: '山田 太郎', phone: '03-1234-5678', score: 50 },
      { company: '株式会社サクラテック', name: '佐藤 花子', phone: '06-9999-0000', score: 80 },
      { company: '北斗物流株式会社', name: '鈴木 一郎', score: 70 },
    ]);
    const result = await page({ search });
    expect(names(result.rows)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('caps the count of a search at 1,000 and says so', async () => {
    seed(Array.from({ length: 1_200 }, (_, i) => ({ company: `株式会社サクラ${i}`, name: `リード ${i}`, score: i % 100 })));
    expect(await page({ search: 'サクラ', limit: 10 })).toMatchObject({ total: 1000, totalCapped: true });
    expect(await page({ search: 'サクラ1', limit: 10 })).toMatchObject({ total: 311, totalCapped: false });
    expect(await page({ limit: 10 })).toMatchObject({ total: 1200, totalCapped: false });
  });

  it('pages through the list with offset and limit', async () => {
    seed(Array.from({ length: 250 }, (_, i) => ({ company: `会社${i % 7}`, name: `リード ${i}`, score: 1000 - i })));
    const first = await page({ limit: 100 });
    const third = await page({ offset: 200, limit: 100 });
    expect(first.total).toBe(250);
    expect(first.rows).toHaveLength(100);
    expect(third.rows).toHaveLength(50);
    expect(third.rows[0]!.fullName).toBe('リード 200');
  });

  it('walks the queue index for a page instead of sorting the whole table', () => {
    const { db } = backend.context;
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${callListPageSql}`)
      .all({ pattern: null, source: null, limit: 100, offset: 0 }) as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/(SCAN|SEARCH) l USING INDEX leads_queue/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
