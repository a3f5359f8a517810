import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { callListPageSql, callListSeekSql } from '../../electron/backend/app/callList/queries';
import type { CommandInput, CommandOutput } from '../../shared/contract';
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

async function page(input: CommandInput<'callList.page'>): Promise<CommandOutput<'callList.page'>> {
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

  it('pages by key: forward after a page, backward before one, the same page from its key, and the end', async () => {
    seed(Array.from({ length: 250 }, (_, i) => ({ company: `会社${i % 7}`, name: `リード ${i}`, score: 1000 - i })));
    const all = names((await page({ limit: 500 })).rows);
    const walked: string[] = [];
    let cursor: CommandInput<'callList.page'>['cursor'];
    for (let i = 0; i < 3; i++) {
      const p = await page({ limit: 100, offset: i * 100, count: false, ...(cursor ? { cursor } : {}) });
      expect(p.total).toBeUndefined();
      walked.push(...names(p.rows));
      if (p.lastKey) cursor = { kind: 'after', key: p.lastKey };
    }
    expect(walked).toEqual(all);
    const second = await page({ offset: 100, limit: 100 });
    expect(names(second.rows)).toEqual(all.slice(100, 200));
    expect(names((await page({ offset: 100, limit: 100, cursor: { kind: 'from', key: second.firstKey! } })).rows)).toEqual(all.slice(100, 200));
    expect(names((await page({ offset: 0, limit: 100, cursor: { kind: 'before', key: second.firstKey! } })).rows)).toEqual(all.slice(0, 100));
    expect(names((await page({ offset: 200, limit: 50, cursor: { kind: 'last' } })).rows)).toEqual(all.slice(200));
    expect((await page({ offset: 400, limit: 100 })).rows).toEqual([]);
  });

  it('pages a search by key too', async () => {
    seed(Array.from({ length: 30 }, (_, i) => ({ company: i % 2 ? `株式会社サクラ${i}` : `青葉${i}`, name: `リード ${i}`, score: 100 - i })));
    const first = await page({ search: 'サクラ', limit: 10 });
    const next = await page({ search: 'サクラ', limit: 10, offset: 10, cursor: { kind: 'after', key: first.lastKey! } });
    expect(first.total).toBe(15);
    expect(names([...first.rows, ...next.rows])).toEqual(names((await page({ search: 'サクラ', limit: 100 })).rows));
  });

  it('refuses a malformed cursor', async () => {
    const result = await backend.dispatch('callList.page', { cursor: { kind: 'after', key: { bucket: 1, sort: 0 } } });
    expect(result.ok).toBe(false);
  });

  const plan = (sql: string, params: Record<string, unknown>) =>
    (backend.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((p) => p.detail).join('\n');

  it.each(Object.entries(callListPageSql))('walks the queue index for a %s page instead of sorting the whole table', (_name, sql) => {
    const details = plan(sql, { pattern: null, source: null, limit: 100, bucket: 1, sort: 0, id: 'x' });
    expect(details).toMatch(/(SCAN|SEARCH) l USING INDEX leads_queue/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('seeks a key after a page with a range on the queue index, not a scan from the start', () => {
    expect(plan(callListPageSql.after, { pattern: null, source: null, limit: 100, bucket: 1, sort: 0, id: 'x' })).toMatch(/SEARCH l USING INDEX leads_queue \(/);
  });

  it('jumps to a position with no cursor, for the whole list and a source', async () => {
    seed(Array.from({ length: 120 }, (_, i) => ({ company: `会社${i % 7}`, name: `リード ${i}`, score: 1000 - i, source: i % 2 ? 'seminar' : 'web_inquiry' })));
    const all = names((await page({ limit: 500 })).rows);
    const seminar = names((await page({ limit: 500, source: 'seminar' })).rows);
    expect(names((await page({ offset: 70, limit: 10 })).rows)).toEqual(all.slice(70, 80));
    expect(names((await page({ offset: 30, limit: 10, source: 'seminar' })).rows)).toEqual(seminar.slice(30, 40));
  });

  it.each([null, 'seminar'])('counts to a jumped-to position through an index alone (source %s)', (source) => {
    expect(plan(callListSeekSql.plain, { source, offset: 50_000 })).toMatch(/USING COVERING INDEX leads_queue_seek/);
  });
});
