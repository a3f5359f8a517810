import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLeads } from '../helpers/seedLeads';
import { createTempBackend, type TempBackend } from '../helpers/tempBackend';

// The id S gives a call travels to the phone system (Dialpad's customData) and comes back as the
// call's id in Koma's store and outbox, so the two name the same call. Real SQLite, real dispatcher.
let temp: TempBackend;
const dialled = '3f2b8c1e-9d4a-4e6b-8a7c-1b2c3d4e5f60';
const at = (m: number) => new Date(temp.clock.now().getTime() + m * 60_000).toISOString();
const call = (patch: object = {}) => ({ leadId: 'lead', startedAt: at(-3), endedAt: at(0), outcome: 'no_answer' as const, ...patch });
const callIds = () => temp.backend.context.db.prepare('SELECT id FROM calls ORDER BY created_at, id').pluck().all();
const outboxCalls = () => temp.backend.context.db.prepare("SELECT entity_id FROM outbox WHERE entity = 'call' ORDER BY seq").pluck().all();

beforeEach(() => {
  temp = createTempBackend();
  seedLeads(temp.backend, [{ id: 'lead', company: '株式会社サクラテック', name: '山田 太郎', phone: '03-0000-0001' }]);
});
afterEach(() => temp.close());

describe('a call dialled with its own id', () => {
  it('is logged under the id S gave it, and the CRM row names the same id', async () => {
    const { callId } = await temp.call('calls.log', call({ callId: dialled }));
    expect(callId).toBe(dialled);
    expect(callIds()).toEqual([dialled]);
    expect(outboxCalls()).toEqual([dialled]);
  });

  it('logged twice (a retry after a lost answer) is refused the second time and nothing changes', async () => {
    await temp.call('calls.log', call({ callId: dialled }));
    temp.clock.advance(5 * 60_000);
    const error = await temp.callError('calls.log', call({ callId: dialled }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('already logged');
    expect(callIds()).toEqual([dialled]);
    expect(outboxCalls()).toEqual([dialled]);
  });

  it('a call without one gets the backend’s id; an id that is not a UUID is refused', async () => {
    const { callId } = await temp.call('calls.log', call());
    expect(callId).not.toBe(dialled);
    expect((await temp.callError('calls.log', call({ callId: 'x&crmLogging=0' }))).code).toBe('invalid_input');
    expect(callIds()).toEqual([callId]);
  });
});
