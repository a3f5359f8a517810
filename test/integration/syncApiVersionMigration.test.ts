import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { salesforceApiVersion } from '../../electron/backend/db/migrations/0011-salesforce-api-version';
import { defaultSyncSettings } from '../../shared/contract/sync';

let dir: string;
let db: Database.Database;
const version = migrations.indexOf(salesforceApiVersion) + 1;
const at = '2025-04-07T00:00:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koma-apiversion-'));
  db = new Database(join(dir, 'm.sqlite3'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const saved = (apiVersion: string) => JSON.stringify({ ...defaultSyncSettings, connector: 'salesforce', salesforce: { ...defaultSyncSettings.salesforce, apiVersion, clientId: 'abc' } });

it.each([
  ['v62.0', 'v67.0'],
  ['v58.0', 'v67.0'],
  ['v67.0', 'v67.0'],
  ['v68.0', 'v68.0'],
])('saved settings on %s read %s after the migration, everything else kept', (before, after) => {
  expect(version).toBeGreaterThan(0);
  migrate(db, version - 1);
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('sync', ?, ?)").run(saved(before), at);
  migrate(db, version);
  const value = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'sync'").get() as { value: string }).value) as typeof defaultSyncSettings;
  expect(value.salesforce.apiVersion).toBe(after);
  expect(value.salesforce.clientId).toBe('abc');
  expect(value.connector).toBe('salesforce');
});

it('is the default for new settings', () => {
  expect(defaultSyncSettings.salesforce.apiVersion).toBe('v67.0');
});
