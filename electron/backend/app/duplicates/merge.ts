import { KomaError } from '../../../../shared/contract';
import type { BackendContext } from '../../core/context';
import { perDatabase } from '../../db/perDatabase';
import type { Db } from '../../db/open';
import { rescoreLeads } from '../../core/rescore';
import { readSetting, settingSpecs } from '../../core/settingsStore';
import { requeueLead } from '../queue/requeue';
import { requireLead } from '../leads/rows';
import { refreshCompanySearchText } from '../leads/searchText';
import { changeLead } from '../leads/statusChange';
import { leadTallyRows, moveLeadTallies } from '../kpi/tallies';

interface PairRecord {
  id: string;
  lead_a: string;
  lead_b: string;
  state: string;
}

const statements = perDatabase((db: Db) => ({
  pair: db.prepare<[string], PairRecord>('SELECT id, lead_a, lead_b, state FROM lead_duplicates WHERE id = ?'),
  decide: db.prepare('UPDATE lead_duplicates SET state = @state, kept_lead = @kept, decided_at = @now WHERE id = @id'),
  moveCalls: db.prepare('UPDATE calls SET lead_id = @keep WHERE lead_id = @gone'),
  moveHandoffs: db.prepare('UPDATE handoffs SET lead_id = @keep WHERE lead_id = @gone'),
  moveExits: db.prepare('UPDATE lead_exits SET lead_id = @keep WHERE lead_id = @gone'),
  // The same event recorded on both is one event: kept once.
  moveEvents: db.prepare('UPDATE OR IGNORE behaviour_events SET lead_id = @keep WHERE lead_id = @gone'),
  dropMovedEvents: db.prepare('DELETE FROM behaviour_events WHERE lead_id = @gone'),
  moveDraft: db.prepare('UPDATE OR IGNORE call_drafts SET lead_id = @keep WHERE lead_id = @gone'),
  dropDraft: db.prepare('DELETE FROM call_drafts WHERE lead_id = @gone'),
  // Hearing versions are numbered per lead: the merged lead's follow the kept lead's, in order,
  // and an open one is sealed so the kept lead has one open hearing at most.
  maxVersion: db.prepare<{ keep: string }, { v: number | null }>('SELECT max(version) AS v FROM hearings WHERE lead_id = @keep'),
  sealOpen: db.prepare('UPDATE hearings SET sealed_at = @now WHERE lead_id = @gone AND sealed_at IS NULL'),
  moveHearings: db.prepare('UPDATE hearings SET lead_id = @keep, version = version + @offset WHERE lead_id = @gone'),
  // Empty fields of the kept lead take the merged lead's values; the kept lead's name stays.
  fillKept: db.prepare(`
    UPDATE leads SET
      email = coalesce(email, (SELECT email FROM leads WHERE id = @gone)),
      email_key = coalesce(email_key, (SELECT email_key FROM leads WHERE id = @gone)),
      phone = coalesce(phone, (SELECT phone FROM leads WHERE id = @gone)),
      title = coalesce(title, (SELECT title FROM leads WHERE id = @gone)),
      department = coalesce(department, (SELECT department FROM leads WHERE id = @gone)),
      name_reading = coalesce(name_reading, (SELECT name_reading FROM leads WHERE id = @gone)),
      updated_at = @now, version = version + 1
    WHERE id = @keep`),
  markMerged: db.prepare('UPDATE leads SET merged_into = @keep WHERE id = @gone'),
}));

/**
 * Merges the pair's other lead into the one the rep keeps, in one transaction: every call,
 * hearing, handoff, exit, behaviour event and draft moves to the kept lead (and the dashboard's
 * tallies with them); the merged lead stays
 * as a row with its own CRM id, excluded as a duplicate (which records the merge on the timeline
 * and queues the change for the CRM through the outbox) and pointing at the kept lead.
 */
export function mergePair(ctx: BackendContext, duplicateId: string, keepLeadId: string): string {
  const s = statements(ctx.db);
  return ctx.db.transaction(() => {
    const pair = s.pair.get(duplicateId);
    if (!pair) throw new KomaError('not_found', 'This possible duplicate is no longer listed; reload the list.');
    if (pair.state !== 'open') throw new KomaError('conflict', 'This pair was already decided.');
    if (keepLeadId !== pair.lead_a && keepLeadId !== pair.lead_b) throw new KomaError('invalid_input', 'The lead to keep must be one of the pair.');
    const gone = keepLeadId === pair.lead_a ? pair.lead_b : pair.lead_a;
    const keep = requireLead(ctx.db, keepLeadId);
    const merged = requireLead(ctx.db, gone);
    const now = ctx.clock.now();
    const at = now.toISOString();
    const ids = { keep: keep.id, gone: merged.id };

    const tallied = leadTallyRows(ctx.db, merged.id);
    s.moveCalls.run(ids);
    s.moveHandoffs.run(ids);
    s.moveExits.run(ids);
    moveLeadTallies(ctx, tallied, merged, keep);
    s.moveEvents.run(ids);
    s.dropMovedEvents.run(ids);
    s.moveDraft.run(ids);
    s.dropDraft.run(ids);
    s.sealOpen.run({ ...ids, now: at });
    s.moveHearings.run({ ...ids, offset: s.maxVersion.get({ keep: keep.id })?.v ?? 0 });
    s.fillKept.run({ ...ids, now: at });
    s.markMerged.run(ids);
    changeLead(
      ctx,
      merged,
      {
        status: 'excluded',
        attempts: merged.attempts,
        lastContactAt: merged.last_contact_at,
        nextCallAt: null,
        recycleReason: null,
        recycleUntil: null,
        excludeReason: 'duplicate',
      },
      { kind: 'excluded', reason: 'duplicate', note: `merged into ${keep.full_name} (${keep.id})`, callId: null },
    );
    s.decide.run({ id: pair.id, state: 'merged', kept: keep.id, now: at });
    rescoreLeads(ctx.db, [keep.id], readSetting(ctx.db, settingSpecs.scoringRules), now);
    requeueLead(ctx.db, keep.id, readSetting(ctx.db, settingSpecs.queueRules), now);
    refreshCompanySearchText(ctx.db, keep.company_id);
    return keep.id;
  })();
}

/** "Not the same person": remembered, so the pair is not listed again. */
export function keepSeparate(ctx: BackendContext, duplicateId: string): void {
  const s = statements(ctx.db);
  ctx.db.transaction(() => {
    const pair = s.pair.get(duplicateId);
    if (!pair) throw new KomaError('not_found', 'This possible duplicate is no longer listed; reload the list.');
    if (pair.state !== 'open') throw new KomaError('conflict', 'This pair was already decided.');
    s.decide.run({ id: pair.id, state: 'separate', kept: null, now: ctx.clock.now().toISOString() });
  })();
}
