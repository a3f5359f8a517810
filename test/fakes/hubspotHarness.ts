import { expect } from 'vitest';
import { defaultSyncSettings, type SyncSettings } from '../../shared/contract/sync';
import { startFakeHubSpot, type FakeHubSpot, type FakeHubSpotOptions, type FakeHubSpotRecord, type HubSpotType } from './fakeHubSpot';
import { createCrmHarness, type SyncHarness, type SyncHarnessOptions } from './syncHarness';

export const repEmail = 'sato@example.co.jp';
export const repOwnerId = '31234567';

export interface HubSpotHarness extends SyncHarness {
  readonly hs: FakeHubSpot;
}

/** HubSpot settings pointing at the fake, the rep's owner email filled in (a deep copy of the defaults). */
export function hubspotSettingsFor(hs: FakeHubSpot, patch: Partial<SyncSettings['hubspot']> = {}): SyncSettings {
  const defaults = structuredClone(defaultSyncSettings);
  return { ...defaults, connector: 'hubspot', hubspot: { ...defaults.hubspot, baseUrl: hs.url, ownerEmail: repEmail, ...patch } };
}

/**
 * A backend with sync wired to a fake HubSpot on loopback (the harness's own fake Salesforce
 * stays unused), connected through `sync.settings.save` with the private app token unless
 * `connect` is false.
 */
export async function createHubSpotHarness(options: { fake?: FakeHubSpotOptions; harness?: SyncHarnessOptions; connect?: boolean } = {}): Promise<HubSpotHarness> {
  const hs = await startFakeHubSpot(options.fake);
  const connect = (h: SyncHarness) => h.call('sync.settings.save', { settings: hubspotSettingsFor(hs), hubspotToken: hs.token });
  return Object.assign(await createCrmHarness(hs, options.connect === false ? null : connect, options.harness), { hs });
}

/** The fake's records of a type by Koma's id; fails on a duplicate (a create where an upsert was due). */
export function byKomaIdHs(hs: FakeHubSpot, type: HubSpotType): Map<string, FakeHubSpotRecord> {
  const map = new Map<string, FakeHubSpotRecord>();
  for (const r of hs.records(type)) {
    const key = r.properties.koma_id;
    if (key === undefined) continue;
    if (map.has(key)) throw new Error(`duplicate ${type} for ${key}`);
    map.set(key, r);
  }
  return map;
}

/**
 * Exactly once in HubSpot: nothing left unsent; every call, lead and handoff of the local store
 * is there once by Koma's id with its latest content, and associated as the mapping says.
 */
export function expectExactlyOnceHs(h: HubSpotHarness): void {
  const db = h.backend.context.db;
  const statuses = defaultSyncSettings.hubspot.lead.statuses;
  expect(h.outbox().filter((r) => r.state !== 'done')).toEqual([]);
  const contacts = byKomaIdHs(h.hs, 'contacts');
  const calls = byKomaIdHs(h.hs, 'calls');
  const deals = byKomaIdHs(h.hs, 'deals');
  const notes = byKomaIdHs(h.hs, 'notes');
  const local = db.prepare('SELECT id, lead_id, notes, duration_sec FROM calls').all() as { id: string; lead_id: string; notes: string; duration_sec: number | null }[];
  expect(calls.size).toBe(local.length);
  for (const c of local) {
    const call = calls.get(c.id)!;
    expect(call.properties).toMatchObject({ hs_call_body: c.notes, hs_call_direction: 'OUTBOUND' });
    if (c.duration_sec !== null) expect(call.properties.hs_call_duration).toBe(String(c.duration_sec * 1000));
    expect(h.hs.associated('calls', call.id, 'contacts')).toEqual([contacts.get(c.lead_id)!.id]);
  }
  const leads = db.prepare("SELECT DISTINCT CASE entity WHEN 'call' THEN json_extract(payload, '$.leadId') WHEN 'handoff' THEN json_extract(payload, '$.leadId') ELSE entity_id END AS lead FROM outbox").all() as { lead: string }[];
  expect(contacts.size).toBe(leads.length);
  for (const { lead } of leads) {
    const row = db.prepare('SELECT status, crm_id FROM leads WHERE id = ?').get(lead) as { status: keyof typeof statuses; crm_id: string | null };
    const remote = contacts.get(lead)!;
    expect(remote.id).toBe(row.crm_id);
    if (db.prepare("SELECT 1 FROM outbox WHERE entity = 'lead' AND entity_id = ?").get(lead)) expect(remote.properties.hs_lead_status).toBe(statuses[row.status]);
  }
  const handoffs = db.prepare('SELECT id, summary, crm_id FROM handoffs').all() as { id: string; summary: string; crm_id: string }[];
  expect(deals.size).toBe(handoffs.length);
  for (const handoff of handoffs) {
    const deal = deals.get(handoff.id)!;
    expect(deal.id).toBe(handoff.crm_id);
    expect(notes.get(handoff.id)!.properties.hs_note_body).toContain(handoff.summary);
    expect(h.hs.associated('notes', notes.get(handoff.id)!.id, 'deals')).toEqual([deal.id]);
  }
}
