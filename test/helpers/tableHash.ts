import { createHash } from 'node:crypto';
import type { Db } from '../../electron/backend/db/open';

/** A hash of every row of every table, in rowid order: equal hashes mean nothing was written. */
export function tableHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
