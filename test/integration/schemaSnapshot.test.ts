import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open';
import { testDatabaseKey } from '../helpers/testKey';

/**
 * The schema every migration leads to, as SQLite keeps it, against a file in the repository (as
 * Actual Budget's schema-guard does). A migration that changes the schema fails this test until
 * its author updates the snapshot (`npx vitest run test/integration/schemaSnapshot.test.ts -u`)
 * and the diff shows the change in review; an edit to an old migration that changes the schema
 * shows up here too.
 */
it('the migrated schema matches test/integration/schema/schema.sql', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'koma-schema-'));
  try {
    const db = openDatabase(join(dir, 'koma.sqlite3'), testDatabaseKey);
    const rows = db
      .prepare<[], { type: string; name: string; sql: string }>("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all();
    db.close();
    const text = [`-- schema version ${migrations.length}`, ...rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/\s+/g, ' ').trim()};`)].join('\n\n');
    await expect(`${text}\n`).toMatchFileSnapshot('./schema/schema.sql');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
