import type { ScoringRules } from '../../../shared/contract/scoringRules';
import type { BehaviourKind } from '../../../shared/contract/scoringRules';
import { scoreLead, type BehaviourEvent } from '../../../shared/domain/scoring/score';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';

interface ScoredRow {
  id: string;
  attribute_score: number;
  behaviour_score: number;
  title: string | null;
  employees: number | null;
  industry: string | null;
}

const statements = perDatabase((db: Db) => ({
  // Both ordered by lead id so events merge into their lead in one pass, without a query per lead.
  leads: db.prepare<[], ScoredRow>(
    'SELECT l.id, l.attribute_score, l.behaviour_score, l.title, c.employees, c.industry FROM leads l JOIN companies c ON c.id = l.company_id ORDER BY l.id',
  ),
  leadsByIds: db.prepare<[string], ScoredRow>(
    'SELECT l.id, l.attribute_score, l.behaviour_score, l.title, c.employees, c.industry FROM leads l JOIN companies c ON c.id = l.company_id WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id',
  ),
  events: db.prepare<[], { lead_id: string; kind: string; occurred_at: string }>('SELECT lead_id, kind, occurred_at FROM behaviour_events ORDER BY lead_id'),
  eventsOf: db.prepare<[string], { kind: string; occurred_at: string }>('SELECT kind, occurred_at FROM behaviour_events WHERE lead_id = ?'),
  update: db.prepare<[number, number, number, string, string]>(
    `UPDATE leads SET attribute_score = ?, behaviour_score = ?, score = ?, queue_changes_at = ?
     WHERE id = ? `,
  ),
}));

const reclassify = '1970-01-01T00:00:00.000Z';

/**
 * Re-scores every lead with the rules (after the rules change, or daily as behaviour decays) and
 * marks each for re-classification in the queue. Call inside a transaction. Leads and events are
 * streamed side by side in lead-id order, so a year of 500,000 events is never held in memory.
 */
export function rescoreAll(db: Db, rules: ScoringRules, now: Date): number {
  const s = statements(db);
  const scores: [number, number, number, string][] = [];
  const events = s.events.iterate();
  let pending = events.next();
  for (const lead of s.leads.iterate()) {
    const mine: BehaviourEvent[] = [];
    while (!pending.done && pending.value.lead_id < lead.id) pending = events.next();
    while (!pending.done && pending.value.lead_id === lead.id) {
      mine.push({ kind: pending.value.kind as BehaviourKind, occurredAt: pending.value.occurred_at });
      pending = events.next();
    }
    const score = scoreLead(lead, mine, rules, now);
    // Most scores move by less than a point a day: only a changed lead is written and re-queued.
    if (score.attribute !== lead.attribute_score || score.behaviour !== lead.behaviour_score) {
      scores.push([score.attribute, score.behaviour, score.total, lead.id]);
    }
  }
  if (!pending.done) events.return?.();
  // Updates wait until both cursors are closed: a connection cannot write while it reads.
  for (const [attribute, behaviour, total, id] of scores) s.update.run(attribute, behaviour, total, reclassify, id);
  return scores.length;
}

/** Re-scores the given leads (after an import changed their attributes or events). */
export function rescoreLeads(db: Db, leadIds: readonly string[], rules: ScoringRules, now: Date): number {
  const s = statements(db);
  let count = 0;
  for (const lead of s.leadsByIds.all(JSON.stringify(leadIds))) {
    const events = s.eventsOf.all(lead.id).map((ev) => ({ kind: ev.kind as BehaviourKind, occurredAt: ev.occurred_at }));
    const score = scoreLead(lead, events, rules, now);
    s.update.run(score.attribute, score.behaviour, score.total, reclassify, lead.id);
    count++;
  }
  return count;
}
