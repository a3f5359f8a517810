import { afterEach, describe, expect, it } from 'vitest';
import { startFakeKintone, type FakeKintone, type FakeKintoneOptions } from '../fakes/fakeKintone';

/** The strict fake kintone refuses what kintone refuses (each rule's page is cited in the fake). */
let kt: FakeKintone;

afterEach(async () => {
  await kt?.close();
});

async function start(options: FakeKintoneOptions = {}) {
  kt = await startFakeKintone(options);
  return kt;
}

async function call(method: string, path: string, token: string | null, body?: unknown, query?: Record<string, string>) {
  const url = new URL(path, kt.url);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { 'X-Cybozu-API-Token': token } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const upsert = (app: string, records: { key: string; record: Record<string, unknown> }[]) => ({
  app,
  upsert: true,
  records: records.map((r) => ({ updateKey: { field: 'koma_id', value: r.key }, record: r.record })),
});

describe('fake kintone: tokens', () => {
  it('takes each app’s token, several comma-separated; another app’s token is GAIA_IA02, none is CB_AU01', async () => {
    await start();
    const ok = await call('GET', '/k/v1/app/form/fields.json', `${kt.tokens.calls},${kt.tokens.leads}`, undefined, { app: kt.apps.leads });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body.properties as object)).toContain('koma_id');
    const other = await call('GET', '/k/v1/app/form/fields.json', kt.tokens.calls, undefined, { app: kt.apps.leads });
    expect(other).toMatchObject({ status: 400, body: { code: 'GAIA_IA02' } });
    expect(typeof other.body.id).toBe('string');
    expect(typeof other.body.message).toBe('string');
    expect((await call('GET', '/k/v1/app/form/fields.json', null, undefined, { app: kt.apps.leads })).body.code).toBe('CB_AU01');
  });

  it('a token without the add permission cannot upsert (GAIA_NO01), and one without edit cannot update', async () => {
    await start({ permissions: { leads: ['view', 'edit'], calls: ['view', 'add'] } });
    expect((await call('PUT', '/k/v1/records.json', kt.tokens.leads, upsert(kt.apps.leads, [{ key: 'lead-1', record: { 姓: { value: '髙橋' } } }]))).body.code).toBe('GAIA_NO01');
    expect((await call('PUT', '/k/v1/records.json', kt.tokens.calls, upsert(kt.apps.calls, [{ key: 'call-1', record: {} }]))).body.code).toBe('GAIA_NO01');
  });
});

describe('fake kintone: writes', () => {
  it('upserts by a unique field: the same key twice is one record, updated', async () => {
    await start();
    const first = await call('PUT', '/k/v1/records.json', kt.tokens.leads, upsert(kt.apps.leads, [{ key: 'lead-1', record: { 姓: { value: '髙橋' }, 会社名: { value: '株式会社ミナト' } } }]));
    expect(first.body.records).toEqual([{ id: '1', revision: '1', operation: 'INSERT' }]);
    const again = await call('PUT', '/k/v1/records.json', kt.tokens.leads, upsert(kt.apps.leads, [{ key: 'lead-1', record: { 姓: { value: '﨑山' } } }]));
    expect(again.body.records).toEqual([{ id: '1', revision: '2', operation: 'UPDATE' }]);
    expect(kt.records('leads')).toHaveLength(1);
    expect(kt.records('leads')[0]!.values).toMatchObject({ 姓: '﨑山', 会社名: '株式会社ミナト', koma_id: 'lead-1' });
  });

  it('refuses an updateKey field that does not prohibit duplicates, more than 100 records, and wrong types (CB_VA01 with the record’s path)', async () => {
    await start({ notUnique: ['calls'] });
    const notUnique = await call('PUT', '/k/v1/records.json', kt.tokens.calls, upsert(kt.apps.calls, [{ key: 'c1', record: {} }]));
    expect(notUnique).toMatchObject({ status: 400, body: { code: 'CB_VA01' } });
    expect(Object.keys(notUnique.body.errors as object)).toEqual(['records[0].updateKey.field']);
    const many = Array.from({ length: 101 }, (_, i) => ({ key: `lead-${i}`, record: {} }));
    expect((await call('PUT', '/k/v1/records.json', kt.tokens.leads, upsert(kt.apps.leads, many))).body.errors).toHaveProperty('records');
    const cases: [string, Record<string, unknown>, string][] = [
      ['number as a JSON number', { 通話秒数: { value: 180 } }, '通話秒数'],
      ['number with full-width digits', { 通話秒数: { value: '１８０' } }, '通話秒数'],
      ['datetime with milliseconds', { 日時: { value: '2026-12-01T09:00:00.000Z' } }, '日時'],
      ['datetime without a zone', { 日時: { value: '2026-12-01T09:00:00' } }, '日時'],
      ['a drop-down option that does not exist', { 結果: { value: '不通' } }, '結果'],
    ];
    // With the unique flag on, each value is checked and the refusal names the record.
    await kt.close();
    kt = await startFakeKintone();
    for (const [, record, code] of cases) {
      const refused = await call('PUT', '/k/v1/records.json', kt.tokens.calls, upsert(kt.apps.calls, [{ key: 'ok', record: { 件名: { value: 'ok' } } }, { key: 'bad', record }]));
      expect(refused.body.code).toBe('CB_VA01');
      expect(Object.keys(refused.body.errors as object)).toEqual([`records[1].${code}.value`]);
    }
    expect(kt.records('calls')).toHaveLength(0);
  });

  it('ignores field codes the app does not have, as the docs say (the setup check is what catches them)', async () => {
    await start({ missing: { leads: ['役職'] } });
    await call('PUT', '/k/v1/records.json', kt.tokens.leads, upsert(kt.apps.leads, [{ key: 'lead-1', record: { 姓: { value: '髙橋' }, 役職: { value: '部長' } } }]));
    expect(kt.records('leads')[0]!.values).not.toHaveProperty('役職');
    expect(kt.ignored).toEqual(['leads.役職']);
  });

  it('a bulk request of up to 20 is all or nothing: one refused record stores none, and its element names it', async () => {
    await start();
    const requests = [
      { method: 'PUT', api: '/k/v1/records.json', payload: upsert(kt.apps.leads, [{ key: 'lead-1', record: { 姓: { value: '髙橋' } } }]) },
      { method: 'PUT', api: '/k/v1/records.json', payload: upsert(kt.apps.calls, [{ key: 'call-1', record: { 結果: { value: '不通' } } }]) },
    ];
    const refused = await call('POST', '/k/v1/bulkRequest.json', `${kt.tokens.leads},${kt.tokens.calls}`, { requests });
    expect(refused.status).toBe(400);
    expect(refused.body.results).toEqual([{}, expect.objectContaining({ code: 'CB_VA01', errors: { 'records[0].結果.value': { messages: ['"不通"は選択肢にありません。'] } } })]);
    expect(kt.records('leads')).toHaveLength(0);
    const tooMany = await call('POST', '/k/v1/bulkRequest.json', kt.tokens.leads, { requests: Array.from({ length: 21 }, () => requests[0]) });
    expect(tooMany.body.code).toBe('CB_VA01');
    requests[1]!.payload = upsert(kt.apps.calls, [{ key: 'call-1', record: { 結果: { value: '不在' } } }]);
    const ok = await call('POST', '/k/v1/bulkRequest.json', `${kt.tokens.leads},${kt.tokens.calls}`, { requests });
    expect(ok.status).toBe(200);
    expect((ok.body.results as unknown[]).length).toBe(2);
    expect(kt.records('calls')).toHaveLength(1);
  });
});

describe('fake kintone: reads', () => {
  it('limit at most 500, offset at most 10,000; unknown fields in a query are refused; keyset on 更新日時 and $id', async () => {
    await start();
    const ids = Array.from({ length: 12 }, (_, i) => kt.put('leads', { 姓: `髙橋${i}`, 担当者: [{ code: 'sato' }] }));
    kt.stamp('leads', ids.slice(0, 10), '2026-12-01T09:00:00Z');
    kt.stamp('leads', ids.slice(10), '2026-12-01T09:01:00Z');
    const get = (query: string) => call('GET', '/k/v1/records.json', kt.tokens.leads, undefined, { app: kt.apps.leads, query });
    expect((await get('limit 501')).body.code).toBe('GAIA_QU01');
    expect((await get('offset 10001')).body.code).toBe('GAIA_QU02');
    expect((await get('部署 = "営業"')).body.code).toBe('GAIA_IQ11');
    expect((await get('姓 = ')).body.code).toBe('GAIA_IQ03');
    const page = await get('担当者 in ("sato") and (更新日時 > "2026-12-01T09:00:00Z" or (更新日時 = "2026-12-01T09:00:00Z" and $id > 9)) order by 更新日時 asc, $id asc limit 500');
    expect((page.body.records as { $id: { value: string } }[]).map((r) => r.$id.value)).toEqual(['10', '11', '12']);
  });

  it('the cursor API pages a query in sizes of at most 500 and deletes a cursor read to its end', async () => {
    await start();
    for (let i = 0; i < 7; i++) kt.put('leads', { 姓: `髙橋${i}` });
    const made = await call('POST', '/k/v1/records/cursor.json', kt.tokens.leads, { app: kt.apps.leads, query: 'order by $id asc', size: 5 });
    expect(made.body.totalCount).toBe('7');
    const first = await call('GET', '/k/v1/records/cursor.json', kt.tokens.leads, undefined, { id: String(made.body.id) });
    expect(first.body).toMatchObject({ next: true });
    const second = await call('GET', '/k/v1/records/cursor.json', kt.tokens.leads, undefined, { id: String(made.body.id) });
    expect(second.body).toMatchObject({ next: false });
    expect(kt.stats.openCursors).toBe(0);
    expect((await call('POST', '/k/v1/records/cursor.json', kt.tokens.leads, { app: kt.apps.leads, query: 'limit 10', size: 5 })).body.code).toBe('GAIA_CU01');
    expect((await call('POST', '/k/v1/records/cursor.json', kt.tokens.leads, { app: kt.apps.leads, query: '', size: 501 })).body.code).toBe('CB_VA01');
  });
});
