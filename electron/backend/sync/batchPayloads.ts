import { parsePayload, PayloadError, type ParsedPayload } from './payloads';
import type { ItemResult, OutboxItem } from './types';

/**
 * A batch's payloads, parsed before anything is mapped or sent. An item whose payload does not
 * parse (a rep's edit made it unsendable) gets its result at once — permanent, `BAD_PAYLOAD`, the
 * parser's message, so it waits in needs attention — and is left out of the map.
 */
export function parseBatch(items: readonly OutboxItem[], results: Map<string, ItemResult>): Map<string, ParsedPayload> {
  const parsed = new Map<string, ParsedPayload>();
  for (const item of items) {
    try {
      parsed.set(item.id, parsePayload(item.entity, item.op, item.payload));
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      results.set(item.id, { id: item.id, ok: false, kind: 'permanent', code: 'BAD_PAYLOAD', message: error.message });
    }
  }
  return parsed;
}

/**
 * For a CRM Koma writes no call blocks (week plan) to: each slot item confirmed with nothing sent,
 * and taken out of `parsed`.
 */
export function confirmSlots(parsed: Map<string, ParsedPayload>, results: Map<string, ItemResult>): void {
  for (const [id, p] of parsed) {
    if (p.kind === 'slot' || p.kind === 'slot_removed') {
      results.set(id, { id, ok: true, crmId: null });
      parsed.delete(id);
    }
  }
}
