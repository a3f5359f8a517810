import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { behaviourLookups } from '../../electron/backend/app/behaviour/writeEvents';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { behaviourUnique } from '../../electron/backend/db/migrations/0004-behaviour-unique';

let dir: string;
let db: Database.Database;
const version = migrations.indexOf(behaviourUnique) + 1;
const at = '2025-04-07T00:00:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koma-behaviour-'));
  db = new Database(join(dir, 'm.sqlite3'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertEvent = (id: string, kind: string, occurredAt: string) =>
  db.prepare('INSERT INTO behaviour_events (id, lead_id, kind, occurred_at, created_at) VALUES (?, ?, ?, ?, ?)').run(id, 'l1', kind, occurredAt, at);

describe('the behaviour-unique migration', () => {
  it('keeps the first copy of events already doubled, then refuses a second copy', () => {
    expect(version).toBeGreaterThan(0);
    migrate(db, version - 1);
    db.prepare("INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'A', 'a', ?, ?)").run(at, at);
    db.prepare("INSERT INTO leads (id, company_id, full_name, search_text, created_at, updated_at) VALUES ('l1', 'c1', 'x', 'x', ?, ?)").run(at, at);
    insertEvent('e1', 'seminar', '2025-04-01T06:00:00.000Z');
    insertEvent('e2', 'seminar', '2025-04-01T06:00:00.000Z');
    insertEvent('e3', 'web_visit', '2025-04-01T06:00:00.000Z');

    migrate(db, version);

    expect(db.prepare('SELECT id FROM behaviour_events ORDER BY id').all()).toEqual([{ id: 'e1' }, { id: 'e3' }]);
    expect(() => insertEvent('e4', 'seminar', '2025-04-01T06:00:00.000Z')).toThrow(/UNIQUE/);
  });

  it.each<[keyof typeof behaviourLookups, unknown, RegExp]>([
    ['leadsByEmail', 'taro@example.jp', /SEARCH leads USING (COVERING )?INDEX leads_email_key/],
    ['leadByCrmId', JSON.stringify(['00Q5g00000AbCdE', '00Q5g00000AbCdEEAV']), /SEARCH leads USING (COVERING )?INDEX leads_crm_id/],
  ])('a row finds its lead by an index: %s', (lookup, parameter, index) => {
    migrate(db);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${behaviourLookups[lookup]}`).all(parameter) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(index);
  });
});
