import { expect } from 'vitest';
import { defaultSyncSettings } from '../../shared/contract/sync';
import { byKomaId } from './repActions';
import type { SyncHarness } from './syncHarness';

/**
 * The exactly-once check shared by the property and crash tests: nothing left unsent, every
 * record Koma wrote carries its external id, and every call, lead status and handoff is in the
 * fake once (byKomaId fails on a duplicate) with the content the local store has now.
 */
export function expectExactlyOnce(h: SyncHarness): void {

  const db = h.backend.context.db;
  const statuses = defaultSyncSettings.salesforce.lead.statuses;
  expect(h.outbox().filter((r) => r.state !== 'done')).toEqual([]);
  for (const type of ['Lead', 'Task', 'Opportunity', 'Contact', 'Account']) {
    expect(h.fake.records(type).every((r) => typeof r.Koma_Id__c === 'string')).toBe(true);
  }
  const leads = byKomaId(h, 'Lead');
  const tasks = byKomaId(h, 'Task');
  const opportunities = byKomaId(h, 'Opportunity');

  const calls = db.prepare('SELECT id, lead_id, outcome, notes, duration_sec FROM calls').all() as { id: string; lead_id: string; outcome: string; notes: string; duration_sec: number }[];
  expect(tasks.size).toBe(calls.length);
  for (const c of calls) {
    const task = tasks.get(c.id);
    expect(task).toMatchObject({ CallDisposition: c.outcome, Description: c.notes, CallDurationInSeconds: c.duration_sec });
    // On the Lead; or, written after the Lead was converted, on its Contact about its Opportunity.
    const lead = leads.get(c.lead_id);
    if (lead?.IsConverted === true && task?.WhoId !== lead.Id) expect(task).toMatchObject({ WhoId: lead.ConvertedContactId, WhatId: lead.ConvertedOpportunityId });
    else expect(task?.WhoId).toBe(lead?.Id);
  }

  const touched = db.prepare("SELECT DISTINCT CASE entity WHEN 'call' THEN json_extract(payload, '$.leadId') ELSE entity_id END AS lead FROM outbox WHERE entity IN ('lead', 'call')").all() as { lead: string }[];
  expect(leads.size).toBe(touched.length);
  for (const { lead: id } of touched) {
    const local = db.prepare('SELECT status, recycle_reason, recycle_until, exclude_reason, crm_id FROM leads WHERE id = ?').get(id) as {
      status: keyof typeof statuses;
      recycle_reason: string | null;
      recycle_until: string | null;
      exclude_reason: string | null;
      crm_id: string;
    };
    const remote = leads.get(id)!;
    expect(remote.Id).toBe(local.crm_id);
    expect(remote.Status).toBe(statuses[local.status]);
    if (db.prepare("SELECT 1 FROM outbox WHERE entity = 'lead' AND entity_id = ?").get(id)) {
      expect([remote.Koma_Recycle_Reason__c ?? null, remote.Koma_Recycle_Until__c ?? null, remote.Koma_Exclude_Reason__c ?? null]).toEqual([
        local.recycle_reason,
        local.recycle_until,
        local.exclude_reason,
      ]);
    }
  }

  const handoffs = db.prepare('SELECT h.id, h.state, h.summary, h.crm_id, h.lead_id, l.company_id FROM handoffs h JOIN leads l ON l.id = h.lead_id').all() as {
    id: string;
    state: string;
    summary: string;
    crm_id: string;
    lead_id: string;
    company_id: string;
  }[];
  expect(opportunities.size).toBe(handoffs.length);
  for (const handoff of handoffs) {
    const remote = opportunities.get(handoff.id)!;
    expect(handoff).toMatchObject({ state: 'synced', crm_id: remote.Id });
    expect(String(remote.Description)).toContain(handoff.summary);
  }
  expect(byKomaId(h, 'Contact').size).toBe(new Set(handoffs.map((x) => x.lead_id)).size);
  expect(byKomaId(h, 'Account').size).toBe(new Set(handoffs.map((x) => x.company_id)).size);
}


/**
 * The pull's exactly-once check: pulls an hour apart (at most 40) until Koma holds as many leads
 * as the CRM has owned and the last pull met no error; then Koma's leads are exactly those.
 */
export async function expectPulledExactlyOnce(h: SyncHarness, owned: readonly string[]): Promise<void> {
  const db = h.backend.context.db;
  for (let pull = 0; pull < 40; pull++) {
    h.clock.advance(60 * 60_000);
    await h.backend.sync.engine.pullNow();
    const n = (db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
    if (n >= owned.length && (await h.call('sync.status', {})).lastError === null) break;
  }
  const rows = db.prepare('SELECT crm_id FROM leads').all() as { crm_id: string }[];
  expect(rows.map((r) => r.crm_id).sort()).toEqual([...owned].sort());
}
