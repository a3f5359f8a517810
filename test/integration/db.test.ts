import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { unlock } from '../../electron/backend/db/encryption';
import { openDatabase } from '../../electron/backend/db/open';
import { testDatabaseKey } from '../helpers/testKey';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koma-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout on every open, including a reopen', () => {
    const path = join(dir, 'koma.sqlite3');
    for (let open = 0; open < 2; open++) {
      const db = openDatabase(path, testDatabaseKey);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 = FULL. A reopened WAL database silently reports 1 (NORMAL) unless it is set again.
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      db.close();
    }
  });

  it('a plain reopen falls back to synchronous=NORMAL, which is why openDatabase sets FULL every time', () => {
    const path = join(dir, 'koma.sqlite3');
    openDatabase(path, testDatabaseKey).close();
    const raw = new Database(path);
    unlock(raw, testDatabaseKey);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
  });

  it('refuses a database written by a newer version, with a clear message, and changes nothing', () => {
    const path = join(dir, 'koma.sqlite3');
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(path, testDatabaseKey)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path, testDatabaseKey)).toThrow(/newer version of Koma/);
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    after.close();
  });
});

describe('migrations', () => {
  it('each migration runs from the previous version and sets user_version to its position', () => {
    const db = new Database(join(dir, 'm.sqlite3'));
    for (let version = 1; version <= migrations.length; version++) {
      migrate(db, version);
      expect(schemaVersion(db)).toBe(version);
    }
    db.close();
  });

  it('a failing migration rolls back whole and leaves the version where it was', () => {
    const db = new Database(join(dir, 'm.sqlite3'));
    db.exec('CREATE TABLE settings (key TEXT)'); // collides with 0001's first table
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'leads'").get()).toBeUndefined();
    db.close();
  });

  it('the migrated schema has every table of the domain, all STRICT', () => {
    const db = openDatabase(join(dir, 'koma.sqlite3'), testDatabaseKey);
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual([
      'behaviour_events',
      'call_drafts',
      'call_half_hours',
      'call_objections',
      'call_tallies',
      'calls',
      'companies',
      'exit_tallies',
      'field_reps',
      'followups',
      'handoffs',
      'hearings',
      'import_undo',
      'imports',
      'kpi_tally_basis',
      'lead_duplicates',
      'lead_exits',
      'lead_work_days',
      'lead_work_months',
      'leads',
      'outbox',
      'phone_calls',
      'queue_requeue',
      'settings',
      'slots',
      'sync_conflicts',
      'sync_lead_base',
      'sync_state',
      'talk_sets',
    ]);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
    db.close();
  });

  it('0002 marks every existing lead for classification and indexes the queue', () => {
    const db = new Database(join(dir, 'm.sqlite3'));
    migrate(db, 1);
    const now = '2026-11-23T00:00:00.000Z';
    db.prepare(`INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'A', 'a', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO leads (id, company_id, full_name, search_text, created_at, updated_at) VALUES ('l1', 'c1', 'x', 'x', ?, ?)`).run(now, now);
    migrate(db, 2);
    expect(db.prepare('SELECT queue_bucket, queue_changes_at FROM leads').get()).toEqual({ queue_bucket: 0, queue_changes_at: '1970-01-01T00:00:00.000Z' });
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM leads WHERE queue_changes_at <= ?').all(now) as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING INDEX leads_queue_changes/);
    db.close();
  });

  it('0010 makes the duration of an untimed call unknown, marks calls with a sealed hearing as conversations, adds lead notes', () => {
    const db = new Database(join(dir, 'm10.sqlite3'));
    migrate(db, 9);
    const now = '2026-11-23T00:00:00.000Z';
    const later = '2026-11-23T00:04:00.000Z';
    db.prepare(`INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'A', 'a', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO leads (id, company_id, full_name, search_text, created_at, updated_at) VALUES ('l1', 'c1', 'x', 'x', ?, ?)`).run(now, now);
    const call = db.prepare(`INSERT INTO calls (id, lead_id, started_at, ended_at, duration_sec, outcome, created_at) VALUES (?, 'l1', ?, ?, ?, ?, ?)`);
    call.run('untimed', now, now, 0, 'connected', now);
    call.run('timed', now, later, 240, 'connected', now);
    call.run('heard', now, now, 0, 'connected', now);
    call.run('unanswered', now, now, 0, 'no_answer', now);
    const hearing = db.prepare(`INSERT INTO hearings (id, lead_id, version, data, call_id, created_at) VALUES (?, 'l1', ?, '{}', ?, ?)`);
    hearing.run('h1', 1, 'heard', now);
    hearing.run('h2', 2, 'unanswered', now);
    migrate(db, 10);
    expect(db.prepare('SELECT id, duration_sec AS d, conversation AS c FROM calls ORDER BY id').all()).toEqual([
      { id: 'heard', d: null, c: 1 },
      { id: 'timed', d: 240, c: 0 },
      { id: 'unanswered', d: null, c: 0 },
      { id: 'untimed', d: null, c: 0 },
    ]);
    expect(db.prepare('SELECT notes, notes_saved_at FROM leads').get()).toEqual({ notes: '', notes_saved_at: null });
    db.close();
  });

  it('0019 fills the leads worked per month from the day rows already counted, once per lead and source', () => {
    const db = new Database(join(dir, 'm19.sqlite3'));
    migrate(db, 18);
    const day = db.prepare('INSERT INTO lead_work_days (day, lead_id, source) VALUES (?, ?, ?)');
    day.run('2026-10-01', 'l1', 'seminar');
    day.run('2026-10-31', 'l1', 'seminar');
    // The lead's source changed mid-month: the month holds it under both, as its days do.
    day.run('2026-10-15', 'l1', 'referral');
    day.run('2026-11-01', 'l1', 'referral');
    day.run('2026-10-31', 'l2', 'web_inquiry');
    migrate(db, 19);
    expect(db.prepare('SELECT month, lead_id, source FROM lead_work_months ORDER BY month, lead_id, source').all()).toEqual([
      { month: '2026-10', lead_id: 'l1', source: 'referral' },
      { month: '2026-10', lead_id: 'l1', source: 'seminar' },
      { month: '2026-10', lead_id: 'l2', source: 'web_inquiry' },
      { month: '2026-11', lead_id: 'l1', source: 'referral' },
    ]);
    db.close();
  });

  it('0001 enforces foreign keys and the lead status domain', () => {
    const db = openDatabase(join(dir, 'koma.sqlite3'), testDatabaseKey);
    const now = '2026-11-23T00:00:00.000Z';
    const insertLead = db.prepare(
      `INSERT INTO leads (id, company_id, full_name, status, search_text, created_at, updated_at)
       VALUES (?, ?, 'x', ?, 'x', ?, ?)`,
    );
    expect(() => insertLead.run('l1', 'no-such-company', 'new', now, now)).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'A', 'a', ?, ?)`).run(now, now);
    expect(() => insertLead.run('l1', 'c1', 'lost-in-space', now, now)).toThrow(/CHECK/);
    insertLead.run('l1', 'c1', 'new', now, now);
    db.close();
  });
});
