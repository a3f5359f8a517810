import { describe, expect, it } from 'vitest';
import { confirmSlots, parseBatch } from '../../electron/backend/sync/batchPayloads';
import type { ItemResult, OutboxItem } from '../../electron/backend/sync/types';

const item = (id: string, entity: string, op: string, payload: unknown): OutboxItem => ({ seq: 1, id, entity: entity as OutboxItem['entity'], entityId: 'e', op, payload, attempts: 0, createdAt: '2026-12-07T00:00:00.000Z' });
const doNotCall = { leadId: 'lead-1', crmId: null, doNotCall: true, changedAt: '2026-12-07T00:00:00.000Z' };
const slot = { id: 'slot-1', changedAt: '2026-12-07T00:00:00.000Z' };

describe('parseBatch', () => {
  it.each([
    ['a payload that parses', item('a', 'lead', 'do_not_call', doNotCall), { parsed: 'do_not_call' }],
    ['a payload edited into something unsendable', item('b', 'lead', 'do_not_call', { ...doNotCall, doNotCall: 'yes' }), { code: 'BAD_PAYLOAD', message: /doNotCall/ }],
    ['an op Koma has no mapping for', item('c', 'lead', 'merge', {}), { code: 'BAD_PAYLOAD', message: /no CRM mapping for lead merge/ }],
  ] as const)('%s', (_, given, expected) => {
    const results = new Map<string, ItemResult>();
    const parsed = parseBatch([given], results);
    if ('parsed' in expected) {
      expect(parsed.get(given.id)?.kind).toBe(expected.parsed);
      expect(results.size).toBe(0);
    } else {
      expect(parsed.size).toBe(0);
      expect(results.get(given.id)).toEqual({ id: given.id, ok: false, kind: 'permanent', code: expected.code, message: expect.stringMatching(expected.message) });
    }
  });
});

describe('confirmSlots', () => {
  it('confirms call blocks with no CRM id and leaves the rest to be sent', () => {
    const results = new Map<string, ItemResult>();
    const parsed = parseBatch([item('s', 'slot', 'delete', slot), item('d', 'lead', 'do_not_call', doNotCall)], results);
    confirmSlots(parsed, results);
    expect([...parsed.keys()]).toEqual(['d']);
    expect(results.get('s')).toEqual({ id: 's', ok: true, crmId: null });
  });
});
