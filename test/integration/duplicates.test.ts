import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from '../helpers/imports';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

let temp: TempBackend;
const db = () => temp.backend.context.db;
const file = ['会社名,氏名,フリガナ,メールアドレス,電話番号', '株式会社見本精機,佐藤 健,サトウ ケン,ken@mihon.example.jp,03-0000-1111', '株式会社見本精機,佐藤 健,,ken.sato@mihon.example.jp,'].join('\r\n');

beforeEach(async () => {
  temp = createTempBackend();
  const job = await importCsv(temp, 'pair.csv', file);
  expect(job.result).toMatchObject({ inserted: 2, possibleDuplicates: 1 });
});
afterEach(() => temp.close());

async function logCallAndHearing(leadId: string, minutesAgo: number, note: string) {
  const now = temp.clock.now().getTime();
  await temp.call('hearing.save', { leadId, hearing: { budget: { status: 'planned', amount: 1_000_000 }, authority: {}, need: {}, timeline: {} } });
  await temp.call('calls.log', {
    leadId,
    startedAt: new Date(now - (minutesAgo + 5) * 60_000).toISOString(),
    endedAt: new Date(now - minutesAgo * 60_000).toISOString(),
    outcome: 'connected',
    notes: note,
  });
}

describe('possible duplicates', () => {
  it('lists the pair with both people, and merges them keeping every call, hearing and both CRM ids, with the change queued for the CRM', async () => {
    const { pairs, total } = await temp.call('duplicates.list', {});
    expect(total).toBe(1);
    const [pair] = pairs;
    expect(pair).toMatchObject({ reason: 'same_name_other_email', a: { fullName: '佐藤 健' }, b: { fullName: '佐藤 健' } });
    const [first, second] = [pair!.a, pair!.b].sort((x, y) => (x.email! < y.email! ? -1 : 1));
    db().prepare('UPDATE leads SET crm_id = ? WHERE id = ?').run('00Q000000000001', first!.leadId);
    db().prepare('UPDATE leads SET crm_id = ? WHERE id = ?').run('00Q000000000002', second!.leadId);
    await logCallAndHearing(first!.leadId, 60, '一回目');
    await logCallAndHearing(second!.leadId, 30, '二回目');
    const outboxBefore = (db().prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

    const { keptLeadId } = await temp.call('duplicates.merge', { duplicateId: pair!.id, keepLeadId: first!.leadId });
    expect(keptLeadId).toBe(first!.leadId);

    const detail = await temp.call('lead.get', { leadId: keptLeadId });
    const calls = detail.timeline.filter((i) => i.kind === 'call');
    expect(calls.map((c) => [c.leadId, c.kind === 'call' ? c.notes : ''])).toEqual([
      [keptLeadId, '二回目'],
      [keptLeadId, '一回目'],
    ]);
    expect(detail.timeline.filter((i) => i.kind === 'hearing').map((h) => h.leadId)).toEqual([keptLeadId, keptLeadId]);
    expect(db().prepare('SELECT version FROM hearings WHERE lead_id = ? ORDER BY version').all(keptLeadId)).toEqual([{ version: 1 }, { version: 2 }]);
    // The merge is on the timeline as the other lead's exit, and reaches the CRM through the outbox.
    expect(detail.timeline.find((i) => i.kind === 'exit')).toMatchObject({ leadId: second!.leadId });
    expect(db().prepare('SELECT status, exclude_reason, merged_into, crm_id, queue_bucket FROM leads WHERE id = ?').get(second!.leadId)).toEqual({
      status: 'excluded',
      exclude_reason: 'duplicate',
      merged_into: keptLeadId,
      crm_id: '00Q000000000002',
      queue_bucket: 0,
    });
    expect(db().prepare('SELECT crm_id, email FROM leads WHERE id = ?').get(keptLeadId)).toEqual({ crm_id: '00Q000000000001', email: first!.email });
    const queued = db().prepare('SELECT entity, entity_id, op, payload FROM outbox ORDER BY seq').all() as { entity: string; entity_id: string; op: string; payload: string }[];
    expect(queued).toHaveLength(outboxBefore + 1);
    expect(queued.at(-1)).toMatchObject({ entity: 'lead', entity_id: second!.leadId, op: 'status' });
    expect(JSON.parse(queued.at(-1)!.payload)).toMatchObject({ crmId: '00Q000000000002', status: 'excluded', excludeReason: 'duplicate' });
    expect(await temp.call('duplicates.list', {})).toEqual({ total: 0, pairs: [] });
    expect((await temp.callError('duplicates.merge', { duplicateId: pair!.id, keepLeadId: first!.leadId })).code).toBe('conflict');
  });

  it('remembers "keep separate": the pair is not listed again, not even after the same file comes again', async () => {
    const [pair] = (await temp.call('duplicates.list', {})).pairs;
    await temp.call('duplicates.keepSeparate', { duplicateId: pair!.id });
    expect((await temp.call('duplicates.list', {})).total).toBe(0);
    const again = await importCsv(temp, 'pair.csv', file);
    expect(again.result).toMatchObject({ updated: 2, possibleDuplicates: 0 });
    expect((await temp.call('duplicates.list', {})).total).toBe(0);
  });

  it('refuses to keep a lead that is not in the pair, and changes nothing', async () => {
    const [pair] = (await temp.call('duplicates.list', {})).pairs;
    expect((await temp.callError('duplicates.merge', { duplicateId: pair!.id, keepLeadId: 'nobody' })).code).toBe('invalid_input');
    expect((await temp.call('duplicates.list', {})).total).toBe(1);
  });
});
