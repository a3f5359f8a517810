import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { searchKey } from '../../shared/domain/normalize';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koma-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const version = migrations.findIndex((m) => m.name.endsWith('-japanese-identity')) + 1;

describe('the Japanese identity migration', () => {
  it('rekeys companies with legal forms spelled out, never merging two stored companies, and refolds search keys', () => {
    const db = new Database(join(dir, 'm.sqlite3'));
    migrate(db, version - 1);
    const now = '2026-11-23T00:00:00.000Z';
    const company = db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    // Keys as the old fold made them: NFKC, lower case, no spaces.
    company.run('c1', '株式会社見本精機', '株式会社見本精機', now, now);
    company.run('c2', '㈱見本精機', '(株)見本精機', '2026-11-24T00:00:00.000Z', now);
    company.run('c3', '(有)山田商店', '(有)山田商店', now, now);
    db.prepare(`INSERT INTO leads (id, company_id, full_name, phone, search_text, created_at, updated_at) VALUES ('l1', 'c3', '髙橋 太郎', '03-0000-0000', 'old', ?, ?)`).run(now, now);
    migrate(db, version);
    expect(db.prepare('SELECT id, name_key FROM companies ORDER BY id').all()).toEqual([
      { id: 'c1', name_key: '株式会社見本精機' },
      // Would fold onto c1: keeps its old key, for the rep to merge or not.
      { id: 'c2', name_key: '(株)見本精機' },
      { id: 'c3', name_key: '有限会社山田商店' },
    ]);
    const lead = db.prepare('SELECT search_text, name_key FROM leads').get() as { search_text: string; name_key: string };
    expect(lead.name_key).toBe('髙橋太郎');
    expect(lead.search_text).toContain(searchKey('高橋'));
    expect(lead.search_text).toContain(searchKey('有限会社山田商店'));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM leads WHERE company_id = 'c3' AND name_key = 'x'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING INDEX leads_company_name/);
    db.close();
  });
});
