import { KomaError } from '../../../../shared/contract';
import type { ObjectionReportRow } from '../../../../shared/contract/talk';
import { objectionStats } from '../../../../shared/domain/talk/objectionStats';
import type { Db } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';
import { cardTitle, currentTalkSet, talkSetAt } from './sets';

const statements = perDatabase((db: Db) => ({
  setVersion: db.prepare<[number, string]>('UPDATE calls SET talk_version = ? WHERE id = ?'),
  insert: db.prepare<[string, string, string, string]>('INSERT INTO call_objections (call_id, card_id, lead_id, started_at) VALUES (?, ?, ?, ?)'),
  ofCalls: db.prepare<[string], { call_id: string; card_id: string; talk_version: number | null }>(
    `SELECT o.call_id, o.card_id, c.talk_version FROM call_objections o JOIN calls c ON c.id = o.call_id
     WHERE o.call_id IN (SELECT value FROM json_each(?)) ORDER BY o.rowid`,
  ),
  inRange: db.prepare<[string, string], { card_id: string; lead_id: string; started_at: string; outcome: string; talk_version: number | null }>(
    `SELECT o.card_id, o.lead_id, o.started_at, c.outcome, c.talk_version FROM call_objections o JOIN calls c ON c.id = o.call_id
     WHERE o.started_at >= ? AND o.started_at < ?`,
  ),
  handoffs: db.prepare<[string], { lead_id: string; created_at: string; appointment_at: string | null }>(
    `SELECT lead_id, created_at, appointment_at FROM handoffs WHERE created_at >= ? AND appointment_at IS NOT NULL`,
  ),
}));

export interface CallTalk {
  callId: string;
  leadId: string;
  startedAt: string;
  talkVersion: number | null;
  objections: readonly string[];
}

/**
 * The script version and the objections of a call, in the call's own transaction (logCall.ts): a
 * card must exist in the version the rep had on screen (the set in use when none is named), so a
 * typo in a request is refused and the whole call with it.
 */
export function recordCallTalk(db: Db, call: CallTalk): RaisedObjection[] {
  if (call.talkVersion === null && call.objections.length === 0) return [];
  const version = call.talkVersion ?? currentTalkSet(db).version;
  const set = talkSetAt(db, version);
  if (!set) throw new KomaError('invalid_input', `There is no talk script version ${version}; reload the scripts and log the call again.`);
  const cards = new Set(set.cards.map((c) => c.id));
  const unknown = call.objections.filter((id) => !cards.has(id));
  if (unknown.length > 0) throw new KomaError('invalid_input', `Objection card ${unknown.join(', ')} is not in talk script version ${version}.`);
  const s = statements(db);
  s.setVersion.run(version, call.callId);
  for (const cardId of call.objections) s.insert.run(call.callId, cardId, call.leadId, call.startedAt);
  // As the CRM's readers will see them: the card's title in the version the rep had on screen.
  return call.objections.map((cardId) => ({ cardId, title: set.cards.find((c) => c.id === cardId)!.title }));
}

export interface RaisedObjection {
  cardId: string;
  title: ReturnType<typeof cardTitle>;
}

/** The objections raised in each of these calls, with their titles as the call's version had them. */
export function objectionsOfCalls(db: Db, callIds: readonly string[]): Map<string, { cardId: string; title: ReturnType<typeof cardTitle> }[]> {
  const byCall = new Map<string, { cardId: string; title: ReturnType<typeof cardTitle> }[]>();
  if (callIds.length === 0) return byCall;
  for (const r of statements(db).ofCalls.all(JSON.stringify(callIds))) {
    const list = byCall.get(r.call_id) ?? [];
    list.push({ cardId: r.card_id, title: cardTitle(db, r.card_id, r.talk_version) });
    byCall.set(r.call_id, list);
  }
  return byCall;
}

/** The dashboard's objections for [from, to): most raised first, and the appointments after each. */
export function objectionReport(db: Db, from: string, to: string): ObjectionReportRow[] {
  const s = statements(db);
  const raised = s.inRange.all(from, to);
  const newestVersion = new Map<string, number | null>();
  for (const r of raised) {
    const seen = newestVersion.get(r.card_id);
    if (seen === undefined || (r.talk_version ?? -1) > (seen ?? -1)) newestVersion.set(r.card_id, r.talk_version);
  }
  return objectionStats(
    raised.map((r) => ({ cardId: r.card_id, leadId: r.lead_id, startedAt: r.started_at, outcome: r.outcome })),
    s.handoffs.all(from).map((h) => ({ leadId: h.lead_id, createdAt: h.created_at, appointmentAt: h.appointment_at })),
    (cardId) => cardTitle(db, cardId, newestVersion.get(cardId) ?? null),
  );
}
