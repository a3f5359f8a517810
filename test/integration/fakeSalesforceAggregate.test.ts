import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeRest, signInToFake } from '../fakes/fakeClient';
import { startFakeSalesforce, type FakeSalesforce } from '../fakes/fakeSalesforce';

/**
 * The strict fake's aggregate queries (test/fakes/soqlAggregate.ts), Event rules and collection
 * deletes, spoken to over HTTP as Koma's team view and planner sync speak to it.
 */
let fake: FakeSalesforce;
let token: string;
const query = (soql: string) => fakeRest(fake, token, 'GET', `query?${new URLSearchParams({ q: soql }).toString()}`);
const records = (json: unknown) => (json as { records: Record<string, unknown>[] }).records;
const errorCode = (json: unknown) => (json as { errorCode: string }[])[0]!.errorCode;

beforeAll(async () => {
  fake = await startFakeSalesforce();
  token = await signInToFake(fake);
  const [a, b] = fake.users.reps;
  const task = (owner: string, day: string, disposition: string, slot: string | null) =>
    fake.insert('Task', { OwnerId: owner, Koma_Id__c: `t-${Math.random()}`, TaskSubtype: 'Call', CallDisposition: disposition, ActivityDate: day, Koma_Slot__c: slot, Status: 'Completed' });
  task(a!, '2026-11-30', 'connected', 's1');
  task(a!, '2026-11-30', 'no_answer', 's1');
  task(a!, '2026-12-01', 'no_answer', 's2');
  task(b!, '2026-12-01', 'connected', null);
});
afterAll(async () => fake?.close());

describe('aggregate queries', () => {
  it('GROUP BY OwnerId with COUNT and COUNT_DISTINCT, unaliased columns named expr0, expr1', async () => {
    const answer = await query('SELECT OwnerId, COUNT(Id), COUNT_DISTINCT(Koma_Slot__c) FROM Task WHERE Koma_Id__c != null GROUP BY OwnerId');
    expect(answer.status).toBe(200);
    expect((answer.json as { done: boolean }).done).toBe(true);
    const rows = records(answer.json);
    expect(rows).toContainEqual({ attributes: { type: 'AggregateResult' }, OwnerId: fake.users.reps[0], expr0: 3, expr1: 2 });
    expect(rows).toContainEqual({ attributes: { type: 'AggregateResult' }, OwnerId: fake.users.reps[1], expr0: 1, expr1: 0 });
  });

  it('an alias names its column; date functions group by day, month and the documented week of the year', async () => {
    const rows = records((await query('SELECT ActivityDate, CALENDAR_MONTH(ActivityDate), WEEK_IN_YEAR(ActivityDate) wk, COUNT(Id) n FROM Task WHERE ActivityDate >= 2026-11-30 GROUP BY ActivityDate, CALENDAR_MONTH(ActivityDate), WEEK_IN_YEAR(ActivityDate)')).json);
    // 2026-11-30 is day 334: week 48 (1 = January 1–7); 2026-12-01 is day 335: week 48 too.
    expect(rows).toContainEqual({ attributes: { type: 'AggregateResult' }, ActivityDate: '2026-11-30', expr0: 11, wk: 48, n: 2 });
    expect(rows).toContainEqual({ attributes: { type: 'AggregateResult' }, ActivityDate: '2026-12-01', expr0: 12, wk: 48, n: 2 });
  });

  it('DAY_ONLY groups a dateTime by its UTC date', async () => {
    const rows = records((await query('SELECT DAY_ONLY(CreatedDate), COUNT(Id) FROM Task GROUP BY DAY_ONLY(CreatedDate)')).json);
    expect(rows).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: new Date().toISOString().slice(0, 10), expr1: 4 }]);
  });

  it.each([
    ['a field neither grouped nor aggregated', 'SELECT OwnerId, CallDisposition, COUNT(Id) FROM Task GROUP BY OwnerId', 'MALFORMED_QUERY'],
    ['a long text field grouped', 'SELECT Description, COUNT(Id) FROM Task GROUP BY Description', 'INVALID_FIELD'],
    ['DAY_ONLY on a date field', 'SELECT DAY_ONLY(ActivityDate), COUNT(Id) FROM Task GROUP BY DAY_ONLY(ActivityDate)', 'INVALID_FIELD'],
    ['a date function on a text field', 'SELECT CALENDAR_MONTH(Subject), COUNT(Id) FROM Task GROUP BY CALENDAR_MONTH(Subject)', 'INVALID_FIELD'],
    ['LIMIT on an aggregate without GROUP BY', 'SELECT COUNT(Id) FROM Task LIMIT 1', 'MALFORMED_QUERY'],
    ['a function SOQL does not have', 'SELECT WEEK_START(ActivityDate), COUNT(Id) FROM Task GROUP BY WEEK_START(ActivityDate)', 'MALFORMED_QUERY'],
    ['an unknown field inside COUNT', 'SELECT COUNT(Nope__c) FROM Task', 'INVALID_FIELD'],
  ])('refuses %s', async (_name, soql, code) => {
    const answer = await query(soql);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe(code);
  });

  it('more than 2,000 grouped rows: refused, never a query locator', async () => {
    const owner = fake.users.reps[2]!;
    for (let i = 0; i < 2001; i++) fake.insert('Task', { OwnerId: owner, Koma_Id__c: `bulk-${i}`, Subject: `s${i}` });
    const answer = await query(`SELECT Subject, COUNT(Id) FROM Task WHERE OwnerId = '${owner}' GROUP BY Subject`);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('MALFORMED_QUERY');
    const fits = await query(`SELECT Subject, COUNT(Id) FROM Task WHERE OwnerId = '${owner}' AND Subject < 's2' GROUP BY Subject`);
    expect(fits.status).toBe(200);
    expect((fits.json as { nextRecordsUrl?: string }).nextRecordsUrl).toBeUndefined();
  });
});

describe('Event', () => {
  const upsert = (record: Record<string, unknown>) => fakeRest(fake, token, 'PATCH', 'composite/sobjects/Event/Koma_Id__c', { allOrNone: false, records: [{ attributes: { type: 'Event' }, ...record }] });
  const firstError = (json: unknown) => (json as { success: boolean; errors: { statusCode: string }[] }[])[0]!.errors[0]?.statusCode;

  it('a timed event needs a duration or an end, which must agree', async () => {
    expect(firstError((await upsert({ Koma_Id__c: 'e-1', Subject: 'コマ', ActivityDateTime: '2026-12-07T00:00:00Z' })).json)).toBe('REQUIRED_FIELD_MISSING');
    expect(firstError((await upsert({ Koma_Id__c: 'e-1', Subject: 'コマ', DurationInMinutes: 30 })).json)).toBe('REQUIRED_FIELD_MISSING');
    expect(firstError((await upsert({ Koma_Id__c: 'e-1', ActivityDateTime: '2026-12-07T00:00:00Z', DurationInMinutes: 30, EndDateTime: '2026-12-07T01:00:00Z' })).json)).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(fake.findByExternalId('Event', 'e-1')).toEqual([]);
    const ok = await upsert({ Koma_Id__c: 'e-1', Subject: 'コマ', ActivityDateTime: '2026-12-07T00:00:00Z', DurationInMinutes: 30, EndDateTime: '2026-12-07T00:30:00Z' });
    expect((ok.json as { success: boolean }[])[0]!.success).toBe(true);
    // Salesforce fills in the date in the user's zone (09:00 JST on 7 December).
    expect(fake.findByExternalId('Event', 'e-1')[0]).toMatchObject({ ActivityDate: '2026-12-07', EndDateTime: '2026-12-07T00:30:00Z', OwnerId: fake.userId });
    // An all-day event needs neither.
    expect((await upsert({ Koma_Id__c: 'e-2', Subject: '研修', IsAllDayEvent: true, ActivityDate: '2026-12-08' })).json).toEqual([expect.objectContaining({ success: true })]);
  });

  it('collection delete: once deleted, ENTITY_IS_DELETED; an unknown id INVALID_CROSS_REFERENCE_KEY', async () => {
    const id = fake.findByExternalId('Event', 'e-1')[0]!.Id;
    const first = await fakeRest(fake, token, 'DELETE', `composite/sobjects?ids=${id}&allOrNone=false`);
    expect(first.json).toEqual([{ id, success: true, errors: [] }]);
    const again = await fakeRest(fake, token, 'DELETE', `composite/sobjects?ids=${id},00U000000000zzzAAA&allOrNone=false`);
    expect((again.json as { errors: { statusCode: string }[] }[]).map((r) => r.errors[0]!.statusCode)).toEqual(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY']);
    expect(fake.findByExternalId('Event', 'e-1')).toEqual([]);
  });
});
