import type { PhoneCallRow } from '../../../../shared/contract/phoneCalls';
import type { CallOutcome } from '../../../../shared/contract/calls';
import type { Db, ReadonlyDb } from '../../db/open';
import { perDatabase } from '../../db/perDatabase';

interface ListRecord {
  id: string;
  source: PhoneCallRow['source'];
  state: PhoneCallRow['state'];
  matched_by: PhoneCallRow['matchedBy'];
  started_at: string;
  duration_sec: number | null;
  direction: PhoneCallRow['direction'];
  result: string | null;
  recording_url: string | null;
  summary: string;
  lead_id: string | null;
  full_name: string | null;
  company_name: string | null;
  call_id: string | null;
}

interface CallRecord {
  id: string;
  started_at: string;
  outcome: CallOutcome;
  duration_sec: number | null;
}

/** The lead's calls a phone call could be attached to: those within a day of it, nearest first. */
const candidateSpanMs = 24 * 3_600_000;
const maxCandidates = 8;

const statements = perDatabase((db: Db) => ({
  list: db.prepare<{ matched: number; unmatched: number; limit: number }, ListRecord>(
    `SELECT p.id, p.source, p.state, p.matched_by, p.started_at, p.duration_sec, p.direction, p.result, p.recording_url, p.summary,
            p.lead_id, l.full_name, c.name AS company_name, p.call_id
     FROM phone_calls p LEFT JOIN leads l ON l.id = p.lead_id LEFT JOIN companies c ON c.id = l.company_id
     WHERE (p.state = 'matched' AND @matched = 1) OR (p.state = 'unmatched' AND @unmatched = 1)
     ORDER BY p.state = 'matched', p.started_at DESC, p.id LIMIT @limit`,
  ),
  count: db.prepare<{ matched: number; unmatched: number }, { n: number }>(
    `SELECT count(*) AS n FROM phone_calls WHERE (state = 'matched' AND @matched = 1) OR (state = 'unmatched' AND @unmatched = 1)`,
  ),
  call: db.prepare<[string], CallRecord>('SELECT id, started_at, outcome, duration_sec FROM calls WHERE id = ?'),
  candidates: db.prepare<{ leadId: string; from: string; to: string; at: string; limit: number }, CallRecord>(
    `SELECT c.id, c.started_at, c.outcome, c.duration_sec FROM calls c
     WHERE c.lead_id = @leadId AND c.started_at BETWEEN @from AND @to AND NOT EXISTS (SELECT 1 FROM phone_calls p WHERE p.call_id = c.id)
     ORDER BY abs(julianday(c.started_at) - julianday(@at)), c.id LIMIT @limit`,
  ),
  ofCalls: db.prepare<[string], { call_id: string; source: PhoneCallRow['source']; duration_sec: number | null; recording_url: string | null; summary: string }>(
    `SELECT call_id, source, duration_sec, recording_url, summary FROM phone_calls WHERE call_id IN (SELECT value FROM json_each(?))`,
  ),
}));

function target(r: CallRecord) {
  return { callId: r.id, startedAt: r.started_at, outcome: r.outcome, durationSec: r.duration_sec };
}

/** The phone system's calls for the matching screen: the unmatched first (they wait for the rep), newest first. */
export function listPhoneCalls(db: ReadonlyDb, state: 'open' | 'matched' | 'unmatched', limit: number): { total: number; rows: PhoneCallRow[] } {
  const s = statements(db as Db);
  const filter = { matched: state === 'unmatched' ? 0 : 1, unmatched: state === 'matched' ? 0 : 1 };
  const rows = s.list.all({ ...filter, limit }).map((r): PhoneCallRow => {
    const at = Date.parse(r.started_at);
    const call = r.call_id ? s.call.get(r.call_id) : undefined;
    const candidates = r.lead_id
      ? s.candidates.all({ leadId: r.lead_id, from: new Date(at - candidateSpanMs).toISOString(), to: new Date(at + candidateSpanMs).toISOString(), at: r.started_at, limit: maxCandidates })
      : [];
    return {
      id: r.id,
      source: r.source,
      state: r.state,
      matchedBy: r.matched_by,
      startedAt: r.started_at,
      durationSec: r.duration_sec,
      direction: r.direction,
      result: r.result,
      recordingUrl: r.recording_url,
      summary: r.summary,
      lead: r.lead_id ? { id: r.lead_id, fullName: r.full_name ?? '', companyName: r.company_name ?? '' } : null,
      call: call ? target(call) : null,
      candidates: candidates.map(target),
    };
  });
  return { total: s.count.get(filter)?.n ?? 0, rows };
}

/** What the phone system recorded of these calls, by call id: the timeline shows it on the call. */
export function phoneDetailsOfCalls(db: ReadonlyDb | Db, callIds: readonly string[]) {
  const byCall = new Map<string, { source: PhoneCallRow['source']; durationSec: number | null; recordingUrl: string | null; summary: string }>();
  if (callIds.length === 0) return byCall;
  for (const r of statements(db as Db).ofCalls.all(JSON.stringify(callIds))) {
    byCall.set(r.call_id, { source: r.source, durationSec: r.duration_sec, recordingUrl: r.recording_url, summary: r.summary });
  }
  return byCall;
}
