import { KomaError } from '../../../shared/contract/errors';
import type { IdGenerator } from '../../../shared/domain/clock';
import { matchPhoneCalls, matchWindowMs, type KomaCallCandidate, type PhoneCallToMatch } from '../../../shared/domain/phone/match';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';

/**
 * The phone system's calls in the store: taken in (from a CRM pull or a CSV import), matched to
 * Koma's calls, and corrected by the rep. Every function runs inside its caller's transaction;
 * sync (the pull) and app (the import, the rep's corrections, logging a call) share it.
 */
export type PhoneCallSource = 'salesforce' | 'miitel' | 'zoom';

export interface IncomingPhoneCall {
  source: PhoneCallSource;
  /** The source's own id: the Task Id, the export's call id (or one made of start, number, duration). */
  externalId: string;
  /** The Koma leads it may belong to (one for a Task, every lead with the number for a CSV row). */
  leadIds: readonly string[];
  crmWhoId: string | null;
  phoneKey: string | null;
  startedAt: string;
  durationSec: number | null;
  direction: 'outbound' | 'inbound' | null;
  result: string | null;
  recordingUrl: string | null;
  summary: string;
}

/**
 * What taking one in did: `matched` / `unmatched` (new), `unchanged` (seen before, nothing new),
 * `updated` (seen before, the source changed its duration, link or summary), `duplicate` (the
 * same call already came from another source: same lead, start within a minute, same duration).
 */
export type IngestOutcome = 'matched' | 'unmatched' | 'unchanged' | 'updated' | 'duplicate';

interface PhoneRow {
  id: string;
  source: PhoneCallSource;
  external_id: string;
  lead_id: string | null;
  phone_key: string | null;
  started_at: string;
  duration_sec: number | null;
  result: string | null;
  recording_url: string | null;
  summary: string;
  call_id: string | null;
  state: 'matched' | 'unmatched' | 'dismissed';
  matched_by: 'auto' | 'rep' | null;
}

/** A phone call and the Koma call it could be: calls can run long, so look back a few hours. */
const lookBackMs = 3 * 3_600_000;
/** The same call from two sources (a MiiTel Task pulled, then MiiTel's CSV imported). */
const sameCallMs = 60_000;

const statements = perDatabase((db: Db) => ({
  bySource: db.prepare<[string, string], PhoneRow>('SELECT * FROM phone_calls WHERE source = ? AND external_id = ?'),
  byId: db.prepare<[string], PhoneRow>('SELECT * FROM phone_calls WHERE id = ?'),
  sameCall: db.prepare<{ leadId: string; from: string; to: string; source: string }, PhoneRow>(
    `SELECT * FROM phone_calls WHERE lead_id = @leadId AND started_at BETWEEN @from AND @to AND source <> @source`,
  ),
  candidates: db.prepare<{ leadId: string; from: string; to: string }, { id: string; lead_id: string; started_at: string; ended_at: string | null }>(
    `SELECT c.id, c.lead_id, c.started_at, c.ended_at FROM calls c
     WHERE c.lead_id = @leadId AND c.started_at BETWEEN @from AND @to
       AND NOT EXISTS (SELECT 1 FROM phone_calls p WHERE p.call_id = c.id)`,
  ),
  insert: db.prepare(
    `INSERT INTO phone_calls (id, source, external_id, lead_id, crm_who_id, phone_key, started_at, duration_sec, direction, result, recording_url, summary, call_id, state, matched_by, created_at, updated_at)
     VALUES (@id, @source, @externalId, @leadId, @crmWhoId, @phoneKey, @startedAt, @durationSec, @direction, @result, @recordingUrl, @summary, @callId, @state, @matchedBy, @now, @now)`,
  ),
  updateDetails: db.prepare<{ id: string; durationSec: number | null; result: string | null; recordingUrl: string | null; summary: string; now: string }>(
    `UPDATE phone_calls SET duration_sec = @durationSec, result = @result, recording_url = @recordingUrl, summary = @summary, updated_at = @now WHERE id = @id`,
  ),
  setMatch: db.prepare<{ id: string; callId: string | null; leadId: string | null; state: string; matchedBy: string | null; now: string }>(
    `UPDATE phone_calls SET call_id = @callId, lead_id = coalesce(@leadId, lead_id), state = @state, matched_by = @matchedBy, updated_at = @now WHERE id = @id`,
  ),
  call: db.prepare<[string], { id: string; lead_id: string; started_at: string; ended_at: string | null }>('SELECT id, lead_id, started_at, ended_at FROM calls WHERE id = ?'),
  callCarrier: db.prepare<[string], { id: string }>('SELECT id FROM phone_calls WHERE call_id = ?'),
  waitingForLead: db.prepare<{ leadId: string; phoneKey: string | null; from: string; to: string }, PhoneRow>(
    `SELECT * FROM phone_calls WHERE state = 'unmatched' AND matched_by IS NULL AND started_at BETWEEN @from AND @to
       AND (lead_id = @leadId OR (lead_id IS NULL AND @phoneKey IS NOT NULL AND phone_key = @phoneKey))`,
  ),
  leadPhone: db.prepare<[string], { phone_key: string | null }>('SELECT phone_key FROM leads WHERE id = ?'),
}));

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function candidatesFor(db: Db, leadIds: readonly string[], startedAt: string, durationSec: number | null): KomaCallCandidate[] {
  const start = Date.parse(startedAt);
  const from = iso(start - matchWindowMs - lookBackMs);
  const to = iso(start + Math.max(0, durationSec ?? 0) * 1000 + matchWindowMs);
  const s = statements(db);
  return [...new Set(leadIds)].flatMap((leadId) =>
    s.candidates.all({ leadId, from, to }).map((c) => ({ id: c.id, leadId: c.lead_id, startedAt: c.started_at, endedAt: c.ended_at ?? c.started_at })),
  );
}

function sameDetails(row: PhoneRow, call: IncomingPhoneCall): boolean {
  return row.duration_sec === call.durationSec && row.result === call.result && row.recording_url === call.recordingUrl && row.summary === call.summary;
}

/**
 * Takes a batch in, in the caller's transaction: one row per call the source had not given before,
 * matched as a batch (two calls to one lead minutes apart each find their own Koma call).
 * Idempotent by (source, id): giving the same call again changes nothing.
 */
export function ingestPhoneCalls(db: Db, ids: IdGenerator, now: Date, calls: readonly IncomingPhoneCall[]): IngestOutcome[] {
  const s = statements(db);
  const at = now.toISOString();
  const outcomes: IngestOutcome[] = new Array<IngestOutcome>(calls.length);
  const fresh: { index: number; call: IncomingPhoneCall }[] = [];
  const seenInBatch = new Set<string>();
  calls.forEach((call, index) => {
    const key = `${call.source}\u0000${call.externalId}`;
    const existing = s.bySource.get(call.source, call.externalId);
    if (existing || seenInBatch.has(key)) {
      if (existing && !sameDetails(existing, call)) {
        s.updateDetails.run({ id: existing.id, durationSec: call.durationSec, result: call.result, recordingUrl: call.recordingUrl, summary: call.summary, now: at });
        outcomes[index] = 'updated';
      } else {
        outcomes[index] = 'unchanged';
      }
      return;
    }
    seenInBatch.add(key);
    const start = Date.parse(call.startedAt);
    const twin = call.leadIds.some((leadId) =>
      s.sameCall.all({ leadId, from: iso(start - sameCallMs), to: iso(start + sameCallMs), source: call.source }).some((r) => r.duration_sec === null || call.durationSec === null || Math.abs(r.duration_sec - call.durationSec) <= 1),
    );
    if (twin) {
      outcomes[index] = 'duplicate';
      return;
    }
    fresh.push({ index, call });
  });
  if (fresh.length === 0) return outcomes;

  const toMatch: PhoneCallToMatch[] = fresh.map(({ index, call }) => ({ key: String(index), leadIds: call.leadIds, startedAt: call.startedAt, durationSec: call.durationSec }));
  const candidates = new Map<string, KomaCallCandidate>();
  for (const { call } of fresh) for (const c of candidatesFor(db, call.leadIds, call.startedAt, call.durationSec)) candidates.set(c.id, c);
  const matched = matchPhoneCalls(toMatch, [...candidates.values()]);
  for (const { index, call } of fresh) {
    const callId = matched.get(String(index)) ?? null;
    const leadId = callId ? candidates.get(callId)!.leadId : call.leadIds.length === 1 ? call.leadIds[0]! : null;
    s.insert.run({
      id: ids.next(),
      source: call.source,
      externalId: call.externalId,
      leadId,
      crmWhoId: call.crmWhoId,
      phoneKey: call.phoneKey,
      startedAt: call.startedAt,
      durationSec: call.durationSec,
      direction: call.direction,
      result: call.result,
      recordingUrl: call.recordingUrl,
      summary: call.summary,
      callId,
      state: callId ? 'matched' : 'unmatched',
      matchedBy: callId ? 'auto' : null,
      now: at,
    });
    outcomes[index] = callId ? 'matched' : 'unmatched';
  }
  return outcomes;
}

/**
 * A call just logged may be one the phone system reported first (the rep logged it late): the
 * waiting phone calls of its lead (or of its number, when the lead was not known) are matched to it.
 */
export function matchWaitingPhoneCalls(db: Db, now: Date, leadId: string, callId: string): void {
  const s = statements(db);
  const call = s.call.get(callId);
  if (!call) return;
  const start = Date.parse(call.started_at);
  const waiting = s.waitingForLead.all({
    leadId,
    phoneKey: s.leadPhone.get(leadId)?.phone_key ?? null,
    from: iso(start - matchWindowMs - lookBackMs),
    to: iso(Date.parse(call.ended_at ?? call.started_at) + matchWindowMs),
  });
  if (waiting.length === 0) return;
  const matched = matchPhoneCalls(
    waiting.map((w) => ({ key: w.id, leadIds: [leadId], startedAt: w.started_at, durationSec: w.duration_sec })),
    [{ id: call.id, leadId, startedAt: call.started_at, endedAt: call.ended_at ?? call.started_at }],
  );
  for (const [phoneId, matchedCall] of matched) {
    s.setMatch.run({ id: phoneId, callId: matchedCall, leadId, state: 'matched', matchedBy: 'auto', now: now.toISOString() });
  }
}

function requirePhoneCall(db: Db, id: string): PhoneRow {
  const row = statements(db).byId.get(id);
  if (!row) throw new KomaError('not_found', 'This phone system call is no longer in Koma.');
  return row;
}

/** The rep attaches a phone call to a Koma call of the same lead (or, for one with no lead yet, any call). */
export function attachPhoneCall(db: Db, now: Date, phoneCallId: string, callId: string): void {
  const s = statements(db);
  const row = requirePhoneCall(db, phoneCallId);
  const call = s.call.get(callId);
  if (!call) throw new KomaError('not_found', 'That Koma call is no longer in Koma.');
  if (row.lead_id !== null && row.lead_id !== call.lead_id) throw new KomaError('conflict', 'That call belongs to another lead: a phone system call can only be attached to a call of its own lead.');
  const carrier = s.callCarrier.get(callId);
  if (carrier && carrier.id !== phoneCallId) throw new KomaError('conflict', 'That Koma call already has a phone system call: detach that one first.');
  s.setMatch.run({ id: phoneCallId, callId, leadId: call.lead_id, state: 'matched', matchedBy: 'rep', now: now.toISOString() });
}

/** The rep says this is not the call: it waits, unmatched, and is never matched automatically again. */
export function detachPhoneCall(db: Db, now: Date, phoneCallId: string): void {
  requirePhoneCall(db, phoneCallId);
  statements(db).setMatch.run({ id: phoneCallId, callId: null, leadId: null, state: 'unmatched', matchedBy: 'rep', now: now.toISOString() });
}

/** Not a call Koma needs (a private call, another rep's): kept, so a re-pull does not bring it back, but out of the list. */
export function dismissPhoneCall(db: Db, now: Date, phoneCallId: string): void {
  requirePhoneCall(db, phoneCallId);
  statements(db).setMatch.run({ id: phoneCallId, callId: null, leadId: null, state: 'dismissed', matchedBy: 'rep', now: now.toISOString() });
}
