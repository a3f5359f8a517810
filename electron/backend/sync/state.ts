import type { z } from 'zod';
import type { Db } from '../db/open';
import { perDatabase } from '../db/perDatabase';

const statements = perDatabase((db: Db) => ({
  get: db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?'),
  set: db.prepare<[string, string, string]>(
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
  delete: db.prepare<[string]>('DELETE FROM sync_state WHERE key = ?'),
}));

/** A value the engine keeps between runs and restarts; one that no longer parses reads as absent. */
export function readState<T>(db: Db, key: string, schema: z.ZodType<T>): T | null {
  const row = statements(db).get.get(key);
  if (!row) return null;
  const parsed = schema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function writeState(db: Db, key: string, value: unknown, at: string): void {
  statements(db).set.run(key, JSON.stringify(value), at);
}

export function deleteState(db: Db, key: string): void {
  statements(db).delete.run(key);
}

/** The keys, in one place so nothing else spells them. */
export const stateKeys = {
  salesforceSession: 'salesforce.session',
  pause: 'pause',
  lastSuccessAt: 'last_success_at',
  lastError: 'last_error',
  quota: 'quota',
  hubspotQuota: 'hubspot.quota',
  hubspotAccount: 'hubspot.account',
  kintoneQuota: 'kintone.quota',
  /** The kintone domain and leads app the pull positions belong to. */
  kintoneAccount: 'kintone.account',
  leadsCursor: 'pull.leads.cursor',
  answersCursor: 'pull.answers.cursor',
  phoneCallsCursor: 'pull.phone_calls.cursor',
  lastPullAt: 'pull.last_at',
  /** The last setup check, with the connector it read: Settings lists it without checking again. */
  setupCheck: 'setup_check.last',
} as const;
