import { expect } from 'vitest';
import { defaultSyncSettings, type SyncSettings } from '../../shared/contract/sync';
import { outcomeLabels } from '../../electron/backend/sync/kintone/mapping';
import { startFakeKintone, type FakeKintone, type FakeKintoneOptions, type FakeKintoneRecord, type KintoneAppKey } from './fakeKintone';
import { createCrmHarness, type SyncHarness, type SyncHarnessOptions } from './syncHarness';

export const repLogin = 'sato';

export interface KintoneHarness extends SyncHarness {
  readonly kt: FakeKintone;
}

/** kintone settings pointing at the fake: its three apps, the rep's login (a deep copy of the defaults). */
export function kintoneSettingsFor(kt: FakeKintone, patch: Partial<SyncSettings['kintone']> = {}): SyncSettings {
  const defaults = structuredClone(defaultSyncSettings);
  return { ...defaults, connector: 'kintone', kintone: { ...defaults.kintone, baseUrl: kt.url, ownerLogin: repLogin, apps: { ...kt.apps }, ...patch } };
}

/**
 * A backend with sync wired to a fake kintone on loopback (the harness's own fake Salesforce stays
 * unused), connected through `sync.settings.save` with the three apps' API tokens unless `connect` is false.
 */
export async function createKintoneHarness(options: { fake?: FakeKintoneOptions; harness?: SyncHarnessOptions; connect?: boolean } = {}): Promise<KintoneHarness> {
  const kt = await startFakeKintone(options.fake);
  const connect = (h: SyncHarness) => h.call('sync.settings.save', { settings: kintoneSettingsFor(kt), kintoneTokens: { ...kt.tokens } });
  return Object.assign(await createCrmHarness(kt, options.connect === false ? null : connect, options.harness), { kt });
}

/** The fake's records of an app by Koma's id; fails on a duplicate (an add where an upsert was due). */
export function byKomaIdKt(kt: FakeKintone, app: KintoneAppKey): Map<string, FakeKintoneRecord> {
  const map = new Map<string, FakeKintoneRecord>();
  for (const r of kt.records(app)) {
    const key = r.values.koma_id;
    if (typeof key !== 'string' || key === '') continue;
    if (map.has(key)) throw new Error(`duplicate ${app} record for ${key}`);
    map.set(key, r);
  }
  return map;
}

/**
 * Exactly once in kintone: nothing left unsent; every call, lead and handoff of the local store is
 * there once by Koma's id with its latest content.
 */
export function expectExactlyOnceKt(h: KintoneHarness): void {
  const db = h.backend.context.db;
  const statuses = defaultSyncSettings.kintone.lead.statuses;
  expect(h.outbox().filter((r) => r.state !== 'done')).toEqual([]);
  const leads = byKomaIdKt(h.kt, 'leads');
  // The call log app holds follow-up mails too (種別 メール).
  const calls = new Map([...byKomaIdKt(h.kt, 'calls')].filter(([, r]) => r.values.種別 === '電話'));
  const handoffs = byKomaIdKt(h.kt, 'handoffs');
  const local = db.prepare('SELECT id, lead_id, outcome, notes, duration_sec FROM calls').all() as { id: string; lead_id: string; outcome: keyof typeof outcomeLabels; notes: string; duration_sec: number | null }[];
  expect(calls.size).toBe(local.length);
  for (const c of local) {
    const call = calls.get(c.id)!;
    expect(call.values).toMatchObject({ 内容: c.notes, 結果: outcomeLabels[c.outcome], リードID: c.lead_id, 種別: '電話' });
    if (c.duration_sec !== null) expect(call.values.通話秒数).toBe(String(c.duration_sec));
  }
  const touched = db.prepare("SELECT DISTINCT CASE entity WHEN 'lead' THEN entity_id ELSE json_extract(payload, '$.leadId') END AS lead FROM outbox WHERE entity IN ('lead', 'call', 'handoff', 'followup')").all() as { lead: string }[];
  expect(leads.size).toBe(touched.length);
  for (const { lead } of touched) {
    const row = db.prepare('SELECT status, crm_id FROM leads WHERE id = ?').get(lead) as { status: keyof typeof statuses; crm_id: string | null };
    const remote = leads.get(lead)!;
    expect(remote.id).toBe(row.crm_id);
    if (db.prepare("SELECT 1 FROM outbox WHERE entity = 'lead' AND entity_id = ?").get(lead)) expect(remote.values.ステータス).toBe(statuses[row.status]);
  }
  const local2 = db.prepare('SELECT id, summary, crm_id FROM handoffs').all() as { id: string; summary: string; crm_id: string }[];
  expect(handoffs.size).toBe(local2.length);
  for (const handoff of local2) {
    const record = handoffs.get(handoff.id)!;
    expect(record.id).toBe(handoff.crm_id);
    expect(String(record.values.引き継ぎ内容)).toContain(handoff.summary);
  }
}
